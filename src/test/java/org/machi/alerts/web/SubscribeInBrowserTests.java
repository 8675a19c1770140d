package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.RequiresChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Subscribing and leaving in Chromium with the keyboard alone, every page on the way checked with
 * axe: the form with its mistakes, "mail sent", the confirmation from the mailed link, the active
 * subscription, and leaving from the link it offers.
 */
@MachiWebTest
@RequiresChromium
class SubscribeInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    GreenMail greenMail;

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aResidentSubscribesConfirmsAndLeavesWithTheKeyboard() {
        context = Browser.newContext();
        Page page = context.newPage();
        List<String> problems = new ArrayList<>();
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";

        page.navigate(url("/alerts/subscribe?lang=en"));
        page.locator("#email").fill("not an address");
        page.locator("#email").press("Enter");
        page.waitForURL("**/alerts/subscribe");
        assertThat(page.locator(".error-summary a").allTextContents()).isNotEmpty();
        check(page, "the form with mistakes", problems);
        assertThat(page.evaluate("document.activeElement.closest('.error-summary') !== null")).as("focus moves to the summary")
                .isEqualTo(true);

        page.locator("#email").fill(email);
        page.locator("input[name=district][value=ogino]").check();
        page.locator("#byEmail").check();
        page.locator("#email").press("Enter");
        gone(page, "#email");
        assertThat(page.locator(".error-summary").count()).isZero();
        check(page, "mail sent", problems);

        Matcher link = Pattern.compile("http://machi\\.test(/alerts/subscribe/confirm\\?token=[A-Za-z0-9_-]+)")
                .matcher(Mailbox.text(new Mailbox(greenMail).to(email)));
        assertThat(link.find()).isTrue();
        page.navigate(url(link.group(1)));
        check(page, "confirm", problems);
        page.locator("main button[type=submit]").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/alerts/subscribe/confirm");
        check(page, "active", problems);

        page.locator("main a[href^='/alerts/unsubscribe/']").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/alerts/unsubscribe/**");
        check(page, "leave", problems);
        page.locator("main button[type=submit]").focus();
        page.keyboard().press("Enter");
        gone(page, "main form");
        check(page, "left", problems);
        assertThat(page.locator("main").textContent()).isNotBlank();
        assertThat(problems).isEmpty();
    }

    /** Waits until the page that had this element has been replaced by the next one. */
    private static void gone(Page page, String selector) {
        page.locator(selector).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        page.waitForLoadState();
    }

    private static void check(Page page, String step, List<String> problems) {
        String violations = Browser.seriousViolations(page);
        if (!violations.isEmpty()) {
            problems.add(step + ":\n" + violations);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
