package org.machi.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;
import org.machi.identity.ResidentProfile;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.Profiles;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.ApplicationWithdrawn;
import org.machi.procedures.SubmissionChannel;
import org.machi.shared.CaseProgress;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.shared.StaffTasks;
import org.machi.testing.Mailbox;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What casework does with the procedures module's events, once committed: a submitted application
 * becomes a case of the procedure's department with its due date, a withdrawal withdraws it (not
 * once decided), every change of state reaches the applicant by mail in their language, and the
 * applicant's pages and the staff home page read where cases stand.
 */
@MachiWebTest
class CaseListenersTests {

    @Autowired
    org.machi.procedures.Applications applications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CaseStore store;

    @Autowired
    CaseWork work;

    @Autowired
    ResidentReplies replies;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Profiles profiles;

    @Autowired
    GreenMail greenMail;

    @Autowired
    CaseProgress progress;

    @Autowired
    List<StaffTasks> tasks;

    @Autowired
    TestClock clock;

    @Autowired
    CityProfile city;

    @Test
    void aSubmittedApplicationBecomesACaseOfItsDepartmentDueWhenItsTargetEnds() {
        Account resident = accounts.resident();
        UUID application = UUID.randomUUID();
        Instant submitted = Instant.parse("2026-03-31T16:30:00Z"); // 1 April, 01:30 in Atsugi
        submit(new ApplicationSubmitted(application, receipt(), "kaigo-nintei", 1, resident.id(), submitted, null));
        CaseView c = caseOf(application);
        assertThat(c.department()).isEqualTo("kaigo");
        assertThat(c.channel()).isEqualTo("ONLINE");
        assertThat(c.applicant()).isEqualTo(resident.id());
        assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(c.submittedAt()).isEqualTo(submitted);
        assertThat(c.dueAt()).as("30 days, to the end of that day in city time")
                .isEqualTo(LocalDate.of(2026, 5, 2).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(store.history(c.id())).singleElement().satisfies(h -> assertThat(h.action()).isEqualTo("OPEN"));

        UUID noTarget = UUID.randomUUID();
        submit(new ApplicationSubmitted(noTarget, receipt(), "sodai-gomi", 1, resident.id(), clock.instant(), null));
        assertThat(caseOf(noTarget).dueAt()).as("sodai-gomi's target depends on the collection calendar").isNull();
        assertThat(caseOf(noTarget).department()).isEqualTo("kankyo-center");
    }

    @Test
    void aCounterApplicationKeepsItsClerkAndRegisterNumberAndMailsNobody() {
        UUID application = UUID.randomUUID();
        String clerk = "account:" + UUID.randomUUID();
        submit(new ApplicationSubmitted(application, receipt(), "juminhyo", 1, null, clock.instant(), 300L, SubmissionChannel.COUNTER, clerk,
                "1000000017", UUID.randomUUID()));
        CaseView c = caseOf(application);
        assertThat(c.channel()).isEqualTo("COUNTER");
        assertThat(c.applicant()).isNull();
        assertThat(c.clerk()).isEqualTo(clerk);
        assertThat(c.registerNumber()).isEqualTo("1000000017");
        assertThat(c.department()).isEqualTo("shimin");
        String worker = clerkOf("shimin");
        assertThat(work.act(c.id(), worker, new CaseCommand.StartReview()).succeeded()).isTrue();
        assertThat(work.act(c.id(), worker, new CaseCommand.Approve()).succeeded()).isTrue();
    }

    @Test
    void everyChangeReachesTheApplicantByMailInTheirLanguageWithoutTheRequestsText() throws Exception {
        Account resident = accounts.resident();
        profiles.save(resident.id(), new ResidentProfile(null, null, null, null, null, null, null, null, null, "en",
                ResidentProfile.ContactChannel.EMAIL));
        UUID application = UUID.randomUUID();
        String receipt = receipt();
        submit(new ApplicationSubmitted(application, receipt, "kazei-shomei", 1, resident.id(), clock.instant(), null));
        CaseView c = caseOf(application);
        String clerk = clerkOf("shiminzei");
        Mailbox mailbox = new Mailbox(greenMail);

        work.act(c.id(), clerk, new CaseCommand.StartReview());
        MimeMessage inReview = mailbox.to(resident.login(), m -> Mailbox.text(m).contains("Status: In review"));
        assertThat(inReview.getSubject()).contains(receipt);
        assertThat(Mailbox.text(inReview)).contains("http://machi.test/my/procedures/" + application).contains("Receipt number: " + receipt)
                .contains("Contact: " + city.department("shiminzei").orElseThrow().name(SiteLanguage.EN));

        work.act(c.id(), clerk, new CaseCommand.RequestInformation("預金通帳の写しを添付してください。"));
        MimeMessage asked = mailbox.to(resident.login(), m -> Mailbox.text(m).contains("Status: More information needed"));
        assertThat(Mailbox.text(asked)).contains("http://machi.test/my/cases/" + c.id() + "/reply").doesNotContain("預金通帳");

        CaseProgress.Progress waiting = progress.of(Set.of(application)).get(application);
        assertThat(waiting.state()).isEqualTo("NEEDS_INFORMATION");
        assertThat(waiting.decided()).isFalse();
        assertThat(waiting.reason()).isEqualTo("預金通帳の写しを添付してください。");
        assertThat(waiting.replyPath()).isEqualTo("/my/cases/" + c.id() + "/reply");

        assertThat(replies.reply(c.id(), resident.id(), "添付します。", List.of(ReplyFiles.sentBy(applications, resident.id()))).succeeded()).isTrue();
        mailbox.to(resident.login(), m -> Mailbox.text(m).contains("Status: Reply received"));
        work.act(c.id(), clerk, new CaseCommand.Note("内部のメモ"));
        assertThat(work.act(c.id(), clerk, new CaseCommand.Reject("世帯主からの申請ではありません。")).succeeded()).isTrue();
        MimeMessage rejected = mailbox.to(resident.login(), m -> Mailbox.text(m).contains("Status: Not approved"));
        assertThat(Mailbox.text(rejected)).doesNotContain("世帯主");

        CaseProgress.Progress decided = progress.of(Set.of(application, UUID.randomUUID())).get(application);
        assertThat(decided.state()).isEqualTo("REJECTED");
        assertThat(decided.decided()).isTrue();
        assertThat(decided.reason()).isEqualTo("世帯主からの申請ではありません。");
        assertThat(decided.replyPath()).isNull();
        assertThat(decided.changedAt()).isNotNull();
        assertThat(progress.of(Set.of(UUID.randomUUID()))).as("applications without a case are left out").isEmpty();

        long toResident = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipient(m).equals(resident.login()))
                .filter(m -> Mailbox.text(m).contains("Status: ")).count(); // besides the procedures module's receipt mail
        assertThat(toResident).as("one mail per change of state; the note changed none").isEqualTo(4);
    }

