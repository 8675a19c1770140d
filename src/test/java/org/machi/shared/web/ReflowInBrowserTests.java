package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * WCAG 1.4.10 (reflow): at 320 CSS pixels wide with the largest text size, the public pages scroll
 * only up and down, in every language.
 */
@MachiWebTest
@RequiresChromium
class ReflowInBrowserTests {

    private static final List<String> PAGES = List.of("/", "/alerts", "/notices", "/alerts/subscribe", "/districts",
            "/sign-in", "/sign-up", "/accessibility", "/no-such-page");

    /** The elements that stick out to the right of the viewport, described for the failure message. */
    private static final String OVERFLOWING = """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                          && getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length > 0)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' (right '
                          + Math.round(e.getBoundingClientRect().right) + ')')
                .join(', ')""";

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.newContext();
        page = context.newPage();
        page.setViewportSize(320, 640);
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void publicPagesReflowAt320PixelsWithTheLargestText() {
        List<String> problems = new ArrayList<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            page.navigate("http://localhost:" + port + "/?lang=" + language.code() + "&text=largest");
            for (String path : PAGES) {
                page.navigate("http://localhost:" + port + path);
                int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                if (scrollWidth > 320) {
                    problems.add(language.code() + " " + path + ": " + scrollWidth + " px wide; " + page.evaluate(OVERFLOWING));
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
