package org.machi.alerts.delivery;

import org.machi.alerts.AlertPublished;
import org.machi.alerts.NoticePublished;
import org.machi.alerts.NoticeWithdrawn;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.NoticeStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues what was published for its subscribers and starts delivering once that has committed.
 * The events come from the event publication registry: one whose listener did not finish (the node
 * stopped) is handed over again, and queueing it a second time adds nothing.
 */
@Component
class DeliveryStart {

    private final AlertStore alerts;
    private final NoticeStore notices;
    private final Deliveries deliveries;
    private final DeliveryRun run;

    DeliveryStart(AlertStore alerts, NoticeStore notices, Deliveries deliveries, DeliveryRun run) {
        this.alerts = alerts;
        this.notices = notices;
        this.deliveries = deliveries;
        this.run = run;
    }

    @ApplicationModuleListener
    void on(AlertPublished published) {
        deliveries.queueOnce(alerts.find(published.alertId()).orElseThrow());
        startAfterCommit();
    }

    @ApplicationModuleListener
    void on(NoticePublished published) {
        // a notice withdrawn before its deliveries were queued is not sent
        notices.find(published.noticeId()).filter(notice -> notice.state() == Notice.State.PUBLISHED).ifPresent(notice -> {
            deliveries.queueOnce(notice);
            startAfterCommit();
        });
    }

    @ApplicationModuleListener
    void on(NoticeWithdrawn withdrawn) {
        deliveries.drop(withdrawn.noticeId());
    }

    private void startAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                run.startSoon();
            }
        });
    }
}
