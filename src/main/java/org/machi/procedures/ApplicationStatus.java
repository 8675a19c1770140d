package org.machi.procedures;

/** Where an application stands. The staff casework moves a submitted one on (RECEIVED, IN_PROGRESS, DECIDED). */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, WITHDRAWN, RECEIVED, IN_PROGRESS, DECIDED;

    /** Submitted and not yet decided by staff: the resident may still withdraw it. */
    public boolean withdrawable() {
        return this == SUBMITTED || this == RECEIVED || this == IN_PROGRESS;
    }
}
