package org.machi.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditTrail;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cases through their use cases on the database: the department's clerks act and everyone else is
 * refused with nothing changed, every action is a row of the history with its sealed reason, a
 * stale version is refused, the queue filters and sorts, and only the applicant replies.
 */
@MachiWebTest
class CaseWorkTests {

    @Autowired
    org.machi.procedures.Applications applications;

    @Autowired
    CaseWork work;

    @Autowired
    CaseQueue queue;

    @Autowired
    CaseFiles files;

    @Autowired
    ResidentReplies replies;

    @Autowired
    CaseStore store;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void aCaseGoesFromReceivedToCompletedWithEveryStepRecorded() {
        String clerk = clerkOf("kosodate-kyufu");
        Account resident = accounts.resident();
        UUID caseId = openCase("jido-teate", "kosodate-kyufu", resident.id(), Duration.ofDays(14));

        assertThat(work.act(caseId, clerk, new CaseCommand.StartReview()).state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(work.act(caseId, clerk, new CaseCommand.RequestInformation("口座の通帳の写しを添付してください。")).state())
                .isEqualTo(CaseState.NEEDS_INFORMATION);
        ReplyPage page = replies.openRequest(caseId, resident.id()).orElseThrow();
        assertThat(page.waiting()).isTrue();
        assertThat(page.request().message()).isEqualTo("口座の通帳の写しを添付してください。");
        UUID file = ReplyFiles.sentBy(applications, resident.id());
        assertThat(replies.reply(caseId, resident.id(), "  添付しました。 ", List.of(file)).state()).isEqualTo(CaseState.RESIDENT_REPLIED);
        assertThat(work.act(caseId, clerk, new CaseCommand.Note("通帳の名義を確認した。")).succeeded()).isTrue();
        assertThat(work.act(caseId, clerk, new CaseCommand.Approve()).state()).isEqualTo(CaseState.APPROVED);
        assertThat(work.act(caseId, clerk, new CaseCommand.Complete()).state()).isEqualTo(CaseState.COMPLETED);

        CaseDetails details = files.open(caseId, clerk).orElseThrow();
        assertThat(details.history()).extracting(HistoryEntry::action)
                .containsExactly("OPEN", "START_REVIEW", "REQUEST_INFORMATION", "RESIDENT_REPLY", "NOTE", "APPROVE", "COMPLETE");
        assertThat(details.history()).extracting(HistoryEntry::to).containsExactly(CaseState.RECEIVED, CaseState.IN_REVIEW,
                CaseState.NEEDS_INFORMATION, CaseState.RESIDENT_REPLIED, CaseState.RESIDENT_REPLIED, CaseState.APPROVED, CaseState.COMPLETED);
        assertThat(details.history().get(0).from()).isNull();
        assertThat(details.history().get(0).actor()).isEqualTo("system");
        assertThat(details.history().get(2).reason()).isEqualTo("口座の通帳の写しを添付してください。");
        assertThat(details.history().get(3).actor()).isEqualTo(resident.reference());
        assertThat(details.history().subList(4, 7)).allSatisfy(h -> assertThat(h.actor()).isEqualTo(clerk));
        assertThat(details.notes()).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("通帳の名義を確認した。");
            assertThat(n.author()).isEqualTo(clerk);
        });
        assertThat(details.requests()).singleElement().satisfies(r -> {
            assertThat(r.answered()).isTrue();
            assertThat(r.reply()).isEqualTo("添付しました。");
            assertThat(r.replyFiles()).containsExactly(file);
        });
        assertThat(details.caseFile().decidedAt()).isNotNull();
        assertThat(details.caseFile().closedAt()).isNotNull();
        assertThat(details.possibleActions()).containsExactly(CaseAction.NOTE);

