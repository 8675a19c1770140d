package org.machi.casework.cases;

import java.time.Instant;
import org.machi.casework.CaseState;

/**
 * One row of a case's history, for staff: the action ({@code OPEN} for the first row, else a
 * {@link CaseAction} name), the states before and after (the same for actions that keep the state),
 * who acted (an account reference or {@code system}), the reason in plain text (null if none) and
 * the department the case was with after it.
 */
public record HistoryEntry(long id, String action, CaseState from, CaseState to, String actor, String reason, String department,
                           Instant at) {
}
