package org.machi.alerts.publishing;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.NoticePublished;
import org.machi.alerts.NoticeWithdrawn;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.shared.PeopleNames;
import org.machi.shared.SharedPages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where department staff publish daily notices: at once, without a second person, in one
 * transaction with the {@link NoticePublished} event, from which delivery queues them for the
 * subscribers of the category, behind any alert, once it has committed.
 */
@Service
@Transactional
public class NoticeDesk {

    private final NoticeStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SharedPages pages;
    private final PeopleNames people;

    NoticeDesk(NoticeStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock, SharedPages pages,
               PeopleNames people) {
        this.pages = pages;
        this.people = people;
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Notice publish(NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link, String by) {
        Notice notice = Notice.publish(category, texts, districts, link, by, people.departmentOf(by).orElse(null), clock.instant());
        store.insert(notice);
        audit.record(AuditRecord.of(by, "notice.published").about("notice-" + notice.id(), "alerts.notice")
                .withDetail(category.name()));
        events.publishEvent(new NoticePublished(notice.id(), category.name(), notice.publishedAt()));
        pagesChangeAfterCommit();
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
        audit.record(AuditRecord.of(by, "notice.withdrawn").about("notice-" + notice.id(), "alerts.notice"));
        events.publishEvent(new NoticeWithdrawn(notice.id(), notice.withdrawnAt()));
        pagesChangeAfterCommit();
        return notice;
    }

    /** Pages kept for anonymous readers show the change as soon as it has committed. */
    private void pagesChangeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pages.changed();
            }
        });
    }
}
