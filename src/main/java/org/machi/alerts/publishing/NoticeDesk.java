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

    NoticeDesk(NoticeStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock, SharedPages pages) {
        this.pages = pages;
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Notice publish(NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link, String by) {
        Notice notice = Notice.publish(category, texts, districts, link, by, clock.instant());
        store.insert(notice);
        audit.record(AuditRecord.of(by, "notice.published").about("notice-" + notice.id(), "alerts.notice")
                .withDetail(category.name()));
        events.publishEvent(new NoticePublished(notice.id(), category.name(), notice.publishedAt()));
        pagesChangeAfterCommit();
        return notice;
    }

    /** Takes the notice down; what has not been sent yet is not sent. */
    public Notice withdraw(UUID id, String by) {
        Notice notice = store.findForChange(id).orElseThrow(() -> new AlertRuleBroken("alert.rule.notFound"));
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
