package org.machi.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A case moved from one state to another (published in the transaction that moved it). Carries no
 * personal data: whoever needs the applicant or a reason reads the case.
 *
 * @param action       the action that moved it, e.g. {@code REQUEST_INFORMATION}
 * @param transitionId the row of {@code casework.case_transition} that records the change
 */
public record CaseStateChanged(UUID caseId, UUID applicationId, String procedureSlug, String department, CaseState from, CaseState to,
                               String action, long transitionId, Instant changedAt) {
}
