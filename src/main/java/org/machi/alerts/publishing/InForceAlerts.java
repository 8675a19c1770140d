package org.machi.alerts.publishing;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertKind;
import org.machi.shared.Banner;
import org.machi.shared.SharedPages;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The alerts in force, for the banner on every page. Read from the database at most once a second
 * (expiry is noticed within that second) and at once after a publication on this node, when the
 * pages kept for anonymous readers are dropped too.
 */
@Component
public class InForceAlerts implements Banner.Source {

    private final LoadingCache<Boolean, List<Alert>> current;
    private final MessageSource messages;
    private final SharedPages pages;

    InForceAlerts(AlertStore store, Clock clock, MessageSource messages, SharedPages pages) {
        this.messages = messages;
        this.pages = pages;
        this.current = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(1))
                .build(any -> store.inForce(clock.instant()));
    }

    public List<Alert> now() {
        return current.get(Boolean.TRUE);
    }

    /** After a publication on this node: the banner and every shared page show it at once. */
    void refresh() {
        current.invalidateAll();
        pages.changed();
    }

    @Override
    public List<Banner> current(SiteLanguage language) {
        return now().stream().map(alert -> banner(alert, language)).toList();
    }

    /**
     * The kind (with its alert level in words, 警戒レベル4 避難指示) as the label, in the level's
     * colour; a drill is marked as one and never takes a real level's colour.
     */
    private Banner banner(Alert alert, SiteLanguage language) {
        Reading reading = Reading.of(alert, language);
        AlertKind kind = alert.kind();
        String name = text(kind.messageKey(), language);
        if (kind.hasLevel()) {
            name = text("alert.kindWithLevel", language, text("alert.level", language, kind.level()), name);
        }
        boolean drill = alert.exercise() && !kind.alwaysExercise();
        String label = drill ? text("alert.exerciseLabel", language, name) : name;
        String tone = alert.exercise() ? "exercise" : kind.hasLevel() ? "level-" + kind.level() : null;
        boolean urgent = !alert.exercise() && (alert.content().urgency() == CapMessage.Urgency.IMMEDIATE
                || alert.response() == CapMessage.ResponseType.EVACUATE);
        return new Banner(label, reading.text().headline(), reading.langAttribute(language), "/alerts/" + alert.id(), urgent, tone);
    }

    private String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
