package org.machi.alerts.publishing;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.shared.Banner;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The alerts in force, for the banner on every page. Read from the database at most once a second
 * (expiry is noticed within that second) and at once after a publication on this node.
 */
@Component
public class InForceAlerts implements Banner.Source {

    private final LoadingCache<Boolean, List<Alert>> current;
    private final MessageSource messages;

    InForceAlerts(AlertStore store, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.current = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(1))
                .build(any -> store.inForce(clock.instant()));
    }

    public List<Alert> now() {
        return current.get(Boolean.TRUE);
    }

    void refresh() {
        current.invalidateAll();
    }

    @Override
    public List<Banner> current(SiteLanguage language) {
        return now().stream().map(alert -> banner(alert, language)).toList();
    }

    private Banner banner(Alert alert, SiteLanguage language) {
        Reading reading = Reading.of(alert, language);
        String kind = messages.getMessage(alert.kind().messageKey(), null, language.locale());
        String label = alert.exercise() && !alert.kind().alwaysExercise() ? messages.getMessage("alert.exerciseLabel", new Object[] {kind}, language.locale()) : kind;
        boolean urgent = !alert.exercise() && (alert.content().urgency() == CapMessage.Urgency.IMMEDIATE
                || alert.response() == CapMessage.ResponseType.EVACUATE);
        return new Banner(label, reading.text().headline(), reading.langAttribute(language), "/alerts/" + alert.id(), urgent);
    }
}
