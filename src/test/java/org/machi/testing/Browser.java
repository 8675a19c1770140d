package org.machi.testing;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The system Chromium driven by Playwright, started once for the whole test run (never a downloaded
 * browser), and axe-core checks of the pages it shows.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("machi.chromium", "/usr/bin/chromium"));
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    /** A new, empty browser context (no cookies), as a first-time visitor has. */
    public static BrowserContext newContext() {
        return newContext(true);
    }

    /** A new, empty browser context; {@code javaScript=false} reads pages as a browser with scripts off does. */
    public static synchronized BrowserContext newContext(boolean javaScript) {
        return browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ja-JP")
                .setJavaScriptEnabled(javaScript));
    }

    private static com.microsoft.playwright.Browser browser() {
        if (browser == null) {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    /** The serious and critical WCAG 2 A/AA violations axe-core finds on the page, described; empty when none. */
    public static String seriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget()))
                .limit(5)
                .collect(Collectors.joining(", "));
        return "%s (%s): %s at %s".formatted(rule.getId(), rule.getImpact(), rule.getHelp(), targets);
    }
}
