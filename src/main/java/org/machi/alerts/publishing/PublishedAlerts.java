package org.machi.alerts.publishing;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.machi.alerts.domain.Alert;
import org.springframework.stereotype.Component;

/**
 * Published alerts as the public reads them (pages, CAP, JSON): each read from the database at most
 * once a second, so that a crowd reading the same alert during a disaster, while its deliveries
 * keep the database busy, costs one query a second. A change (an update, a cancel) shows within
 * that second, as the banner's does.
 */
@Component
public class PublishedAlerts {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final AlertStore store;
    private final LoadingCache<UUID, Optional<Alert>> alerts;
    private final LoadingCache<UUID, List<Alert>> histories;

    PublishedAlerts(AlertStore store) {
        this.store = store;
        this.alerts = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).maximumSize(10_000)
                .build(id -> store.find(id).filter(alert -> alert.publishedAt() != null));
        this.histories = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).maximumSize(1_000)
                .build(id -> find(id).map(alert -> store.history(alert).stream().filter(a -> a.publishedAt() != null).toList())
                        .orElse(List.of()));
    }

    /** A published alert (or an update or cancel); drafts and unknown ids are not found. */
    public Optional<Alert> find(UUID id) {
        return alerts.get(id);
    }

    /** The published alerts of its chain: what it replaced and what replaced it, oldest first. */
    public List<Alert> history(Alert alert) {
        return histories.get(alert.id());
    }
}
