package org.machi.alerts.delivery;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.UUID;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.Reading;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An alert as a subscriber receives it, in their language (with the usual fallback): the mail's
 * subject and body, and what a webhook carries. Made once per alert and language, not per recipient.
 */
@Component
class AlertMessages {

    private final AlertStore store;
    private final AlertTemplates templates;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;
    private final LoadingCache<Key, Rendered> rendered;

    AlertMessages(AlertStore store, AlertTemplates templates, MessageSource messages, CityProfile city,
                  @Value("${machi.base-url}") String baseUrl) {
        this.store = store;
        this.templates = templates;
        this.messages = messages;
        this.city = city;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.rendered = Caffeine.newBuilder().maximumSize(1000).expireAfterAccess(Duration.ofMinutes(10))
                .build(key -> render(key.alertId(), key.language()));
    }

    Rendered of(UUID alertId, String languageCode) {
        return rendered.get(new Key(alertId, SiteLanguage.fromCode(languageCode).orElse(SiteLanguage.JA)));
    }

    String baseUrl() {
        return baseUrl;
    }

    private Rendered render(UUID alertId, SiteLanguage language) {
        Alert alert = store.find(alertId).orElseThrow();
        Reading reading = Reading.of(alert, language);
        String kind = text(alert.kind().messageKey(), language);
        String label = alert.type() == CapMessage.MsgType.CANCEL ? text("alert.cancelled", language)
                : alert.exercise() && !alert.kind().alwaysExercise() ? text("alert.exerciseLabel", language, kind) : kind;
        String url = baseUrl + "/alerts/" + alert.id();
        StringBuilder body = new StringBuilder();
        if (reading.fallback()) {
            body.append(text("alert.fallbackNotice", language, reading.language().nativeName())).append("\n\n");
        }
        body.append(reading.text().headline()).append("\n\n").append(reading.text().description()).append("\n");
        if (reading.text().instruction() != null && !reading.text().instruction().isBlank()) {
            body.append("\n").append(reading.text().instruction()).append("\n");
        }
        body.append("\n").append(text("alert.districts", language)).append(": ")
                .append(templates.districtNames(alert.districts(), language)).append("\n");
        body.append(text("alert.effective", language)).append(": ").append(templates.time(alert.content().effective(), language)).append("\n");
        if (alert.content().expires() != null) {
            body.append(text("alert.expires", language)).append(": ").append(templates.time(alert.content().expires(), language)).append("\n");
        }
        body.append("\n").append(text("alert.mail.more", language)).append("\n").append(url).append("\n");
        String subject = text("alert.mail.subject", language, city.name(language), label, reading.text().headline());
        return new Rendered(alert, reading, subject, body.toString(), url, label);
    }

    String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    private record Key(UUID alertId, SiteLanguage language) {
    }

    /** The alert in one reader's language, ready to send. */
    record Rendered(Alert alert, Reading reading, String subject, String body, String url, String label) {
    }
}
