package org.machi.casework.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.security.InvalidKeyException;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The measures page in Chromium, as a plan reader uses it with the keyboard: axe finds nothing serious, with figures or with errors. */
@MachiWebTest
@RequiresChromium
class MeasuresInBrowserTests {

    private static final String NEW_PASSWORD = "hoshi no kazu hodo aru kazu";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        March2019Cases.insertOnce(jdbc);
        context = Browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aPlanReaderChoosesMonthsWithTheKeyboardAndReadsTheFigures() {
        signInAsNewStaff(accounts.staffWhoMustChangePassword(StaffRole.CIO));
        page.navigate(url("/staff/casework/measures?from=2019-03&to=2019-03&lang=ja"));
        assertThat(page.locator("table.figures caption").first().textContent()).startsWith("受付月・手続ごとの申請件数と処理日数");
        assertThat(Browser.seriousViolations(page)).isEmpty();

        // choose 住民票's department with the keyboard and show again
        page.locator("#department").focus();
        page.keyboard().press("ArrowDown"); // the first department after "all"
        page.locator("main form.filters button[type=submit]").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**department=**");
        assertThat(page.url()).contains("from=2019-03", "to=2019-03");
        assertThat(Browser.seriousViolations(page)).isEmpty();

        page.navigate(url("/staff/casework/measures?from=2019-04&to=2019-03"));
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        // autofocus is applied when the browser next renders, which may come after the load event: wait for it (fails after 5 s)
        page.waitForFunction("document.activeElement && document.activeElement.classList.contains('error-summary')", null,
                new Page.WaitForFunctionOptions().setTimeout(5000));
        assertThat(Browser.seriousViolations(page)).isEmpty();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter"); // the link to the field in error
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("from");

        page.navigate(url("/staff/casework/measures?from=2019-03&to=2019-03&lang=en"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Business process reform (BPR) measures");
        assertThat(Browser.seriousViolations(page)).isEmpty();
    }

    private void signInAsNewStaff(Account staff) {
        page.navigate(url("/staff/sign-in"));
        page.locator("#login").fill(staff.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/password");
        page.locator("#password").fill(NEW_PASSWORD);
        page.locator("#confirmation").fill(NEW_PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/second-factor/enrol");
        byte[] secret = new Base32().decode(page.locator(".secret").textContent().replace(" ", ""));
        page.locator("#code").fill(totp(secret));
        page.locator("main button[type=submit]").click();
        page.locator(".recovery-codes li").first().waitFor();
    }

    private String totp(byte[] secret) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            return "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
