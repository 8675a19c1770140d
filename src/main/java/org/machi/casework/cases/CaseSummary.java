package org.machi.casework.cases;

import java.time.Instant;
import java.util.UUID;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;

/**
 * A row of a queue.
 *
 * @param overdue    past the procedure's target without a decision
 * @param heldReason a {@link HoldReason} name, or null if the case is not held
 * @param channel    {@code ONLINE} or {@code COUNTER}
 */
public record CaseSummary(UUID id, String receiptNumber, String procedureSlug, CaseState state, String assignee, Instant submittedAt,
                          Instant dueAt, boolean overdue, String heldReason, String channel) {

    static CaseSummary of(CaseView c, Instant now) {
        return new CaseSummary(c.id(), c.receiptNumber(), c.procedureSlug(), c.state(), c.assignee(), c.submittedAt(), c.dueAt(),
                c.overdue(now), c.heldReason(), c.channel());
    }
}