    @Test
    void aWithdrawalWithdrawsTheCaseButNotOnceDecided() {
        Account resident = accounts.resident();
        UUID open = UUID.randomUUID();
        submit(new ApplicationSubmitted(open, receipt(), "kazei-shomei", 1, resident.id(), clock.instant(), null));
        UUID openCase = caseOf(open).id();
        withdraw(new ApplicationWithdrawn(open, "x", "kazei-shomei", resident.id(), clock.instant()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.view(openCase).orElseThrow().state() == CaseState.WITHDRAWN);
        assertThat(store.view(openCase).orElseThrow().closedAt()).isNotNull();
        assertThat(store.history(openCase)).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo("WITHDRAW");
            assertThat(h.actor()).isEqualTo(resident.reference());
        });

        UUID decided = UUID.randomUUID();
        submit(new ApplicationSubmitted(decided, receipt(), "kazei-shomei", 1, resident.id(), clock.instant(), null));
        UUID decidedCase = caseOf(decided).id();
        String clerk = clerkOf("shiminzei");
        work.act(decidedCase, clerk, new CaseCommand.StartReview());
        work.act(decidedCase, clerk, new CaseCommand.Approve());
        assertThat(work.withdraw(decided, resident.id()).refusal()).isEqualTo(CaseRefusal.STATE_FORBIDS);
        assertThat(work.withdraw(decided, UUID.randomUUID()).refusal()).isEqualTo(CaseRefusal.NOT_APPLICANT);
        assertThat(store.view(decidedCase).orElseThrow().state()).isEqualTo(CaseState.APPROVED);
    }

    @Test
    void theStaffHomePageCountsCasesWaitingInTheDepartmentAndGivenToTheClerk() {
        String department = "hoiku";
        String clerk = clerkOf(department);
        long waitingBefore = count(clerk, "casework.tasks.waiting");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        submit(new ApplicationSubmitted(first, receipt(), "hoikusho", 1, accounts.resident().id(), clock.instant(), null));
        submit(new ApplicationSubmitted(second, receipt(), "hoikusho", 1, accounts.resident().id(), clock.instant(), null));
        UUID firstCase = caseOf(first).id();
        caseOf(second);
        work.act(firstCase, clerk, new CaseCommand.Assign(clerk));
        work.act(firstCase, clerk, new CaseCommand.StartReview());
        assertThat(count(clerk, "casework.tasks.waiting")).isEqualTo(waitingBefore + 1);
        assertThat(count(clerk, "casework.tasks.assigned")).isEqualTo(1);
        assertThat(tasks.stream().flatMap(t -> t.waitingFor(clerk, List.of("BACK_OFFICE")).stream()))
                .as("nothing for staff who do not process cases").noneMatch(t -> t.messageKey().startsWith("casework."));
        String nobody = accounts.staff(StaffRole.DEPARTMENT_STAFF).reference();
        assertThat(tasks.stream().flatMap(t -> t.waitingFor(nobody, List.of("PROCESS_CASES")).stream()))
                .as("no department, no queue").noneMatch(t -> t.messageKey().startsWith("casework."));
    }

    private long count(String clerk, String key) {
        return tasks.stream().flatMap(t -> t.waitingFor(clerk, List.of("BACK_OFFICE", "PROCESS_CASES")).stream())
                .filter(t -> t.messageKey().equals(key)).findFirst().orElseThrow().count();
    }

    private void submit(ApplicationSubmitted submitted) {
        transaction.executeWithoutResult(status -> events.publishEvent(submitted));
    }

    private void withdraw(ApplicationWithdrawn withdrawn) {
        transaction.executeWithoutResult(status -> events.publishEvent(withdrawn));
    }

    private CaseView caseOf(UUID application) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> store.findByApplication(application).isPresent());
        return store.findByApplication(application).orElseThrow().view();
    }

    private static String receipt() {
        return "R" + UUID.randomUUID().toString().substring(0, 12);
    }

    private String clerkOf(String department) {
        Account account = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(account.id(), new StaffDetails("職員 " + account.login(), department, null), "system");
        return account.reference();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
