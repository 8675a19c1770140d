package org.machi.alerts.delivery;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.cap.CapWriter;
import org.machi.alerts.delivery.Deliveries.Item;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.LanguageTags;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.CapDocuments;
import org.machi.alerts.publishing.NoticeReading;
import org.machi.alerts.publishing.NoticeStore;
import org.machi.alerts.publishing.Reading;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An alert or a notice as a subscriber receives it, in their language (with the usual fallback):
 * the mail's subject and text, what a webhook carries, and what a push notification shows. Made
 * once per item and language, not per recipient.
 */
@Component
class DeliveryMessages {

    private static final int NOTIFICATION_TEXT_LIMIT = 400;

    private final AlertStore alerts;
    private final NoticeStore notices;
    private final AlertTemplates templates;
    private final CapDocuments cap;
    private final MessageSource messages;
    private final MailSubjects subjects;
    private final String baseUrl;
    private final JsonMapper json;
    private final LoadingCache<Key, Rendered> rendered;

    DeliveryMessages(AlertStore alerts, NoticeStore notices, AlertTemplates templates, CapDocuments cap, MessageSource messages,
                     MailSubjects subjects, JsonMapper json, SharedProperties shared) {
        this.cap = cap;
        this.json = json;
        this.alerts = alerts;
        this.notices = notices;
        this.templates = templates;
        this.messages = messages;
        this.subjects = subjects;
        this.baseUrl = shared.baseUrl();
        this.rendered = Caffeine.newBuilder().maximumSize(1000).expireAfterAccess(Duration.ofMinutes(10))
                .build(key -> key.item() == Item.ALERT ? alert(key.id(), key.language()) : notice(key.id(), key.language()));
    }

    Rendered of(Deliveries.Due due) {
        SiteLanguage language = SiteLanguage.fromCode(due.language()).orElse(SiteLanguage.JA);
        return rendered.get(new Key(due.item(), due.key().itemId(), language));
    }

    String baseUrl() {
        return baseUrl;
    }

    String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    /** The language a text is shown in, named in the reader's language. */
    private String languageName(SiteLanguage shown, SiteLanguage reader) {
        return text("alert.language." + shown.code(), reader);
    }

    private Rendered alert(UUID id, SiteLanguage language) {
        Alert alert = alerts.find(id).orElseThrow();
        Reading reading = Reading.of(alert, language);
        String kind = text(alert.kind().messageKey(), language);
        String label = alert.type() == CapMessage.MsgType.CANCEL ? text("alert.cancelled", language)
                : alert.exercise() && !alert.kind().alwaysExercise() ? text("alert.exerciseLabel", language, kind) : kind;
        String url = baseUrl + "/alerts/" + alert.id();
        StringBuilder body = new StringBuilder();
        if (reading.fallback()) {
            body.append(text("alert.fallbackNotice", language, languageName(reading.language(), language))).append("\n\n");
        }
        body.append(reading.text().headline()).append("\n\n").append(reading.text().description()).append("\n");
        if (reading.text().instruction() != null && !reading.text().instruction().isBlank()) {
            body.append("\n").append(reading.text().instruction()).append("\n");
        }
        body.append("\n").append(text("alert.districts", language)).append(": ")
                .append(templates.areaName(alert.districts(), language)).append("\n");
        body.append(text("alert.effective", language)).append(": ").append(templates.time(alert.content().effective(), language)).append("\n");
        if (alert.content().expires() != null) {
            body.append(text("alert.expires", language)).append(": ").append(templates.time(alert.content().expires(), language)).append("\n");
        }
        if (alert.content().link() != null) {
            body.append(text("alert.link", language)).append(": ").append(alert.content().link()).append("\n");
        }
        body.append("\n").append(text("alert.mail.more", language)).append("\n").append(url).append("\n");
        String subject = subjects.alert(alert, kind, reading.text().headline(), language);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", alert.id().toString());
        data.put("capIdentifier", alert.capIdentifier());
        data.put("msgType", CapWriter.capitalized(alert.type()));
        data.put("status", alert.exercise() ? "Exercise" : "Actual");
        data.put("kind", alert.kind().name());
        data.put("label", label);
        data.put("language", LanguageTags.of(reading.language()));
        data.put("languageFallback", reading.fallback());
        data.put("headline", reading.text().headline());
        data.put("description", reading.text().description());
        data.put("instruction", reading.text().instruction());
        data.put("districts", alert.districts().stream().sorted().toList());
        data.put("effective", alert.content().effective().toString());
        data.put("expires", alert.content().expires() == null ? null : alert.content().expires().toString());
        data.put("references", cap.references(alert));
        data.put("link", alert.content().link());
        data.put("url", url);
        data.put("cap", url + "/cap.xml");
        String type = switch (alert.type()) {
            case ALERT -> "alert.published";
            case UPDATE -> "alert.updated";
            case CANCEL -> "alert.cancelled";
        };
        return rendered(subject, body.toString(), "alert.mail.footer", label, reading.text().headline(), url,
                LanguageTags.of(reading.language()), type, data, true, alert.id());
    }

