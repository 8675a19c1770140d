package org.machi.alerts.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.alerts.AlertPublished;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.cap.CapWriter;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.domain.AlertTimes;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.shared.ApprovalRequested;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where alerts are drafted, approved and published. Publishing is one transaction: the alert, the
 * alert it replaces, and the {@link AlertPublished} event in the event publication registry (the
 * outbox), from which delivery queues one row per subscriber and channel once it has committed.
 */
@Service
@Transactional
public class AlertDesk {

    private final AlertStore store;
    private final InForceAlerts inForce;
    private final PreApprovedTemplates preApproved;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The permission that approves alerts, as approvers are asked for it. */
    private static final String APPROVE = "APPROVE_ALERTS";

    AlertDesk(AlertStore store, InForceAlerts inForce, PreApprovedTemplates preApproved, AuditTrail audit,
              ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.store = store;
        this.inForce = inForce;
        this.preApproved = preApproved;
        this.audit = audit;
        this.clock = clock;
    }

    public Alert draft(AlertContent content, String author) {
        Alert alert = Alert.draft(content, author, clock.instant());
        store.insert(alert);
        record(author, "alert.drafted", alert);
        return alert;
    }

    /**
     * What the operator is asked to confirm before this content is saved (times that look like a
     * slip). A rule the content breaks is thrown first, as saving it would.
     *
     * @param previous the alert it revises or updates, or null for a new one
     */
    @Transactional(readOnly = true)
    public List<AlertTimes.Check> toConfirm(AlertContent content, Alert previous) {
        Instant now = clock.instant();
        Alert.requireValid(content, now);
        return AlertTimes.toConfirm(content, previous == null ? null : previous.content(), now);
    }

    public Alert revise(UUID id, AlertContent content, String by) {
        Alert alert = forChange(id);
        alert.revise(content, by, clock.instant());
        store.update(alert);
        record(by, "alert.revised", alert);
        return alert;
    }

    public Alert draftUpdate(UUID id, AlertContent content, String by) {
        Alert update = forChange(id).draftUpdate(content, by, clock.instant());
        store.insert(update);
        record(by, "alert.update.drafted", update);
        return update;
    }

    public Alert draftCancel(UUID id, Map<String, AlertText> texts, String by) {
        Alert cancel = forChange(id).draftCancel(texts, by, clock.instant());
        store.insert(cancel);
        record(by, "alert.cancel.drafted", cancel);
        return cancel;
    }

    public void submit(UUID id, String by) {
        Alert alert = forChange(id);
        alert.submit(by);
        store.update(alert);
        record(by, "alert.submitted", alert);
        String headline = Optional.ofNullable(alert.texts().get(SiteLanguage.JA.code())).map(AlertText::headline)
                .orElse(alert.capIdentifier());
        events.publishEvent(new ApprovalRequested(APPROVE, by, headline, "/staff/alerts/" + alert.id()));
    }

    public void sendBack(UUID id, String by) {
        Alert alert = forChange(id);
        alert.sendBack(by);
        store.update(alert);
        record(by, "alert.sent-back", alert);
    }

    public void discard(UUID id, String by) {
        Alert alert = forChange(id);
        alert.discard(by);
        store.delete(id);
        record(by, "alert.discarded", alert);
    }

    /** A second person approves: the alert is published, and delivered once this has committed. */
    public Alert approve(UUID id, String by) {
        Alert alert = forChange(id);
        alert.approve(by, clock.instant());
        publish(alert, by, "alert.published");
        return alert;
    }

    /**
     * The author publishes at once, without a second person: only where the city has pre-approved
     * the kind's template for the highest urgency and the text is the template's, word for word.
     */
    public Alert publishPreApproved(UUID id, String by) {
        Alert alert = forChange(id);
        if (!preApproved.allows(alert)) {
            throw new AlertRuleBroken("alert.rule.notPreApproved");
        }
        alert.publishUnderStandingApproval(by, clock.instant());
        publish(alert, by, "alert.published.pre-approved");
        return alert;
    }

    /** Whether the author may publish this draft alone (the city's pre-approved templates). */
    @Transactional(readOnly = true)
    public boolean preApprovalOffered(Alert alert) {
        return preApproved.offeredFor(alert.kind()) && alert.type() == CapMessage.MsgType.ALERT;
    }

    private void publish(Alert alert, String by, String action) {
        store.update(alert);
        if (alert.refersTo() != null) {
            Alert replaced = forChange(alert.refersTo());
            replaced.replacedBy(alert);
            store.update(replaced);
        }
        audit.record(AuditRecord.of(by, action).about(alert.capIdentifier(), "alerts.alert").withDetail(alert.type().name()));
        events.publishEvent(new AlertPublished(alert.id(), alert.capIdentifier(), CapWriter.capitalized(alert.type()),
                alert.publishedAt()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                inForce.refresh();
            }
        });
    }

    private Alert forChange(UUID id) {
        return store.findForChange(id).orElseThrow(() -> new AlertRuleBroken("alert.rule.notFound"));
    }

    private void record(String by, String action, Alert alert) {
        audit.record(AuditRecord.of(by, action).about(alert.capIdentifier(), "alerts.alert"));
    }
}
