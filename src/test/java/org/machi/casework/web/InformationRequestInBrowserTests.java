package org.machi.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.casework.cases.CaseWork;
import org.machi.casework.cases.TestCases;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request for information answered in Chromium: a clerk of the benefit department signs in (with
 * the second factor), finds the case in the queue, starts the review and asks for the bank book; the
 * applicant signs in, reads the request on the reply page, answers with a text and a photo; the
 * clerk sees the reply on the case. axe-core checks every casework page on the way.
 */
@MachiWebTest
@RequiresChromium
class InformationRequestInBrowserTests {

    @LocalServerPort
    int port;

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

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
    }

    @Test
    void aClerkAsksForInformationAndTheApplicantAnswersItInTheBrowser() throws Exception {
        Account resident = accounts.resident();
        Account clerk = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(clerk.id(), new StaffDetails("給付 花子", "kyufukin", null), "system");
        String receipt = "B" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = new TestCases(work, jdbc, clock).open(receipt, "risai", "kyufukin", resident.id(), java.time.Duration.ofDays(14));

        Page desk = page();
        signInAsStaff(desk, clerk);
        desk.navigate(url("/staff/cases"));
        assertThat(desk.locator("h1").textContent()).endsWith("の受付一覧");
        axe(desk, "queue");
        desk.locator("table.case-queue a:text-is('" + receipt + "')").click();
        desk.waitForURL("**/staff/cases/" + caseId);
        axe(desk, "case received");
        desk.locator("#action-start-review button").click();
        desk.waitForURL("**/staff/cases/" + caseId + "?done**");
        assertThat(desk.locator("#case-state").textContent()).isEqualTo("審査中");

        // sent empty first: the summary links to the field, nothing changed
        desk.locator("#action-request-information button").click();
        assertThat(desk.locator(".error-summary a").textContent()).isEqualTo("申請者へのメッセージを書いてください。");
        axe(desk, "request without a message");
        desk.locator(".error-summary a").click();
        assertThat(desk.evaluate("document.activeElement.id")).isEqualTo("request-information-message");
        desk.keyboard().type("振込先口座の通帳の写し（口座番号が分かるページ）を送ってください。");
        desk.locator("#action-request-information button").click();
        desk.waitForURL("**/staff/cases/" + caseId + "?done**");
        assertThat(desk.locator("#case-state").textContent()).isEqualTo("追加資料の依頼中");
        assertThat(desk.locator("#requests").textContent()).contains("回答待ち");
        axe(desk, "case waiting for the applicant");

        Page home = page();
        home.navigate(url("/sign-in?lang=ja"));
        home.locator("#login").fill(resident.login());
        home.locator("#password").fill(TestAccounts.PASSWORD);
        home.locator("#password").press("Enter");
        home.waitForURL(url -> !url.contains("/sign-in"));
        home.navigate(url("/my/cases/" + caseId + "/reply"));
        assertThat(home.locator("h1").textContent()).isEqualTo("追加の資料や回答を送る");
        assertThat(home.locator("#request-message").textContent()).isEqualTo("振込先口座の通帳の写し（口座番号が分かるページ）を送ってください。");
        axe(home, "reply page");
        home.locator("main button[type=submit]").click();
        assertThat(home.locator(".error-summary a").textContent()).isEqualTo("回答を書くか、書類のファイルを選んでください。");
        axe(home, "reply page with a mistake");
        home.locator("#reply-text").fill("通帳の写しを撮って添付しました。");
        home.locator("#reply-files").setInputFiles(new FilePayload("tsucho.png", "image/png", ReplyPageTests.png()));
        home.locator("main button[type=submit]").click();
        home.waitForURL("**/my/cases/" + caseId + "/reply?sent");
        assertThat(home.locator("h1").textContent()).isEqualTo("回答を送りました");
        axe(home, "reply sent");
        home.navigate(url("/my/cases/" + caseId + "/reply?lang=ja-easy"));
        assertThat(home.locator("h1").textContent()).isEqualTo("いまは こたえを うけつけて いません");

        desk.reload();
        assertThat(desk.locator("#case-state").textContent()).isEqualTo("申請者の回答あり");
        assertThat(desk.locator("#requests .reply-text").textContent()).isEqualTo("通帳の写しを撮って添付しました。");
        assertThat(desk.locator("#requests a[href*='/replies/']").count()).isEqualTo(1);
        assertThat(desk.locator("#history").textContent()).contains("申請者の回答", "追加資料の依頼中 → 申請者の回答あり", "申請者");
        axe(desk, "case with the reply");
        assertThat(violations).isEmpty();
    }

    private Page page() {
        BrowserContext context = Browser.newContext();
        contexts.add(context);
        return context.newPage();
    }

    private void signInAsStaff(Page page, Account clerk) {
        page.navigate(url("/staff/sign-in"));
        page.locator("#login").fill(clerk.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/second-factor/enrol");
        byte[] secret = new Base32().decode(page.locator(".secret").textContent().replace(" ", ""));
        page.locator("#code").fill(totp(secret));
        page.locator("main button[type=submit]").click();
        assertThat(page.locator(".recovery-codes li").count()).isEqualTo(10);
    }

    private String totp(byte[] secret) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            return "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private void axe(Page page, String what) {
        String found = Browser.seriousViolations(page);
        if (!found.isEmpty()) {
            violations.add(what + ": " + found);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