    private Rendered notice(UUID id, SiteLanguage language) {
        Notice notice = notices.find(id).orElseThrow();
        NoticeReading reading = NoticeReading.of(notice, language);
        String label = text(notice.category().messageKey(), language);
        String url = baseUrl + "/notices/" + notice.id();
        String place = notice.wholeCity() ? text("alert.template.wholeCity", language) : templates.districtNames(notice.districts(), language);
        StringBuilder body = new StringBuilder();
        if (reading.fallback()) {
            body.append(text("notice.fallbackNotice", language, languageName(reading.language(), language))).append("\n\n");
        }
        body.append(reading.text().title()).append("\n\n").append(reading.text().body()).append("\n\n");
        body.append(text("alert.districts", language)).append(": ").append(place).append("\n");
        if (notice.link() != null) {
            body.append(text("alert.link", language)).append(": ").append(notice.link()).append("\n");
        }
        body.append("\n").append(text("alert.mail.more", language)).append("\n").append(url).append("\n");
        String subject = subjects.notice(label, reading.text().title(), language);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", notice.id().toString());
        data.put("category", notice.category().name());
        data.put("label", label);
        data.put("language", LanguageTags.of(reading.language()));
        data.put("languageFallback", reading.fallback());
        data.put("title", reading.text().title());
        data.put("body", reading.text().body());
        data.put("districts", notice.districts().stream().sorted().toList());
        data.put("wholeCity", notice.wholeCity());
        data.put("published", notice.publishedAt().toString());
        data.put("link", notice.link());
        data.put("url", url);
        return rendered(subject, body.toString(), "notice.mail.footer", label, reading.text().title(), url,
                LanguageTags.of(reading.language()), "notice.published", data, false, notice.id());
    }

    /** The parts that are the same for every recipient of a language are written to JSON here, once. */
    private Rendered rendered(String subject, String mailText, String footerKey, String label, String headline, String url,
                              String lang, String eventType, Map<String, Object> data, boolean urgent, UUID item) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("title", label);
        notification.put("body", cut(headline));
        notification.put("lang", lang);
        notification.put("url", url);
        notification.put("tag", item.toString());
        notification.put("urgent", urgent);
        return new Rendered(subject, mailText, footerKey, url, lang, eventType, json.writeValueAsString(data),
                json.writeValueAsString(notification).getBytes(StandardCharsets.UTF_8), urgent);
    }

    /** Push services take about 4 kB of payload; a notification's text is cut well before. */
    private static String cut(String text) {
        return text.codePointCount(0, text.length()) <= NOTIFICATION_TEXT_LIMIT ? text
                : text.substring(0, text.offsetByCodePoints(0, NOTIFICATION_TEXT_LIMIT - 1)) + "…";
    }

    private record Key(Item item, UUID id, SiteLanguage language) {
    }

    /**
     * One item in one reader's language, ready to send.
     *
     * @param footerKey    the message key of the mail's footer (how to stop receiving), with the link as {0}
     * @param lang         the BCP 47 tag of the language the text is in ({@code ja-x-easy} for やさしい日本語)
     * @param eventType    the webhook event's type
     * @param dataJson     the webhook event's data, as JSON
     * @param notification what a push notification shows (kind or category, headline, link), as JSON
     * @param urgent       an emergency alert: pushed at high urgency
     */
    record Rendered(String subject, String mailText, String footerKey, String url, String lang, String eventType, String dataJson,
                    byte[] notification, boolean urgent) {
    }
}
