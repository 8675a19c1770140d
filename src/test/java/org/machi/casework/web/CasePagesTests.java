package org.machi.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.casework.cases.CaseWork;
import org.machi.casework.cases.HoldReason;
import org.machi.casework.cases.TestCases;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.SubmittedApplications;
import org.machi.testing.Html;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The clerks' casework pages through MockMvc: the department's queue with its filters and pages,
 * the case page with its held reason, history, notes and requests, the actions and their refusals
 * (each translated, nothing changed), a clerk of another department turned away with a 403 page,
 * the answers behind a purpose recorded in the audit trail, and the decision notice.
 */
@MachiWebTest
class CasePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseWork work;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    AuditTrail audit;

    @Autowired
    Applying applying;

    private TestCases cases;

    @BeforeEach
    void helpers() {
        cases = new TestCases(work, jdbc, clock);
    }

    // ---- the queue

    @Test
    void aClerkSeesTheDepartmentsQueueNearestDeadlineFirstWithOverdueCasesMarkedInWords() throws Exception {
        Authentication clerk = clerkOf("shimin");
        String tag = tag();
        UUID late = cases.open(UUID.randomUUID(), tag + "-LATE", "juminhyo", "shimin", null, clock.instant().minus(Duration.ofDays(10)),
                Duration.ofDays(3));
        UUID soon = cases.open(tag + "-SOON", "tenshutsu", "shimin", null, Duration.ofDays(2));
        UUID noTarget = cases.open(tag + "-NONE", "juminhyo", "shimin", null, null);
        UUID elsewhere = cases.open(tag + "-ELSE", "risai", "kyufukin", null, Duration.ofDays(1));

        Document page = page(mvc.perform(get("/staff/cases").with(authentication(clerk))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("市民課の受付一覧");
        List<String> mine = page.select("table.case-queue tbody th a").eachText().stream().filter(t -> t.startsWith(tag)).toList();
        assertThat(mine).containsExactly(tag + "-LATE", tag + "-SOON", tag + "-NONE");
        Element lateRow = row(page, tag + "-LATE");
        assertThat(lateRow.hasClass("overdue")).isTrue();
        assertThat(lateRow.select(".tag-overdue").text()).as("overdue said in words, not colour alone").contains("期限超過");
        assertThat(row(page, tag + "-SOON").select(".tag-overdue")).isEmpty();
        assertThat(row(page, tag + "-NONE").text()).contains("期限なし", "未割当", "オンライン");
        assertThat(page.select("a[href=/staff/cases/" + late + "]")).hasSize(1);
        assertThat(page.text()).doesNotContain(tag + "-ELSE");
        assertThat(page.select("a[href=/staff/cases/" + elsewhere + "]")).isEmpty();
        assertThat(page.select("a[href=/staff/cases/" + soon + "], a[href=/staff/cases/" + noTarget + "]")).hasSize(2);

        Document overdue = page(mvc.perform(get("/staff/cases").param("overdue", "true").with(authentication(clerk))).andReturn());
        assertThat(receipts(overdue, tag)).containsExactly(tag + "-LATE");
        assertThat(overdue.select("#overdue").attr("checked")).isNotNull();
        Document byProcedure = page(mvc.perform(get("/staff/cases").param("procedure", "tenshutsu").with(authentication(clerk))).andReturn());
        assertThat(receipts(byProcedure, tag)).containsExactly(tag + "-SOON");
        assertThat(byProcedure.select("#procedure option[selected]").attr("value")).isEqualTo("tenshutsu");
    }

    @Test
    void theQueueFiltersByStateAssigneeAndHoldAndKeepsTheFilterAcrossPages() throws Exception {
        Account me = clerkAccount("kiki-kanri");
        Authentication clerk = MachiUserTestSupport.signedIn(me, true);
        String tag = tag();
        UUID reviewed = cases.open(tag + "-R", "risai", "kiki-kanri", null, Duration.ofDays(5));
        UUID held = cases.open(tag + "-H", "risai", "kiki-kanri", null, Duration.ofDays(6));
        cases.hold(held, HoldReason.NOT_IN_REGISTER, null);
        assertThat(work.act(reviewed, me.reference(), new org.machi.casework.cases.CaseCommand.StartReview()).succeeded()).isTrue();
        assertThat(work.act(reviewed, me.reference(), new org.machi.casework.cases.CaseCommand.Assign(me.reference())).succeeded()).isTrue();
        for (int i = 0; i < 55; i++) {
            cases.open(tag + "-" + (100 + i), "risai", "kiki-kanri", null, Duration.ofDays(30 + i));
        }

        assertThat(receipts(page(mvc.perform(get("/staff/cases").param("state", "IN_REVIEW").with(authentication(clerk))).andReturn()), tag))
                .containsExactly(tag + "-R");
        assertThat(receipts(page(mvc.perform(get("/staff/cases").param("assigned", "ME").with(authentication(clerk))).andReturn()), tag))
                .containsExactly(tag + "-R");
        Document heldOnly = page(mvc.perform(get("/staff/cases").param("held", "true").with(authentication(clerk))).andReturn());
        assertThat(receipts(heldOnly, tag)).containsExactly(tag + "-H");
        assertThat(row(heldOnly, tag + "-H").select(".tag-held").text()).isEqualTo("保留中");

        Document first = page(mvc.perform(get("/staff/cases").param("assigned", "NOBODY").with(authentication(clerk))).andReturn());
        assertThat(first.select("table.case-queue tbody tr")).hasSize(CaseQueueController.PAGE_SIZE);
        assertThat(first.text()).contains("56件中 1～50件目", "1 / 2 ページ");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/staff/cases?assigned=NOBODY&page=2");
        Document second = page(mvc.perform(get(next).with(authentication(clerk))).andReturn());
        assertThat(second.select("table.case-queue tbody tr")).hasSize(6);
        assertThat(second.text()).contains("56件中 51～56件目", "2 / 2 ページ");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/staff/cases?assigned=NOBODY");
        assertThat(second.text()).doesNotContain(tag + "-R");
    }

    @Test
    void aFilterThatMakesNoSenseIsSaidSoAndTheQueueStillShows() throws Exception {
        Authentication clerk = clerkOf("shimin");
        String tag = tag();
        cases.open(tag + "-A", "juminhyo", "shimin", null, null);
        MvcResult result = mvc.perform(get("/staff/cases").param("state", "SHREDDED").param("page", "-3").param("procedure", "kyufukin")
                .with(authentication(clerk))).andExpect(status().isBadRequest()).andReturn();
        Document page = page(result);
        assertThat(page.select(".error-summary a[href=#filter]").text()).isEqualTo("絞り込みの条件が正しくありません。条件を選び直してください。");
        assertThat(receipts(page, tag)).containsExactly(tag + "-A");
        Document english = page(mvc.perform(get("/staff/cases").param("state", "SHREDDED").param("lang", "en").with(authentication(clerk)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(english.select(".error-summary a").text()).isEqualTo("The filter is not valid. Choose the filter again.");
    }

    @Test
    void staffWithoutADepartmentAreToldWhyThereIsNoQueue() throws Exception {
        Account nobody = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        Document page = page(mvc.perform(get("/staff/cases").with(authentication(MachiUserTestSupport.signedIn(nobody, true))))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("受付一覧を表示できません");
        assertThat(page.text()).contains("所属課が設定されていません");
    }

    // ---- the case page and its actions

    @Test
    void theCasePageExplainsTheHoldAndApprovingIsRefusedUntilItIsReleased() throws Exception {
        Account me = clerkAccount("kyufukin");
        Authentication clerk = MachiUserTestSupport.signedIn(me, true);
        UUID caseId = cases.open(tag() + "-HOLD", "risai", "kyufukin", null, Duration.ofDays(14));
        cases.hold(caseId, HoldReason.DUPLICATE_IN_HOUSEHOLD, "2026-000100-7");
        act(clerk, caseId, "start-review").andExpect(status().isFound()).andExpect(redirectedUrl("/staff/cases/" + caseId + "?done#summary"));

        Document page = page(mvc.perform(get("/staff/cases/" + caseId).param("done", "").with(authentication(clerk))).andReturn());
        assertThat(page.select(".held-box").text()).contains("審査保留中", "同じ世帯から同じ手続の申請が既にあります（受付番号 2026-000100-7）",
                "保留中は承認できません");
        assertThat(page.select("#case-state").text()).isEqualTo("審査中");
        assertThat(page.select(".notice[role=status]").text()).isEqualTo("処理を記録しました。");
        assertThat(page.select("form.case-action h3").eachText()).contains("追加資料の依頼", "却下", "担当者の変更", "所管替え", "内部メモ", "保留の解除")
                .doesNotContain("承認");
        assertThat(page.select("#history tbody tr").eachText()).satisfiesExactly(
                open -> assertThat(open).contains("受付", "受付済み", "システム（自動確認）"),
                hold -> assertThat(hold).contains("審査保留", "システム（自動確認）"),
                review -> assertThat(review).contains("審査を開始", "受付済み → 審査中", "職員 "));

        // approving a held case, forged past the page that offers no such form: refused, translated, nothing changed
        int version = version(caseId);
        MvcResult refused = act(clerk, caseId, "approve").andExpect(status().isConflict()).andReturn();
        Document again = page(refused);
        assertThat(again.select(".error-summary h2").text()).isEqualTo("処理できませんでした");
        assertThat(again.select(".error-summary li a").text()).startsWith("この案件は確認のため保留中です。");
        assertThat(again.select(".error-summary li a").attr("href")).isEqualTo("#action-approve");
        assertThat(again.text()).contains("申請の状態は変わっていません。");
        assertThat(cases.state(caseId)).isEqualTo("IN_REVIEW");
        assertThat(version(caseId)).isEqualTo(version);

        act(clerk, caseId, "release-hold").andExpect(status().isBadRequest());
        assertThat(version(caseId)).isEqualTo(version);
        act(clerk, caseId, "release-hold", "reason", "世帯の別の申請は取り下げ済みと確認した。").andExpect(status().isFound());
        act(clerk, caseId, "approve").andExpect(status().isFound());
        assertThat(cases.state(caseId)).isEqualTo("APPROVED");
    }

    @Test
    void aRequestWithoutAMessageIsRefusedWithALinkToTheFieldAndNothingChanges() throws Exception {
        Authentication clerk = clerkOf("kyufukin");
        UUID caseId = cases.open(tag() + "-MSG", "risai", "kyufukin", null, null);
        act(clerk, caseId, "start-review").andExpect(status().isFound());
        int version = version(caseId);

        Document page = page(act(clerk, caseId, "request-information", "message", "   ").andExpect(status().isBadRequest()).andReturn());
        Element link = page.selectFirst(".error-summary li a");
        assertThat(link.text()).isEqualTo("申請者へのメッセージを書いてください。");
        assertThat(link.attr("href")).isEqualTo("#request-information-message");
        assertThat(page.select("#request-information-message")).hasSize(1);
        assertThat(page.select("label[for=request-information-message]").text()).isEqualTo("申請者へのメッセージ");
        assertThat(version(caseId)).isEqualTo(version);
        assertThat(cases.state(caseId)).isEqualTo("IN_REVIEW");

        String tooLong = "あ".repeat(CaseActionForm.MAX_TEXT + 1);
        Document long_ = page(act(clerk, caseId, "note", "text", tooLong).andExpect(status().isBadRequest()).andReturn());
        assertThat(long_.select(".error-summary li a").text()).isEqualTo("4000文字以内で書いてください。");
        assertThat(long_.select("#note-text").text()).as("what was typed comes back").isEqualTo(tooLong);
        assertThat(version(caseId)).isEqualTo(version);

        Document unknown = page(act(clerk, caseId, "shred").andExpect(status().isNotFound()).andReturn());
        assertThat(unknown.select(".error-summary li a").text()).isEqualTo("この処理はありません。");

        // a page shown before someone else acted: refused as changed meanwhile
        mvc.perform(post("/staff/cases/" + caseId + "/actions/approve").param("version", Integer.toString(version - 1))
                .with(csrf()).with(authentication(clerk))).andExpect(status().isConflict());
        assertThat(cases.state(caseId)).isEqualTo("IN_REVIEW");
    }

    @Test
    void notesRequestsAssignmentAndTransferShowOnTheCaseAndTheTransferredCaseLeavesTheQueue() throws Exception {
        Account me = clerkAccount("kyufukin");
        Authentication clerk = MachiUserTestSupport.signedIn(me, true);
        String receipt = tag() + "-FLOW";
        UUID caseId = cases.open(receipt, "risai", "kyufukin", null, Duration.ofDays(14));
        act(clerk, caseId, "start-review").andExpect(status().isFound());
        act(clerk, caseId, "note", "text", "<b>口座名義</b>を確認すること").andExpect(status().isFound());
        act(clerk, caseId, "assign", "assignee", me.reference()).andExpect(status().isFound());
        act(clerk, caseId, "request-information", "message", "通帳の写しを添付してください。").andExpect(status().isFound());

        Document page = page(mvc.perform(get("/staff/cases/" + caseId).with(authentication(clerk))).andReturn());
        assertThat(page.select("#notes .alert-text").text()).isEqualTo("<b>口座名義</b>を確認すること");
        assertThat(page.select("#notes b")).as("a note is text, never markup").isEmpty();
        assertThat(page.select("#requests").text()).contains("通帳の写しを添付してください。", "回答待ち");
        assertThat(page.select("#summary").text()).contains("職員 " + me.login());
        assertThat(page.select("#case-state").text()).isEqualTo("追加資料の依頼中");

        Document refused = page(act(clerk, caseId, "assign", "assignee", "account:" + UUID.randomUUID()).andExpect(status().isConflict())
                .andReturn());
        assertThat(refused.select(".error-summary li a").attr("href")).isEqualTo("#assign-assignee");
        assertThat(refused.select(".error-summary li a").text()).isEqualTo("担当者には、この案件の担当課で案件処理ができる職員を選んでください。");

        mvc.perform(post("/staff/cases/" + caseId + "/actions/transfer").param("department", "shimin").param("reason", "住民票の件のため")
                        .with(csrf()).with(authentication(clerk)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff/cases?transferred=shimin"));
        Document queue = page(mvc.perform(get("/staff/cases?transferred=shimin").with(authentication(clerk))).andReturn());
        assertThat(queue.select(".notice[role=status]").text()).startsWith("市民課へ所管替えしました。");
        assertThat(queue.text()).doesNotContain(receipt);
        assertThat(page(mvc.perform(get("/staff/cases").with(authentication(clerkOf("shimin")))).andReturn()).text()).contains(receipt);
    }

    @Test
    void aClerkOfAnotherDepartmentGetsATranslated403PageAndChangesNothing() throws Exception {
        UUID caseId = cases.open(tag() + "-OTHER", "risai", "kyufukin", null, null);
        Authentication stranger = clerkOf("shiminzei");

        Document page = page(mvc.perform(get("/staff/cases/" + caseId).with(authentication(stranger))).andExpect(status().isForbidden())
                .andReturn());
        assertThat(page.select("h1").text()).isEqualTo("この申請は開けません");
        assertThat(page.text()).contains("この申請は他の課が所管しています。");
        Document english = page(mvc.perform(get("/staff/cases/" + caseId).param("lang", "en").with(authentication(stranger)))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(english.select("h1").text()).isEqualTo("You cannot open this case");

        for (String[] action : List.of(new String[] {"start-review"}, new String[] {"note", "text", "見た"},
                new String[] {"transfer", "department", "shiminzei", "reason", "こちらで処理"})) {
            String[] params = java.util.Arrays.copyOfRange(action, 1, action.length);
            act(stranger, caseId, action[0], params).andExpect(status().isForbidden());
        }
        mvc.perform(get("/staff/cases/" + caseId + "/application").param("purpose", "case-review").with(authentication(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/cases/" + caseId + "/notice.pdf").with(authentication(stranger))).andExpect(status().isForbidden());
        assertThat(cases.state(caseId)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT count(*) FROM casework.case_transition WHERE case_id = :id").param("id", caseId).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT department FROM casework.case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("kyufukin");
        mvc.perform(get("/staff/cases/" + UUID.randomUUID()).with(authentication(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/cases/not-a-case").with(authentication(stranger))).andExpect(status().isNotFound());
    }

    // ---- the answers behind a purpose, and the decision notice

    @Test
    void theAnswersAreShownOnlyAfterAPurposeIsChosenAndTheReadingIsRecordedWithIt() throws Exception {
        Account resident = accounts.resident();
        SubmittedApplications submitted = new SubmittedApplications(applying, clock);
        UUID applicationId = submitted.submit(resident.id());
        String receipt = submitted.receiptNumber(resident.id(), applicationId);
        UUID caseId = cases.caseOf(applicationId);
        assertThat(jdbc.sql("SELECT receipt_number FROM casework.case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo(receipt);
        Account me = clerkAccount("kankyo-center");
        Authentication clerk = MachiUserTestSupport.signedIn(me, true);

        Document purpose = page(mvc.perform(get("/staff/cases/" + caseId + "/application").with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn());
        assertThat(purpose.select("fieldset legend").text()).isEqualTo("閲覧の目的");
        assertThat(purpose.select("input[name=purpose]").eachAttr("value"))
                .containsExactly("case-review", "resident-enquiry", "duplicate-check", "decision-notice");
        assertThat(purpose.text()).doesNotContain("太郎", "ソファ");
        assertThat(reads(me, "procedures.application")).isEmpty();

        mvc.perform(get("/staff/cases/" + caseId + "/application").param("purpose", "curiosity").with(authentication(clerk)))
                .andExpect(status().isBadRequest());
        assertThat(reads(me, "procedures.application")).isEmpty();

        Document answers = page(mvc.perform(get("/staff/cases/" + caseId + "/application").param("purpose", "resident-enquiry")
                .with(authentication(clerk))).andExpect(status().isOk()).andReturn());
        assertThat(answers.select("table").text()).contains("厚木", "太郎", "ソファ", "門の前");
        assertThat(answers.select(".notice[role=status]").text()).isEqualTo("この閲覧は、目的「申請者からの問い合わせに答えるため」とともに監査ログに記録しました。");
        assertThat(reads(me, "procedures.application")).singleElement().satisfies(entry -> {
            assertThat(entry.purpose()).isEqualTo("resident-enquiry");
            assertThat(entry.subject()).isEqualTo(resident.reference());
        });
    }

    @Test
    void theDecisionNoticeOfARejectionCarriesTheReasonAndIsOnlyThereOnceDecided() throws Exception {
        Account resident = accounts.resident();
        SubmittedApplications submitted = new SubmittedApplications(applying, clock);
        UUID applicationId = submitted.submit(resident.id());
        String receipt = submitted.receiptNumber(resident.id(), applicationId);
        UUID caseId = cases.caseOf(applicationId);
        assertThat(jdbc.sql("SELECT receipt_number FROM casework.case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo(receipt);
        Authentication clerk = clerkOf("kankyo-center");

        mvc.perform(get("/staff/cases/" + caseId + "/notice.pdf").with(authentication(clerk))).andExpect(status().isNotFound());
        Document undecided = page(mvc.perform(get("/staff/cases/" + caseId).with(authentication(clerk))).andReturn());
        assertThat(undecided.select("a[href$=notice.pdf]")).isEmpty();

        act(clerk, caseId, "start-review").andExpect(status().isFound());
        act(clerk, caseId, "reject").andExpect(status().isBadRequest());
        assertThat(cases.state(caseId)).isEqualTo("IN_REVIEW");
        act(clerk, caseId, "reject", "reason", "収集できない品目（家電リサイクル法の対象）のため。").andExpect(status().isFound());
        Document decided = page(mvc.perform(get("/staff/cases/" + caseId).with(authentication(clerk))).andReturn());
        assertThat(decided.select("a[href$=notice.pdf]").text()).isEqualTo("決定通知書（PDF）");

        MvcResult pdf = mvc.perform(get("/staff/cases/" + caseId + "/notice.pdf").with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("tsuchisho-" + receipt + ".pdf");
        String text = text(pdf.getResponse().getContentAsByteArray()).replace("\n", "");
        assertThat(text).contains("厚木 太郎　様", "厚木市長", "粗大ごみ", receipt, "不承認", "収集できない品目（家電リサイクル法の対象）のため。",
                "（教示）", "審査請求");
        assertThat(audit.latest(5)).anySatisfy(entry -> {
            assertThat(entry.record()).isEqualTo("procedures.application");
            assertThat(entry.purpose()).isEqualTo("decision-notice");
        });
    }

    // ---- helpers

    private org.springframework.test.web.servlet.ResultActions act(Authentication clerk, UUID caseId, String action, String... params)
            throws Exception {
        var request = post("/staff/cases/" + caseId + "/actions/" + action).with(csrf()).with(authentication(clerk));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private List<AuditEntry> reads(Account reader, String record) {
        return audit.latest(50).stream().filter(e -> e.actor().equals(reader.reference()) && record.equals(e.record())).toList();
    }

    private int version(UUID caseId) {
        return jdbc.sql("SELECT version FROM casework.case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    private Authentication clerkOf(String department) {
        return MachiUserTestSupport.signedIn(clerkAccount(department), true);
    }

    private Account clerkAccount(String department) {
        Account account = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(account.id(), new StaffDetails("職員 " + account.login(), department, null), "system");
        return account;
    }

    private static String tag() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Document page(MvcResult result) throws Exception {
        return Html.page(result);
    }

    private static Element row(Document page, String receipt) {
        return page.select("table.case-queue tbody tr").stream().filter(tr -> tr.select("th").text().equals(receipt)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + receipt));
    }

    private static List<String> receipts(Document page, String tag) {
        return page.select("table.case-queue tbody th a").eachText().stream().filter(t -> t.startsWith(tag)).toList();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
