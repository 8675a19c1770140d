package org.machi.alerts.publishing;

import static org.machi.alerts.publishing.AtomFeed.element;
import static org.machi.alerts.publishing.AtomFeed.link;
import static org.machi.alerts.publishing.AtomFeed.time;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.shared.CityProfile;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Atom 1.0 feeds of notices (RFC 4287): all of them, or one category, newest first, in Japanese. */
@Component
public class NoticeFeed {

    private final CityProfile city;
    private final MessageSource messages;
    private final String baseUrl;

    NoticeFeed(CityProfile city, MessageSource messages, SharedProperties shared) {
        this.city = city;
        this.messages = messages;
        this.baseUrl = shared.baseUrl();
    }

    /** The address of the feed of one category, or of every notice when the category is null. */
    public String feedUrl(NoticeCategory category) {
        return baseUrl + (category == null ? "/notices/feed.atom" : "/notices/categories/" + category.name() + "/feed.atom");
    }

    public String pageUrl(Notice notice) {
        return baseUrl + "/notices/" + notice.id();
    }

    /** The feed of these notices, newest first; {@code updated} is when it last changed (see {@link AtomFeed#write}). */
    public String write(NoticeCategory category, List<Notice> notices, Instant updated) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "ja");
            String self = feedUrl(category);
            element(xml, "id", self);
            element(xml, "title", title(category, SiteLanguage.JA) + " / " + title(category, SiteLanguage.EN));
            element(xml, "updated", time(updated));
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", baseUrl + "/notices" + (category == null ? "" : "?category=" + category.name()), "text/html");
            xml.writeStartElement("author");
            element(xml, "name", city.name(SiteLanguage.JA));
            element(xml, "uri", city.website().toString());
            xml.writeEndElement();
            for (Notice notice : notices) {
                entry(xml, notice);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the notice feed", e);
        }
    }

    private String title(NoticeCategory category, SiteLanguage language) {
        String notices = messages.getMessage("notices.title", null, language.locale());
        String name = city.name(language) + " " + notices;
        return category == null ? name : name + ": " + messages.getMessage(category.messageKey(), null, language.locale());
    }

    private void entry(XMLStreamWriter xml, Notice notice) throws XMLStreamException {
        NoticeText japanese = notice.texts().get(SiteLanguage.JA.code());
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + notice.id());
        element(xml, "title", japanese.title());
        element(xml, "updated", time(notice.publishedAt()));
        element(xml, "published", time(notice.publishedAt()));
        link(xml, "alternate", pageUrl(notice), "text/html");
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", notice.category().name());
        xml.writeAttribute("label", messages.getMessage(notice.category().messageKey(), null, SiteLanguage.JA.locale()));
        element(xml, "summary", japanese.body());
        xml.writeEndElement();
    }
}
