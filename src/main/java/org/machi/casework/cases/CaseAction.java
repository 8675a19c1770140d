package org.machi.casework.cases;

/**
 * What can be done to a case. The state changes and who may act are in {@link Case}; the opening
 * row of a case's history has the action {@code OPEN}, which is not an action on an existing case.
 */
public enum CaseAction {
    START_REVIEW, REQUEST_INFORMATION, RESIDENT_REPLY, APPROVE, REJECT, COMPLETE, WITHDRAW, ASSIGN, TRANSFER, NOTE, HOLD, RELEASE_HOLD;

    /** The action of the first row of every case's history. */
    public static final String OPEN = "OPEN";
}