        assertThat(jdbc.sql("SELECT reason_sealed FROM casework.case_transition WHERE case_id = :id AND action = 'REQUEST_INFORMATION'")
                .param("id", caseId).query(String.class).single()).as("sealed at rest").doesNotContain("通帳").isNotBlank();
        assertThat(jdbc.sql("SELECT text_sealed FROM casework.case_note WHERE case_id = :id").param("id", caseId).query(String.class).single())
                .doesNotContain("名義");
        assertThat(audit.latest(20)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(clerk);
            assertThat(entry.action()).isEqualTo("personal-data.read");
            assertThat(entry.subject()).isEqualTo(resident.reference());
            assertThat(entry.record()).isEqualTo("casework.case");
            assertThat(entry.purpose()).isEqualTo(CaseFiles.PURPOSE);
        });
    }

    @Test
    void clerksOfAnotherDepartmentOrNoneAreRefusedAndNothingChanges() {
        UUID caseId = openCase("jido-teate", "kosodate-kyufu", accounts.resident().id(), null);
        String stranger = clerkOf("shiminzei");
        String nobody = accounts.staff(StaffRole.DEPARTMENT_STAFF).reference();

        assertThat(work.act(caseId, stranger, new CaseCommand.StartReview()).refusal()).isEqualTo(CaseRefusal.OTHER_DEPARTMENT);
        assertThat(work.act(caseId, nobody, new CaseCommand.StartReview()).refusal()).isEqualTo(CaseRefusal.NO_DEPARTMENT);
        assertThat(work.act(UUID.randomUUID(), stranger, new CaseCommand.StartReview()).refusal()).isEqualTo(CaseRefusal.NOT_FOUND);
        assertThatThrownBy(() -> files.open(caseId, stranger)).isInstanceOfSatisfying(CaseRefused.class,
                r -> assertThat(r.refusal()).isEqualTo(CaseRefusal.OTHER_DEPARTMENT));
        assertThat(files.open(UUID.randomUUID(), stranger)).isEmpty();
        assertThatThrownBy(() -> queue.page(query("kosodate-kyufu", null), stranger)).isInstanceOfSatisfying(CaseRefused.class,
                r -> assertThat(r.refusal()).isEqualTo(CaseRefusal.OTHER_DEPARTMENT));
        assertThatThrownBy(() -> queue.page(query("kosodate-kyufu", null), nobody)).isInstanceOfSatisfying(CaseRefused.class,
                r -> assertThat(r.refusal()).isEqualTo(CaseRefusal.NO_DEPARTMENT));

        CaseView unchanged = store.view(caseId).orElseThrow();
        assertThat(unchanged.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(unchanged.version()).isZero();
        assertThat(transitions(caseId)).isEqualTo(1);
    }

    @Test
    void aRefusedActionChangesNothing() {
        String clerk = clerkOf("kosodate-kyufu");
        UUID caseId = openCase("jido-teate", "kosodate-kyufu", accounts.resident().id(), null);

        assertThat(work.act(caseId, clerk, new CaseCommand.Approve()).refusal()).isEqualTo(CaseRefusal.STATE_FORBIDS);
        assertThat(work.act(caseId, clerk, new CaseCommand.StartReview()).succeeded()).isTrue();
        assertThat(work.act(caseId, clerk, new CaseCommand.Reject(" ")).messageKey()).isEqualTo("casework.refused.REASON_REQUIRED");
        assertThat(work.act(caseId, clerk, new CaseCommand.RequestInformation("")).refusal()).isEqualTo(CaseRefusal.MESSAGE_REQUIRED);
        assertThat(work.act(caseId, clerk, new CaseCommand.ReleaseHold("確認した")).refusal()).isEqualTo(CaseRefusal.NOT_HELD);
        assertThat(work.act(caseId, clerk, new CaseCommand.Transfer("no-such-department", "理由")).refusal())
                .isEqualTo(CaseRefusal.UNKNOWN_DEPARTMENT);
        assertThat(store.view(caseId).orElseThrow().state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(store.view(caseId).orElseThrow().version()).isEqualTo(1);
        assertThat(transitions(caseId)).isEqualTo(2);
        assertThat(store.requests(caseId)).isEmpty();
    }

    @Test
    void aCaseChangedMeanwhileIsNotOverwritten() {
        String clerk = clerkOf("kosodate-kyufu");
        UUID caseId = openCase("jido-teate", "kosodate-kyufu", accounts.resident().id(), null);
        Case first = store.find(caseId).orElseThrow();
        Case second = store.find(caseId).orElseThrow();
        Transition review = first.startReview(clerk, clock.instant());
        assertThat(store.update(first, review)).isPresent();
        Transition withdrawal = second.withdraw("account:x", clock.instant());
        assertThat(store.update(second, withdrawal)).as("read at version 0, written at 1 meanwhile").isEmpty();
        assertThat(store.view(caseId).orElseThrow().state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(transitions(caseId)).isEqualTo(2);

        assertThat(work.act(caseId, clerk, new CaseCommand.Note("古い画面から"), 0).refusal()).isEqualTo(CaseRefusal.CHANGED_MEANWHILE);
        assertThat(work.act(caseId, clerk, new CaseCommand.Note("今の画面から"), 1).succeeded()).isTrue();
        assertThat(store.notes(caseId)).extracting(NoteView::text).containsExactly("今の画面から");
    }

    @Test
    void casesAreAssignedWithinTheDepartmentAndTransferredToAnother() {
        String clerk = clerkOf("kosodate-kyufu");
        String colleague = clerkOf("kosodate-kyufu");
        String stranger = clerkOf("shiminzei");
        UUID caseId = openCase("jido-teate", "kosodate-kyufu", accounts.resident().id(), null);

        assertThat(work.act(caseId, clerk, new CaseCommand.Assign(stranger)).refusal()).isEqualTo(CaseRefusal.ASSIGNEE_NOT_IN_DEPARTMENT);
        assertThat(work.act(caseId, clerk, new CaseCommand.Assign("account:" + UUID.randomUUID())).refusal())
                .isEqualTo(CaseRefusal.ASSIGNEE_NOT_IN_DEPARTMENT);
        assertThat(work.act(caseId, clerk, new CaseCommand.Assign(colleague)).succeeded()).isTrue();
        assertThat(store.view(caseId).orElseThrow().assignee()).isEqualTo(colleague);

        assertThat(work.act(caseId, clerk, new CaseCommand.Transfer("shiminzei", "課税証明の担当のため")).succeeded()).isTrue();
        CaseView moved = store.view(caseId).orElseThrow();
        assertThat(moved.department()).isEqualTo("shiminzei");
        assertThat(moved.assignee()).isNull();
        assertThat(work.act(caseId, clerk, new CaseCommand.StartReview()).refusal()).isEqualTo(CaseRefusal.OTHER_DEPARTMENT);
        assertThat(work.act(caseId, stranger, new CaseCommand.StartReview()).succeeded()).isTrue();
        List<HistoryEntry> history = files.open(caseId, stranger).orElseThrow().history();
        assertThat(history).extracting(HistoryEntry::department).containsExactly("kosodate-kyufu", "kosodate-kyufu", "shiminzei", "shiminzei");
        assertThat(history.get(2).reason()).isEqualTo("課税証明の担当のため");
    }

    @Test
    void theQueueFiltersAndSortsByDueDateWithCasesWithoutATargetLast() {
        String clerk = clerkOf("kaigo");
        String slug = "q-" + UUID.randomUUID().toString().substring(0, 8);
        UUID late = openCase(slug, "kaigo", accounts.resident().id(), Duration.ofDays(1));
        UUID soon = openCase(slug, "kaigo", accounts.resident().id(), Duration.ofDays(5));
        UUID noTarget = openCase(slug, "kaigo", accounts.resident().id(), null);
        UUID later = openCase(slug, "kaigo", accounts.resident().id(), Duration.ofDays(30));
        clock.advance(Duration.ofDays(2));
        try {
            work.act(later, clerk, new CaseCommand.Assign(clerk));
            work.hold(soon, HoldReason.NOT_IN_REGISTER, null);

            QueuePage all = queue.page(query("kaigo", slug), clerk);
            assertThat(all.total()).isEqualTo(4);
            assertThat(all.rows()).extracting(CaseSummary::id).containsExactly(late, soon, later, noTarget);
            assertThat(all.rows()).extracting(CaseSummary::overdue).containsExactly(true, false, false, false);
            assertThat(all.rows().get(1).heldReason()).isEqualTo("NOT_IN_REGISTER");

            assertThat(ids(new QueueQuery("kaigo", Set.of(), slug, Assigned.ME, false, false, 0, 20), clerk)).containsExactly(later);
            assertThat(ids(new QueueQuery("kaigo", Set.of(), slug, Assigned.NOBODY, false, false, 0, 20), clerk))
                    .containsExactly(late, soon, noTarget);
            assertThat(ids(new QueueQuery("kaigo", Set.of(), slug, Assigned.ANYONE, true, false, 0, 20), clerk)).containsExactly(late);
            assertThat(ids(new QueueQuery("kaigo", Set.of(), slug, Assigned.ANYONE, false, true, 0, 20), clerk)).containsExactly(soon);
            work.act(late, clerk, new CaseCommand.StartReview());
            assertThat(ids(new QueueQuery("kaigo", Set.of(CaseState.RECEIVED), slug, Assigned.ANYONE, false, false, 0, 20), clerk))
                    .containsExactly(soon, later, noTarget);
            QueuePage second = queue.page(new QueueQuery("kaigo", Set.of(), slug, Assigned.ANYONE, false, false, 1, 3), clerk);
            assertThat(second.rows()).extracting(CaseSummary::id).containsExactly(noTarget);
            assertThat(second.total()).isEqualTo(4);
            assertThat(second.page()).isEqualTo(1);
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
    }

    @Test
    void onlyTheApplicantRepliesAndOnlyWhileAsked() {
        String clerk = clerkOf("kosodate-kyufu");
        Account resident = accounts.resident();
        Account other = accounts.resident();
        UUID caseId = openCase("jido-teate", "kosodate-kyufu", resident.id(), null);

        assertThat(replies.openRequest(caseId, other.id())).isEmpty();
        assertThat(replies.openRequest(caseId, resident.id()).orElseThrow().refusal()).contains(CaseRefusal.NOT_WAITING_FOR_REPLY);
        assertThat(replies.reply(caseId, resident.id(), "先に送ります", List.of()).refusal()).isEqualTo(CaseRefusal.NOT_WAITING_FOR_REPLY);

        work.act(caseId, clerk, new CaseCommand.StartReview());
        work.act(caseId, clerk, new CaseCommand.RequestInformation("在職証明書を添付してください。"));
        assertThat(replies.reply(caseId, other.id(), "他人の回答", List.of()).refusal()).isEqualTo(CaseRefusal.NOT_FOUND);
        assertThat(replies.reply(caseId, resident.id(), "  ", List.of()).refusal()).isEqualTo(CaseRefusal.REPLY_EMPTY);
        assertThat(replies.reply(caseId, resident.id(), "あ".repeat(ResidentReplies.MAX_REPLY + 1), List.of()).refusal())
                .isEqualTo(CaseRefusal.TEXT_TOO_LONG);
        List<UUID> eleven = java.util.stream.Stream.generate(UUID::randomUUID).limit(11).toList();
        assertThat(replies.reply(caseId, resident.id(), null, eleven).refusal()).isEqualTo(CaseRefusal.TOO_MANY_FILES);
        assertThat(store.view(caseId).orElseThrow().state()).isEqualTo(CaseState.NEEDS_INFORMATION);
        assertThat(store.openRequest(caseId)).isPresent();

        assertThat(replies.reply(caseId, resident.id(), null, List.of(UUID.randomUUID())).refusal())
                .as("a file nobody sent").isEqualTo(CaseRefusal.NOT_APPLICANT);
        assertThat(replies.reply(caseId, resident.id(), null, List.of(ReplyFiles.sentBy(applications, other.id()))).refusal())
                .as("a file another resident sent").isEqualTo(CaseRefusal.NOT_APPLICANT);
        assertThat(store.openRequest(caseId)).as("nothing changed").isPresent();
        assertThat(replies.reply(caseId, resident.id(), null, List.of(ReplyFiles.sentBy(applications, resident.id()))).succeeded()).isTrue();
        assertThat(replies.reply(caseId, resident.id(), "もう一度", List.of()).refusal()).isEqualTo(CaseRefusal.NOT_WAITING_FOR_REPLY);
        assertThat(store.requests(caseId)).singleElement().satisfies(r -> assertThat(r.reply()).isNull());
    }

    @Test
    void anApplicationOpensOneCaseEvenWhenTheEventComesTwice() {
        UUID application = UUID.randomUUID();
        Instant at = clock.instant();
        assertThat(work.open(application, "20260401-0101", "jido-teate", "kosodate-kyufu", "ONLINE", UUID.randomUUID(), null, null, at, null))
                .isPresent();
        assertThat(work.open(application, "20260401-0101", "jido-teate", "kosodate-kyufu", "ONLINE", UUID.randomUUID(), null, null, at, null))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM casework.case_file WHERE application_id = :id").param("id", application)
                .query(Long.class).single()).isEqualTo(1);
    }

    private List<UUID> ids(QueueQuery q, String clerk) {
        return queue.page(q, clerk).rows().stream().map(CaseSummary::id).toList();
    }

    private static QueueQuery query(String department, String slug) {
        return new QueueQuery(department, Set.of(), slug, Assigned.ANYONE, false, false, 0, 20);
    }

    private long transitions(UUID caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM casework.case_transition WHERE case_id = :id").param("id", caseId).query(Long.class).single();
    }

    private UUID openCase(String slug, String department, UUID applicant, Duration target) {
        Instant now = clock.instant();
        return work.open(UUID.randomUUID(), "T" + UUID.randomUUID().toString().substring(0, 12), slug, department, "ONLINE", applicant, null,
                null, now, target == null ? null : now.plus(target)).orElseThrow();
    }

    private String clerkOf(String department) {
        Account account = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(account.id(), new StaffDetails("職員 " + account.login(), department, null), "system");
        return account.reference();
    }
}
