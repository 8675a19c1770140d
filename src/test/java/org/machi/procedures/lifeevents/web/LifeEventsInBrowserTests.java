package org.machi.procedures.lifeevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The questionnaire answered with the keyboard only (the pages have no script), with axe at every step. */
@MachiWebTest
@RequiresChromium
class LifeEventsInBrowserTests {

    @LocalServerPort
    int port;

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
    void movingInWithTwoChildrenByKeyboardOnly() {
        page.navigate("http://localhost:" + port + "/procedures/life-events/moving?lang=ja");
        assertThat(Browser.seriousViolations(page)).isEmpty();

        tabTo("main button[type=submit]");
        page.keyboard().press("Enter"); // nothing answered yet
        page.locator(".error-summary").waitFor();
        assertThat(Browser.seriousViolations(page)).isEmpty();
        assertThat(page.locator(".error-summary a").first().getAttribute("href")).isEqualTo("#direction-into");

        tabTo("#direction-into");
        page.keyboard().press("Space");
        tabTo("#under3");
        page.keyboard().press("Control+A");
        page.keyboard().type("1");
        tabTo("#schoolAge");
        page.keyboard().press("Control+A");
        page.keyboard().type("1");
        tabTo("#care-certified");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown"); // arrows move within the radio group and choose: "none"
        tabTo("#situation-daycare");
        page.keyboard().press("Space");
        tabTo("#card-yes");
        page.keyboard().press("Space");
        tabTo("main button[type=submit]");
        page.keyboard().press("Enter");

        page.locator("ol.steps").waitFor();
        assertThat(page.url()).contains("/procedures/life-events/moving/plan?", "care=none", "situation=daycare");
        assertThat(page.locator("ol.steps > li h2 a").allTextContents()).containsExactly(
                "転入予約（引越しワンストップサービス）", "転入届", "児童手当 認定請求", "保育所等 入所申込");
        assertThat(Browser.seriousViolations(page)).isEmpty();
    }

    /** Presses Tab until the element is focused, as a keyboard user reaches it. */
    private void tabTo(String selector) {
        for (int presses = 0; presses < 200; presses++) { // alerts published by other tests put links in the banner first
            if ((Boolean) page.locator(selector).evaluate("element => element === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }
}
