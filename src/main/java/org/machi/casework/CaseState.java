package org.machi.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case (an application being dealt with) stands: received → in review → needs information
 * ⇄ resident replied → approved / rejected → completed; withdrawn by the resident before a decision.
 */
public enum CaseState {

    RECEIVED, IN_REVIEW, NEEDS_INFORMATION, RESIDENT_REPLIED, APPROVED, REJECTED, COMPLETED, WITHDRAWN;

    /** States a case never leaves. */
    public static final Set<CaseState> CLOSED = Set.copyOf(EnumSet.of(COMPLETED, WITHDRAWN));

    /** States in which the city has decided (the resident can no longer withdraw). */
    public static final Set<CaseState> DECIDED = Set.copyOf(EnumSet.of(APPROVED, REJECTED, COMPLETED));

    /** States that still wait for a decision: the processing-time target applies to them. */
    public static final Set<CaseState> UNDECIDED = Set.copyOf(EnumSet.of(RECEIVED, IN_REVIEW, NEEDS_INFORMATION, RESIDENT_REPLIED));

    public boolean closed() {
        return CLOSED.contains(this);
    }

    public boolean decided() {
        return DECIDED.contains(this);
    }

    /** The message key of the state's name, in {@code messages/casework}. */
    public String messageKey() {
        return "casework.state." + name();
    }
}
