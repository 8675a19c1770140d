package org.machi.casework.cases;

/** Why the automatic register checks held a case for review; shown to staff with {@code casework.held.<REASON>}. */
public enum HoldReason {
    /** Another case of the same procedure for the same household is not rejected or withdrawn. */
    DUPLICATE_IN_HOUSEHOLD,
    /** The applicant is neither the head of the household nor its registered proxy. */
    NOT_HEAD_OR_PROXY,
    /** The applicant was not found in the resident register (or not as exactly one person). */
    NOT_IN_REGISTER;

    public String messageKey() {
        return "casework.held." + name();
    }
}
