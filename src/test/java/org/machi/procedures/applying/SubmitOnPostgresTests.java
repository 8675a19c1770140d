package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.Assurance;
import org.machi.shared.SiteLanguage;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On PostgreSQL: twenty drafts each submitted twice at the same moment make exactly one application and one receipt number each. */
@RequiresPostgres
class SubmitOnPostgresTests extends OnPostgres {

    @Autowired
    Applying applying;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    record Attempt(UUID account, UUID draft, String key) {
    }

    @Test
    void twentyConcurrentDoubleSubmitsMakeOneApplicationEach() throws Exception {
        TestApplications fill = new TestApplications(applying, clock);
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Account account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "submit-" + UUID.randomUUID() + "@example.jp", null,
                    false, Assurance.SELF_ASSERTED, true, java.util.Set.of(), clock.instant());
            accounts.insert(account);
            UUID draft = fill.completeDraft(account.id(), "046-225-27" + String.format("%02d", i));
            attempts.add(new Attempt(account.id(), draft, fill.submitKey(account.id(), draft)));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(40);
        List<Future<Applying.Submission>> results = new ArrayList<>();
        try {
            for (Attempt attempt : attempts) {
                for (int twice = 0; twice < 2; twice++) {
                    results.add(threads.submit(() -> {
                        go.await();
                        return applying.submit(attempt.account(), "sodai-gomi", attempt.draft(), attempt.key(), SiteLanguage.JA);
                    }));
                }
            }
            go.countDown();
            List<Applying.SubmitResult> outcomes = new ArrayList<>();
            for (Future<Applying.Submission> result : results) {
                outcomes.add(result.get().result());
            }
            assertThat(outcomes).filteredOn(r -> r == Applying.SubmitResult.SUBMITTED).hasSize(20);
            assertThat(outcomes).filteredOn(r -> r == Applying.SubmitResult.ALREADY_SUBMITTED).hasSize(20);
        } finally {
            threads.shutdownNow();
        }
        for (Attempt attempt : attempts) {
            List<String> receipts = jdbc.sql("SELECT receipt_number FROM procedures.application WHERE applicant = :a AND status = 'SUBMITTED'")
                    .param("a", attempt.account()).query(String.class).list();
            assertThat(receipts).as("one application, one receipt number").hasSize(1);
            Applying.Submission replay = applying.submit(attempt.account(), "sodai-gomi", attempt.draft(), attempt.key(), SiteLanguage.JA);
            assertThat(replay.application().receiptNumber()).as("a replay shows the same receipt").isEqualTo(receipts.get(0));
        }
        List<String> all = jdbc.sql("SELECT receipt_number FROM procedures.application WHERE applicant IN (:accounts)")
                .param("accounts", attempts.stream().map(Attempt::account).toList()).query(String.class).list();
        assertThat(all).doesNotHaveDuplicates().hasSize(20);
    }
}
