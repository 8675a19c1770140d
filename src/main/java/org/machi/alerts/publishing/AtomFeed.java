package org.machi.alerts.publishing;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.machi.alerts.cap.XmlCharacters;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/**
 * The Atom 1.0 feed of alerts (RFC 4287) as public alert aggregators read it: one entry per
 * published message, linking to its CAP document, newest first.
 */
@Component
public class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final CapDocuments cap;
    private final CityProfile city;

    AtomFeed(CapDocuments cap, CityProfile city) {
        this.cap = cap;
        this.city = city;
    }

    /**
     * The feed of these alerts, newest first. {@code updated} is when the feed last changed (the
     * controller also sends it as Last-Modified): a fixed instant, so that an unchanged feed is the
     * same document at every request.
     */
    public String write(List<Alert> alerts, Instant updated) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "ja");
            String self = cap.baseUrl() + "/alerts/feed.atom";
            element(xml, "id", self);
            element(xml, "title", city.name(SiteLanguage.JA) + " 緊急情報 / " + city.name(SiteLanguage.EN) + " alerts");
            element(xml, "updated", time(updated));
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", cap.baseUrl() + "/alerts", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", city.name(SiteLanguage.JA));
            element(xml, "uri", city.website().toString());
            xml.writeEndElement();
            for (Alert alert : alerts) {
                entry(xml, alert);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
    }

    private static final String DRILL = "【訓練】";

    private void entry(XMLStreamWriter xml, Alert alert) throws XMLStreamException {
        AlertText japanese = alert.texts().get(SiteLanguage.JA.code());
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + alert.id());
        boolean drill = alert.exercise();
        element(xml, "title", drill && !japanese.headline().startsWith(DRILL) ? DRILL + japanese.headline() : japanese.headline());
        element(xml, "updated", time(alert.publishedAt()));
        element(xml, "published", time(alert.publishedAt()));
        if (drill) {
            // the mark a feed reader shows, and the CAP status for software that reads categories
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", "Exercise");
            xml.writeAttribute("label", "訓練 / Drill");
        }
        // people open the page; aggregators take the CAP message (documented in docs/operations.md)
        link(xml, "alternate", cap.pageUrl(alert), "text/html");
        link(xml, "related", cap.capUrl(alert), "application/cap+xml");
        element(xml, "summary", japanese.description());
        xml.writeEndElement();
    }

    static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", XmlCharacters.legal(href));
        xml.writeAttribute("type", type);
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlCharacters.legal(text));
        xml.writeEndElement();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
