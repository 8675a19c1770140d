package org.machi.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where the staff's handling of submitted applications stands, for the resident's pages ("My
 * procedures", an application's page): a port the casework module implements. Pages must work
 * without an implementation (then they show the application's own status).
 */
public interface CaseProgress {

    /**
     * One application's case.
     *
     * @param state     a {@code CaseState} name: RECEIVED, IN_REVIEW, NEEDS_INFORMATION, RESIDENT_REPLIED, APPROVED, REJECTED,
     *                  COMPLETED or WITHDRAWN
     * @param decided   approved, rejected or completed: the resident can no longer withdraw it
     * @param reason    for the resident: the rejection reason or the open request for information; null when none
     * @param replyPath where the resident answers an open request (a path on this site), else null
     * @param changedAt when the state last changed
     */
    record Progress(String state, boolean decided, String reason, String replyPath, Instant changedAt) {

        /** No reason text in logs. */
        @Override
        public String toString() {
            return "Progress[" + state + (decided ? ", decided" : "") + (reason != null ? ", with reason" : "")
                    + (replyPath != null ? ", reply open" : "") + ", " + changedAt + "]";
        }
    }

    /** The cases of those applications that have one, by application id; an application without a case is left out. */
    Map<UUID, Progress> of(Collection<UUID> applicationIds);
}
