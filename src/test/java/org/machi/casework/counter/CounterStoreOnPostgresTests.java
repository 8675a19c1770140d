package org.machi.casework.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counter's own SQL on PostgreSQL: sessions with their purpose and applications, the changes
 * that only an open session of its own clerk takes, and a resident's pending cases by register
 * number and household (with no household too).
 */
@RequiresPostgres
class CounterStoreOnPostgresTests extends OnPostgres {

    @Autowired
    CounterSessionStore sessions;

    @Autowired
    CounterCases cases;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSessionChangesOnlyWhileOpenAndOnlyForItsClerk() {
        String clerk = "account:" + UUID.randomUUID();
        String number = tenDigits();
        CounterSession session = new CounterSession(UUID.randomUUID(), clerk, number, LookUpPurpose.CERTIFICATE, now, null, null, 0, 0,
                List.of());
        sessions.insert(session);
        CounterSession other = new CounterSession(UUID.randomUUID(), "account:" + UUID.randomUUID(), number, LookUpPurpose.APPLICATION,
                now, null, null, 0, 0, List.of());
        sessions.insert(other);
        assertThat(sessions.find(session.id())).hasValueSatisfying(found -> {
            assertThat(found.purpose()).isEqualTo(LookUpPurpose.CERTIFICATE);
            assertThat(found.open()).isTrue();
            assertThat(found.startedAt()).isEqualTo(now);
        });
        assertThat(sessions.openOf(clerk)).extracting(CounterSession::id).containsExactly(session.id());
        assertThat(sessions.countOpen(clerk)).isOne();

        UUID application = UUID.randomUUID();
        sessions.started(other.id(), application, "juminhyo", now);
        assertThat(sessions.openElsewhere(number, session.id())).extracting(CounterSessionStore.StartedApplication::procedureSlug)
                .containsExactly("juminhyo");
        assertThat(sessions.applicationsOf(other.id())).singleElement()
                .satisfies(a -> assertThat(a.clerk()).isEqualTo(other.clerk()));

        assertThat(sessions.procedures(session.id(), other.clerk(), List.of("juminhyo"))).as("another clerk's").isFalse();
        assertThat(sessions.procedures(session.id(), clerk, List.of("juminhyo", "kazei-shomei"))).isTrue();
        assertThat(sessions.submitted(session.id(), clerk, now.plusSeconds(450), 12, 3)).isTrue();
        assertThat(sessions.submitted(session.id(), clerk, now.plusSeconds(500), 1, 1)).as("submitted once").isFalse();
        assertThat(sessions.closed(session.id(), clerk, now.plusSeconds(600))).isFalse();
        CounterSession filed = sessions.find(session.id()).orElseThrow();
        assertThat(filed.procedures()).containsExactly("juminhyo", "kazei-shomei");
        assertThat(filed.timeToSubmit()).hasSeconds(450);
        assertThat(filed.fieldsPrefilled()).isEqualTo(12);
        assertThat(filed.fieldsTyped()).isEqualTo(3);
        assertThat(sessions.countOpen(clerk)).isZero();
    }

    @Test
    void pendingCasesAreTheResidentsAndTheirHouseholdsStillInProgress() {
        String number = tenDigits();
        String household = tenDigits();
        UUID own = caseFor(number, household, "RECEIVED");
        caseFor(tenDigits(), household, "IN_REVIEW");
        caseFor(number, household, "COMPLETED");
        caseFor(tenDigits(), tenDigits(), "RECEIVED");

        assertThat(cases.pending(number, household)).extracting(CounterCases.PendingCase::state, CounterCases.PendingCase::own)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("RECEIVED", true),
                        org.assertj.core.groups.Tuple.tuple("IN_REVIEW", false));
        assertThat(cases.pending(number, null)).extracting(CounterCases.PendingCase::state).containsExactly("RECEIVED");
        UUID application = jdbc.sql("SELECT application_id FROM casework.case_file WHERE id = :id").param("id", own).query(UUID.class).single();
        assertThat(cases.of(List.of(application, UUID.randomUUID()))).containsOnlyKeys(application);
        assertThat(cases.of(List.of())).isEmpty();
    }

    private static String tenDigits() {
        return String.format("%010d", java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private UUID caseFor(String registerNumber, String householdNumber, String state) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO casework.case_file (id, application_id, receipt_number, procedure_slug, department, channel, clerk,
                                                        register_number, household_number, state, submitted_at, updated_at, version)
                        VALUES (:id, :application, :receipt, 'juminhyo', 'shimin', 'COUNTER', 'account:x', :number, :household, :state,
                                :at, :at, 0)""")
                .param("id", id).param("application", UUID.randomUUID()).param("receipt", "R-" + id.toString().substring(0, 8))
                .param("number", registerNumber).param("household", householdNumber).param("state", state)
                .param("at", Timestamp.from(now)).update();
        return id;
    }
}
