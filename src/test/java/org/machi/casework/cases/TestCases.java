package org.machi.casework.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens and holds cases for tests outside this package (the pages, the bench), as the listeners
 * and the register checks would: a case for an application, with or without a processing target.
 * A case of a benefit paid once per household ({@code machi.casework.one-per-household}, kyufukin)
 * is checked against the register in the background as it opens: tests that do not look at those
 * checks open cases of other procedures.
 */
public final class TestCases {

    private final CaseWork work;
    private final JdbcClient jdbc;
    private final Clock clock;

    public TestCases(CaseWork work, JdbcClient jdbc, Clock clock) {
        this.work = work;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A case of a new application (that is not in the procedures module), submitted now. */
    public UUID open(String receiptNumber, String slug, String department, UUID applicant, Duration target) {
        return open(UUID.randomUUID(), receiptNumber, slug, department, applicant, clock.instant(), target);
    }

    /**
     * The case of an application: opened here, or, when casework's listener opened it first, that one.
     *
     * @param target the procedure's processing-time target after {@code submittedAt}; null for none
     */
    public UUID open(UUID applicationId, String receiptNumber, String slug, String department, UUID applicant, Instant submittedAt,
                     Duration target) {
        return work.open(applicationId, receiptNumber, slug, department, "ONLINE", applicant, null, null, submittedAt,
                        target == null ? null : submittedAt.plus(target))
                .orElseGet(() -> jdbc.sql("SELECT id FROM casework.case_file WHERE application_id = :id").param("id", applicationId)
                        .query(UUID.class).single());
    }

    /** The case casework opened for a submitted application (its listener runs after the submission commits). */
    public UUID caseOf(UUID applicationId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT id FROM casework.case_file WHERE application_id = :id").param("id", applicationId)
                        .query(UUID.class).optional(), java.util.Optional::isPresent).orElseThrow();
    }

    /** Holds the case as the register checks do. */
    public void hold(UUID caseId, HoldReason reason, String detail) {
        CaseOutcome outcome = work.hold(caseId, reason, detail);
        if (!outcome.succeeded()) {
            throw new IllegalStateException("not held: " + outcome.refusal());
        }
    }

    /** The case's state as stored. */
    public String state(UUID caseId) {
        return jdbc.sql("SELECT state FROM casework.case_file WHERE id = :id").param("id", caseId).query(String.class).single();
    }
}
