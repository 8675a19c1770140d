package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.Applications;
import org.machi.procedures.CounterStart;
import org.machi.procedures.CounterSubmission;
import org.machi.shared.SiteLanguage;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL: a counter session filed twice at the same moment files its drafts once, each with
 * one receipt number; the table refuses a counter row without its clerk and an online row without
 * its applicant.
 */
@RequiresPostgres
class CounterOnPostgresTests extends OnPostgres {

    @Autowired
    Applications applications;

    @Autowired
    CounterApplying counter;

    @Autowired
    Applying applying;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private void answer(UUID id, String clerk, String stepId, TestApplications.MapInput input) {
        Draft draft = counter.draft(id, clerk).orElseThrow();
        assertThat(applying.saveStep(draft, draft.form().step(stepId).orElseThrow(), input, null, SiteLanguage.JA).saved()).isTrue();
    }

    private UUID completeDraft(UUID session, String clerk) {
        UUID id = applications.startAtCounter(new CounterStart("sodai-gomi", session, clerk, "1000000003",
                new ApplicantFacts("厚木", "次郎", null, null, null, null, null), "/counter/sessions/" + session));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        answer(id, clerk, "business", TestApplications.MapInput.of("isBusiness", "no"));
        answer(id, clerk, "applicant", TestApplications.MapInput.of("familyName", "厚木", "givenName", "次郎", "phone", "046-225-2790"));
        answer(id, clerk, "items", TestApplications.MapInput.of("items.count", "1", "items[0].itemName", "机", "items[0].itemCount", "1"));
        answer(id, clerk, "collection", TestApplications.MapInput.of("collectionDate", today.plusDays(3).toString(), "place", "other",
                "placeNote", "玄関"));
        return id;
    }

    @Test
    void aSessionFiledTwiceAtOnceIsFiledOnce() throws Exception {
        String clerk = "account:" + UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID first = completeDraft(session, clerk);
        UUID second = completeDraft(session, clerk);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<CounterSubmission>> results = new ArrayList<>();
        try {
            for (int twice = 0; twice < 2; twice++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return applications.submitAtCounter(session, clerk);
                }));
            }
            go.countDown();
            List<CounterSubmission.Outcome> outcomes = new ArrayList<>();
            for (Future<CounterSubmission> result : results) {
                outcomes.add(result.get().outcome());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(CounterSubmission.Outcome.SUBMITTED, CounterSubmission.Outcome.NOTHING_TO_SUBMIT);
        } finally {
            threads.shutdownNow();
        }
        List<String> receipts = jdbc.sql("""
                        SELECT receipt_number FROM procedures.application
                        WHERE counter_session = :session AND status = 'SUBMITTED' AND channel = 'COUNTER' AND applicant IS NULL""")
                .param("session", session).query(String.class).list();
        assertThat(receipts).hasSize(2).doesNotHaveDuplicates();
        assertThat(List.of(first, second)).allSatisfy(id -> assertThat(counter.application(id, clerk).orElseThrow().receiptNumber()).isNotNull());
    }

    @Test
    void theTableRefusesACounterRowWithoutItsClerkAndAnOnlineRowWithoutItsApplicant() {
        String insert = """
                INSERT INTO procedures.application (id, procedure_slug, form_version, applicant, status, answers_sealed, created_at,
                                                    updated_at, draft_expires_at, channel, clerk, counter_session)
                VALUES (:id, 'sodai-gomi', 1, :applicant, 'DRAFT', '-', now(), now(), now(), :channel, :clerk, :session)""";
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", UUID.randomUUID()).param("applicant", null, java.sql.Types.OTHER)
                .param("channel", "COUNTER").param("clerk", null, java.sql.Types.VARCHAR).param("session", UUID.randomUUID()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", UUID.randomUUID()).param("applicant", null, java.sql.Types.OTHER)
                .param("channel", "ONLINE").param("clerk", null, java.sql.Types.VARCHAR).param("session", null, java.sql.Types.OTHER).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", UUID.randomUUID()).param("applicant", UUID.randomUUID())
                .param("channel", "COUNTER").param("clerk", "account:x").param("session", UUID.randomUUID()).update())
                .as("a counter row has no applicant account").isInstanceOf(DataIntegrityViolationException.class);
    }
}
