package org.machi.casework.cases;

import java.time.Instant;
import org.machi.casework.CaseState;

/**
 * One row of a case's history, before it is stored: what was done, by whom, from which state to
 * which, the reason in plain text (sealed when stored) and the department the case is with after it.
 */
record Transition(String action, CaseState from, CaseState to, String actor, String reason, String department, Instant at) {

    boolean changesState() {
        return from != to;
    }
}
