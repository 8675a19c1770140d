package org.machi.alerts.publishing;

import java.util.Collection;
import java.util.List;
import org.machi.shared.StaffTasks;
import org.springframework.stereotype.Component;

/** For an approver's home page: how many alerts by someone else wait for approval. */
@Component
class ApprovalsWaiting implements StaffTasks {

    private final AlertStore store;

    ApprovalsWaiting(AlertStore store) {
        this.store = store;
    }

    @Override
    public List<Task> waitingFor(String reference, Collection<String> authorities) {
        if (!authorities.contains("APPROVE_ALERTS")) {
            return List.of();
        }
        return List.of(new Task("staffAlerts.awaitingApproval", store.countAwaitingApproval(reference), "/staff/alerts"));
    }
}
