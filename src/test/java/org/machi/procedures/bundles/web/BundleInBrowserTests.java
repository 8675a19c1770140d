package org.machi.procedures.bundles.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, with axe on every page: from the plan, not signed in, through sign-in back to the
 * plan, then the bundle's facts page (with its error summary), the draft and the bundle page.
 */
@MachiWebTest
@RequiresChromium
class BundleInBrowserTests {

    static final String PLAN = "/procedures/life-events/moving/plan?direction=into&under3=1&preschool=0&schoolAge=0&care=none"
            + "&situation=daycare&card=yes&lang=ja";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void fromThePlanThroughSignInToTheBundleWithAxeOnEveryPage() {
        Account resident = accounts.resident();
        page.navigate("http://localhost:" + port + PLAN);
        assertThat(Browser.seriousViolations(page)).isEmpty();
        page.locator("section[aria-labelledby=one-sitting] a.button").click();
        page.waitForURL("**/sign-in");
        page.locator("#login").fill(resident.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL("**/procedures/life-events/moving/plan?**");
        assertThat(page.url()).as("back to the same plan").contains("under3=1", "situation=daycare");
        assertThat(Browser.seriousViolations(page)).isEmpty();

        page.locator("section[aria-labelledby=one-sitting] form button").click();
        page.waitForURL("**/my/bundles/*/facts");
        assertThat(Browser.seriousViolations(page)).isEmpty();
        // confirmed by mail only: the procedures that need the card are left out, saying why
        assertThat(page.locator("section[aria-labelledby=skipped] li").count()).isEqualTo(2);

        page.locator("main form button[value=continue]").click();
        page.locator(".error-summary").waitFor();
        assertThat(Browser.seriousViolations(page)).isEmpty();

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        page.locator("[id='children[0].childFamilyName']").fill("厚木");
        page.locator("[id='children[0].childGivenName']").fill("一郎");
        page.locator("[id='children[0].childNameKana']").fill("アツギイチロウ");
        page.locator("[id='children[0].childBirthDate']").fill(today.minusYears(1).toString());
        page.locator("main form button[value=continue]").click();
        page.waitForURL("**/procedures/hoikusho/apply/*/nursery");
        assertThat(Browser.seriousViolations(page)).isEmpty();
        page.locator("#wishedNursery").fill("中町保育所");
        page.locator("main form button[value=continue]").click();
        page.waitForURL("**/check-answers");
        page.locator("#declaration").check();
        page.locator("main form[action$=check-answers] button[type=submit]").click();
        page.waitForURL("**/my/bundles/*?sent=*");
        assertThat(page.locator("[role=status]").textContent()).contains("申請を受け付けました");
        assertThat(Browser.seriousViolations(page)).isEmpty();
    }
}
