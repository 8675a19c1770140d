package org.machi.casework.cases;

import java.util.Set;
import org.machi.casework.CaseState;

/**
 * Which cases of a department's queue, one page of them.
 *
 * @param states        the states to show; empty: every state
 * @param procedureSlug one procedure only; null or blank: every procedure
 * @param overdueOnly   only cases past their target without a decision
 * @param heldOnly      only cases held for review
 * @param page          from 0
 * @param size          rows per page (1 to 200)
 */
public record QueueQuery(String department, Set<CaseState> states, String procedureSlug, Assigned assigned, boolean overdueOnly,
                         boolean heldOnly, int page, int size) {

    public static final int MAX_SIZE = 200;

    public QueueQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        assigned = assigned == null ? Assigned.ANYONE : assigned;
        page = Math.max(0, page);
        size = Math.max(1, Math.min(MAX_SIZE, size));
    }
}
