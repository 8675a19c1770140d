package org.machi.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.machi.alerts.cap.CapWriter;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.domain.LanguageTags;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.ArchiveFilter;
import org.machi.alerts.publishing.AtomFeed;
import org.machi.alerts.publishing.CapDocuments;
import org.machi.alerts.publishing.InForceAlerts;
import org.machi.alerts.publishing.PublishedAlerts;
import org.machi.shared.CurrentInstallation;
import org.machi.shared.SharedPage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts for machines: each alert as CAP 1.2, the Atom feed of alerts with CAP entries, and a
 * JSON API under {@code /api/v1}. Lists may be cached for a second only, so that a new alert reaches every reader within
 * the second the issue asks for; an alert's CAP document never changes (an update is a new
 * message that references it), so caches may keep it for an hour.
 */
@RestController
@Tag(name = "alerts", description = "Alert messages (CAP 1.2 as JSON); each links its page and its CAP document")
class AlertFeedsController {

    static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();
    private static final CacheControl FIXED = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final int FEED_SIZE = 50;

    private final AlertStore store;
    private final PublishedAlerts published;
    private final InForceAlerts inForce;
    private final CapDocuments cap;
    private final AtomFeed atom;
    private final CurrentInstallation installation;

    AlertFeedsController(AlertStore store, PublishedAlerts published, InForceAlerts inForce, CapDocuments cap, AtomFeed atom,
                         CurrentInstallation installation) {
        this.published = published;
        this.store = store;
        this.inForce = inForce;
        this.cap = cap;
        this.atom = atom;
        this.installation = installation;
    }

    @SharedPage
    @GetMapping("/alerts/{id}/cap.xml")
    ResponseEntity<String> cap(@PathVariable String id) {
        Alert alert = PublicAlertsController.published(id, published);
        return ResponseEntity.ok().contentType(CAP).cacheControl(FIXED).body(cap.xml(alert));
    }

    /**
     * The feed changes only when a message is published (a message never changes afterwards), so
     * its newest message's time is its Last-Modified; a feed that never held one dates from the
     * installation. Spring answers If-Modified-Since with 304 from that header.
     */
    @SharedPage
    @GetMapping("/alerts/feed.atom")
    ResponseEntity<String> feed() {
        List<Alert> recent = store.published(ArchiveFilter.ALL, 0, FEED_SIZE);
        Instant updated = recent.isEmpty() ? installation.current().firstStartedAt() : recent.get(0).publishedAt();
        return ResponseEntity.ok().contentType(ATOM).cacheControl(SHORT).lastModified(updated).body(atom.write(recent, updated));
    }

    /** Alerts in force now, newest first. */
    @SharedPage
    @GetMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Alerts in force now, newest first", operationId = "alertsInForce")
    ResponseEntity<List<AlertJson>> inForce() {
        return ResponseEntity.ok().cacheControl(SHORT).body(inForce.now().stream().map(this::json).toList());
    }

    @SharedPage
    @GetMapping(path = "/api/v1/alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One published alert message, also one that has expired, been updated or cancelled", operationId = "alert")
    ResponseEntity<AlertJson> one(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(SHORT).body(json(PublicAlertsController.published(id, published)));
    }

    private AlertJson json(Alert alert) {
        Map<String, AlertText> texts = new TreeMap<>();
        alert.texts().forEach((code, text) -> texts.put(LanguageTags.of(code), text));
        return new AlertJson(alert.id().toString(), alert.capIdentifier(), CapWriter.capitalized(alert.type()),
                alert.exercise() ? "Exercise" : "Actual", alert.kind().name(), alert.state().name(),
                cap.references(alert), alert.districts().stream().sorted().toList(),
                alert.content().effective(), alert.content().expires(), alert.publishedAt(), texts,
                cap.pageUrl(alert), cap.capUrl(alert));
    }

    /**
     * An alert in the JSON API: texts per BCP 47 language tag (やさしい日本語 is {@code ja-x-easy}, as in
     * CAP), times in UTC (ISO 8601); {@code references} names the messages it follows by their CAP
     * identifiers, oldest first (empty for an original alert), as its CAP {@code references} does.
     */
    record AlertJson(String id, String capIdentifier, String msgType, String status, String kind, String state,
                     List<String> references, List<String> districts, Instant effective, Instant expires, Instant published,
                     Map<String, AlertText> texts, String url, String cap) {
    }
}
