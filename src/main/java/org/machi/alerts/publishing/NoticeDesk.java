package org.machi.alerts.publishing;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.delivery.Deliveries;
import org.machi.alerts.delivery.DeliveryRun;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.shared.PeopleNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where department staff publish daily notices: at once, without a second person, in one
 * transaction with their deliveries (to the subscribers of the category), which start after the
 * commit behind any alert.
 */
@Service
@Transactional
public class NoticeDesk {

    private final NoticeStore store;
    private final Deliveries deliveries;
    private final DeliveryRun deliveryRun;
    private final AuditTrail audit;
    private final Clock clock;
    private final PeopleNames people;

    NoticeDesk(NoticeStore store, Deliveries deliveries, DeliveryRun deliveryRun, AuditTrail audit, Clock clock, PeopleNames people) {
        this.people = people;
        this.store = store;
        this.deliveries = deliveries;
        this.deliveryRun = deliveryRun;
        this.audit = audit;
        this.clock = clock;
    }

    public Notice publish(NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link, String by) {
        Notice notice = Notice.publish(category, texts, districts, link, by, people.departmentOf(by).orElse(null), clock.instant());
        store.insert(notice);
        int queued = deliveries.queue(notice);
        audit.record(AuditRecord.of(by, "notice.published").about("notice-" + notice.id(), "alerts.notice")
                .withDetail(category + ", " + queued + " deliveries queued"));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliveryRun.startSoon();
            }
        });
        return notice;
    }

    /** Someone tried to withdraw a notice of another department; recorded in the audit trail. */
    public static final class OtherDepartment extends RuntimeException {
        OtherDepartment() {
            super("the notice belongs to another department");
        }
    }

    /** Whether this person may withdraw the notice (see {@link Notice#mayBeWithdrawnBy}). */
    @Transactional(readOnly = true)
    public boolean mayWithdraw(Notice notice, String by) {
        return notice.mayBeWithdrawnBy(by, people.departmentOf(by).orElse(null));
    }

    /**
     * Takes the notice down; what has not been sent yet is not sent. Only its author or a
     * publisher of its department may; anyone else is refused, and the attempt is recorded.
     */
    @Transactional(noRollbackFor = OtherDepartment.class)
    public Notice withdraw(UUID id, String by) {
        Notice notice = store.findForChange(id).orElseThrow(() -> new AlertRuleBroken("alert.rule.notFound"));
        if (!mayWithdraw(notice, by)) {
            audit.record(AuditRecord.of(by, "notice.withdrawal.refused").about("notice-" + notice.id(), "alerts.notice")
                    .withDetail("another department's notice"));
            throw new OtherDepartment();
        }
        notice.withdraw(by, clock.instant());
        store.updateState(notice);
        int dropped = deliveries.drop(id);
        audit.record(AuditRecord.of(by, "notice.withdrawn").about("notice-" + notice.id(), "alerts.notice")
                .withDetail(dropped + " pending deliveries dropped"));
        return notice;
    }
}
