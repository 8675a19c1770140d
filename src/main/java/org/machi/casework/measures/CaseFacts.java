package org.machi.casework.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the measures need of one case, read from {@code casework.case_file} and its transitions.
 *
 * @param counter             filed at the counter (else online)
 * @param dueAt               the procedure's target (submission + target days); null for a procedure without one
 * @param decidedAt           when it was approved or rejected; null while undecided or after a withdrawal
 * @param informationRequests how many times staff asked the resident for more information
 */
record CaseFacts(String procedureSlug, boolean counter, Instant submittedAt, Instant dueAt, Instant decidedAt,
                 int informationRequests) {

    boolean decided() {
        return decidedAt != null;
    }

    /** Submitted → decided; empty while undecided. */
    Optional<Duration> processingTime() {
        return decided() ? Optional.of(Duration.between(submittedAt, decidedAt)) : Optional.empty();
    }

    /** Decided by its target (at the due instant itself still counts); only for decided cases with a target. */
    boolean decidedWithinTarget() {
        return decided() && dueAt != null && !decidedAt.isAfter(dueAt);
    }
}
