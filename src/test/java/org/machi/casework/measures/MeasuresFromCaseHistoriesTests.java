package org.machi.casework.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.casework.CaseState;
import org.machi.casework.cases.CaseCommand;
import org.machi.casework.cases.CaseOutcome;
import org.machi.casework.cases.CaseWork;
import org.machi.casework.cases.ResidentReplies;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.Procedures;
import org.machi.procedures.SubmissionChannel;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The measures computed from real case histories: applications announced as the procedures module
 * announces them, cases opened by casework's listener and driven by clerks and residents through
 * {@link CaseWork} and {@link ResidentReplies} while the clock moves on, then every figure checked
 * exactly. On a database of its own, so that no other test's cases fall in the same months.
 */
@MachiWebTest
@TestPropertySource(properties = {
        "machi.data-dir=target/test-data/measures",
        "spring.datasource.url=jdbc:h2:mem:machi-measures;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class MeasuresFromCaseHistoriesTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CaseWork work;

    @Autowired
    ResidentReplies replies;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Procedures procedures;

    @Autowired
    MeasuresReports reports;

    @Autowired
    MockMvc mvc;

    /** An application announced as submitted now, and the case casework opened for it. */
    private record Filed(UUID caseId, Account resident) {
    }

    private Filed submit(String slug, SubmissionChannel channel) {
        Account resident = channel == SubmissionChannel.ONLINE ? accounts.resident() : null;
        UUID application = UUID.randomUUID();
        String receipt = "M" + application.toString().substring(0, 8).toUpperCase();
        Instant now = clock.instant();
        ApplicationSubmitted submitted = channel == SubmissionChannel.ONLINE
                ? new ApplicationSubmitted(application, receipt, slug, 1, resident.id(), now, null)
                : new ApplicationSubmitted(application, receipt, slug, 1, null, now, null, SubmissionChannel.COUNTER,
                        "account:" + UUID.randomUUID(), "1000000001", UUID.randomUUID());
        transactions.executeWithoutResult(status -> events.publishEvent(submitted));
        UUID caseId = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT id FROM casework.case_file WHERE application_id = :application").param("application", application)
                .query(UUID.class).optional().orElse(null), id -> id != null);
        return new Filed(caseId, resident);
    }

    private String clerkOf(String department) {
        Account account = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(account.id(), new StaffDetails("測定 " + account.login(), department, null), "system");
        return account.reference();
    }

    private static void done(CaseOutcome outcome, CaseState expected) {
        assertThat(outcome.refusal()).isNull();
        assertThat(outcome.state()).isEqualTo(expected);
    }

    @Test
    void theFiguresFollowFromWhatHappenedToTheCases() throws Exception {
        assertThat(procedures.find("kaigo-nintei", SiteLanguage.JA).orElseThrow().targetDays()).as("the catalog's target").isEqualTo(30);
        assertThat(procedures.find("risai", SiteLanguage.JA).orElseThrow().targetDays()).as("no target").isNull();
        // start on the 2nd of next month, 09:00 in Tokyo, far from a month's end
        YearMonth month = YearMonth.from(clock.instant().atZone(TOKYO)).plusMonths(1);
        clock.advance(Duration.between(clock.instant(), month.atDay(2).atTime(9, 0).atZone(TOKYO).toInstant()));
        String kaigo = clerkOf("kaigo");
        String shiminzei = clerkOf("shiminzei");

        Filed k1 = submit("kaigo-nintei", SubmissionChannel.ONLINE);
        Filed k2 = submit("kaigo-nintei", SubmissionChannel.ONLINE);
        Filed k3 = submit("kaigo-nintei", SubmissionChannel.COUNTER);
        Filed k4 = submit("kaigo-nintei", SubmissionChannel.ONLINE);
        Filed r1 = submit("risai", SubmissionChannel.ONLINE);
        clock.advance(Duration.ofHours(1));
        for (Filed filed : List.of(k1, k2, k3, k4)) {
            done(work.act(filed.caseId(), kaigo, new CaseCommand.StartReview()), CaseState.IN_REVIEW);
        }
        done(work.act(r1.caseId(), shiminzei, new CaseCommand.StartReview()), CaseState.IN_REVIEW);
        clock.advance(Duration.ofHours(23)); // day 1
        done(work.act(k2.caseId(), kaigo, new CaseCommand.RequestInformation("主治医の氏名と医療機関を書いてください。")),
                CaseState.NEEDS_INFORMATION);
        clock.advance(Duration.ofDays(1)); // day 2
        done(work.act(k1.caseId(), kaigo, new CaseCommand.Approve()), CaseState.APPROVED);
        clock.advance(Duration.ofDays(1)); // day 3
        done(replies.reply(k2.caseId(), k2.resident().id(), "厚木市立病院の田中医師です。", List.of()), CaseState.RESIDENT_REPLIED);
        clock.advance(Duration.ofDays(2)); // day 5
        done(work.act(r1.caseId(), shiminzei, new CaseCommand.Approve()), CaseState.APPROVED);
        done(work.act(k2.caseId(), kaigo, new CaseCommand.RequestInformation("診断書の写しを添付してください。")),
                CaseState.NEEDS_INFORMATION);
        clock.advance(Duration.ofDays(1)); // day 6
        done(replies.reply(k2.caseId(), k2.resident().id(), "添付します。", List.of()), CaseState.RESIDENT_REPLIED);
        clock.advance(Duration.ofDays(4)); // day 10
        done(work.act(k2.caseId(), kaigo, new CaseCommand.Approve()), CaseState.APPROVED);
        done(work.act(k1.caseId(), kaigo, new CaseCommand.Complete()), CaseState.COMPLETED);
        clock.advance(Duration.ofDays(30)); // day 40: ten days past the target of 30
        done(work.act(k3.caseId(), kaigo, new CaseCommand.Reject("要件を満たしていません。")), CaseState.REJECTED);
        // next month (day 40 from the 2nd is always in it): one at the counter, decided the next day
        Filed k6 = submit("kaigo-nintei", SubmissionChannel.COUNTER);
        clock.advance(Duration.ofDays(1));
        done(work.act(k6.caseId(), kaigo, new CaseCommand.StartReview()), CaseState.IN_REVIEW);
        done(work.act(k6.caseId(), kaigo, new CaseCommand.Approve()), CaseState.APPROVED);

        MeasuresReport report = reports.report(new MonthRange(month, month.plusMonths(1)), null);
        assertThat(report.rows()).extracting(ProcedureMonth::procedureSlug, ProcedureMonth::month).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kaigo-nintei", month),
                org.assertj.core.groups.Tuple.tuple("risai", month),
                org.assertj.core.groups.Tuple.tuple("kaigo-nintei", month.plusMonths(1)));

        ProcedureMonth kaigoFirst = report.rows().get(0);
        assertThat(kaigoFirst.online()).isEqualTo(3);
        assertThat(kaigoFirst.counter()).isEqualTo(1);
        assertThat(kaigoFirst.onlineRate()).isEqualTo(0.75);
        // decided after 2, 10 and 40 days; k4 is still in review
        assertThat(kaigoFirst.decided()).isEqualTo(3);
        assertThat(kaigoFirst.medianProcessing()).isEqualTo(Duration.ofDays(10));
        assertThat(kaigoFirst.p90Processing()).as("10 + 0.8 × 30 days").isEqualTo(Duration.ofDays(34));
        assertThat(kaigoFirst.decidedWithTarget()).isEqualTo(3);
        assertThat(kaigoFirst.decidedWithinTarget()).isEqualTo(2);
        assertThat(kaigoFirst.decidedWithoutTarget()).isZero();
        assertThat(kaigoFirst.informationRequests()).isEqualTo(2);
        assertThat(kaigoFirst.requestsPerCase()).isEqualTo(0.5);

        ProcedureMonth risai = report.rows().get(1);
        assertThat(risai.applications()).isEqualTo(1);
        assertThat(risai.medianProcessing()).isEqualTo(Duration.ofDays(5));
        assertThat(risai.decidedWithoutTarget()).isEqualTo(1);
        assertThat(risai.withinTargetRate()).as("left out of the share").isNull();

        ProcedureMonth kaigoNext = report.rows().get(2);
        assertThat(kaigoNext.counter()).isEqualTo(1);
        assertThat(kaigoNext.online()).isZero();
        assertThat(kaigoNext.medianProcessing()).isEqualTo(Duration.ofDays(1));
        assertThat(kaigoNext.withinTargetRate()).isEqualTo(1.0);

        ProcedureMonth total = report.totals().get(0);
        assertThat(total.month()).isEqualTo(month);
        assertThat(total.applications()).isEqualTo(5);
        assertThat(total.onlineRate()).isEqualTo(0.8);
        // 2, 5, 10, 40 days: median 7.5 days, p90 10 + 0.7 × 30 = 31 days
        assertThat(total.medianProcessing()).isEqualTo(Duration.ofHours(180));
        assertThat(total.p90Processing()).isEqualTo(Duration.ofDays(31));
        assertThat(total.decidedWithTarget()).isEqualTo(3);
        assertThat(total.decidedWithinTarget()).isEqualTo(2);
        assertThat(total.decidedWithoutTarget()).isEqualTo(1);
        assertThat(total.requestsPerCase()).isEqualTo(0.4);

        // the clerk of 介護福祉課 sees the same figures of its procedure, and nothing of 市民税課's
        Account clerk = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(clerk.id(), new StaffDetails("測定 課員", "kaigo", null), "system");
        String csv = mvc.perform(get("/staff/casework/measures.csv?from=" + month + "&to=" + month.plusMonths(1))
                .with(authentication(MachiUserTestSupport.signedIn(clerk, true)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String title = procedures.find("kaigo-nintei", SiteLanguage.JA).orElseThrow().title();
        assertThat(csv.split("\r\n")).containsExactly(csv.split("\r\n")[0],
                month + ",kaigo-nintei," + title + ",kaigo,3,1,4,0.7500,3,10.0000,34.0000,3,2,0.6667,0,2,0.5000",
                month + ",,すべての手続の合計,,3,1,4,0.7500,3,10.0000,34.0000,3,2,0.6667,0,2,0.5000",
                month.plusMonths(1) + ",kaigo-nintei," + title + ",kaigo,0,1,1,0.0000,1,1.0000,1.0000,1,1,1.0000,0,0,0.0000",
                month.plusMonths(1) + ",,すべての手続の合計,,0,1,1,0.0000,1,1.0000,1.0000,1,1,1.0000,0,0,0.0000");
    }
}
