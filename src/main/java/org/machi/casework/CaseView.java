package org.machi.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A case as other parts of the city see it: the row of {@code casework.case_file}, without any of
 * the texts (reasons, notes, requests) that may hold personal data.
 *
 * @param department      the department code that handles the case now
 * @param channel         {@code ONLINE} or {@code COUNTER}
 * @param applicant       the applicant's identity account; null for a counter application
 * @param clerk           the counter clerk's account reference; null online
 * @param registerNumber  the matched resident-register person, if any (an internal number, never a My Number)
 * @param householdNumber the matched household, if any
 * @param heldReason      why the case is held for review (a code such as {@code DUPLICATE_IN_HOUSEHOLD}), null if not held
 * @param heldDetail      a detail without personal data, e.g. the other application's receipt number
 * @param dueAt           when the procedure's processing-time target ends; null without a target
 * @param version         the optimistic-locking version of the row
 */
public record CaseView(UUID id, UUID applicationId, String receiptNumber, String procedureSlug, String department, String channel,
                       UUID applicant, String clerk, String registerNumber, String householdNumber, CaseState state, String assignee,
                       String heldReason, String heldDetail, Instant submittedAt, Instant dueAt, Instant decidedAt, Instant closedAt,
                       Instant updatedAt, int version) {

    public boolean held() {
        return heldReason != null;
    }

    /** Whether the target has passed without a decision. */
    public boolean overdue(Instant now) {
        return dueAt != null && !state.decided() && !state.closed() && now.isAfter(dueAt);
    }
}
