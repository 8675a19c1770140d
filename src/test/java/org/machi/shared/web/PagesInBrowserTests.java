package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.shared.SiteLanguage;
import org.machi.testing.Browser;
import org.machi.testing.ErrorTriggers;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Pages;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every page in a real Chromium: it loads, and axe-core finds no serious or critical WCAG 2 AA violation. */
@MachiWebTest
@RequiresChromium
class PagesInBrowserTests {

    private static final String NO_APPLICATION = "7b0d3c52-1f4e-4f7a-9a3e-2c1d5e6f7a8b";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

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
        context = Browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void everyPageHasNoSeriousAccessibilityViolation() {
        Account colleague = accounts.staff(StaffRole.COUNTER_STAFF);
        String drill = "/" + jdbc.sql("SELECT id FROM alerts.alert WHERE author = 'demo:alert-operator'").query(String.class).single();
        String demoNotice = jdbc.sql("SELECT id FROM alerts.notice WHERE author = 'demo:department' AND category = 'GARBAGE'")
                .query(String.class).single();
        List<String> pages = new ArrayList<>(Pages.all(mappings, Map.ofEntries(
                Map.entry("/staff/people/{id}", "/staff/people/" + colleague.id()),
                Map.entry("/alerts/{id}", "/alerts" + drill),
                Map.entry("/staff/alerts/{id}", "/staff/alerts" + drill),
                Map.entry("/staff/alerts/{id}/edit", "/staff/alerts" + drill + "/edit"),
                Map.entry("/staff/alerts/{id}/update", "/staff/alerts" + drill + "/update"),
                Map.entry("/staff/alerts/{id}/cancel", "/staff/alerts" + drill + "/cancel"),
                Map.entry("/alerts/unsubscribe/{token}", "/alerts/unsubscribe/unknown"),
                Map.entry("/notices/{id}", "/notices/" + demoNotice),
                Map.entry("/staff/notices/{id}", "/staff/notices/" + demoNotice),
                Map.entry("/procedures/{slug}", "/procedures/juminhyo"),
                Map.entry("/procedures/life-events/{event}", "/procedures/life-events/moving"),
                Map.entry("/procedures/life-events/{event}/plan", "/procedures/life-events/moving/plan?direction=into&under3=1"
                        + "&schoolAge=1&care=certified&situation=daycare&situation=dog&card=yes"),
                Map.entry("/staff/procedures/{slug}", "/staff/procedures/juminhyo"),
                Map.entry("/staff/procedures/{slug}/version", "/staff/procedures/juminhyo/version?number=1"),
                Map.entry("/staff/procedures/{slug}/draft", "/staff/procedures/juminhyo/draft"),
                Map.entry("/staff/procedures/{slug}/draft/publish", "/staff/procedures/juminhyo/draft/publish"),
                // an application nobody has: signed out, the sign-in page; signed in, the not-found page (ApplyingInBrowserTests walks a real one)
                Map.entry("/procedures/{slug}/apply", "/procedures/sodai-gomi/apply"),
                Map.entry("/procedures/{slug}/apply/{id}/{stepId}", "/procedures/sodai-gomi/apply/" + NO_APPLICATION + "/business"),
                Map.entry("/procedures/{slug}/apply/{id}/check-answers", "/procedures/sodai-gomi/apply/" + NO_APPLICATION + "/check-answers"),
                Map.entry("/my/procedures/{id}", "/my/procedures/" + NO_APPLICATION),
                Map.entry("/my/procedures/{id}/withdraw", "/my/procedures/" + NO_APPLICATION + "/withdraw"),
                Map.entry("/procedures/{slug}/apply/{id}/resume-link/sent", "/procedures/sodai-gomi/apply/" + NO_APPLICATION + "/resume-link/sent"),
                Map.entry("/my/bundles/start/{event}", "/my/bundles/start/moving?direction=into&under3=1&card=yes"),
                Map.entry("/my/bundles/{id}", "/my/bundles/" + NO_APPLICATION),
                Map.entry("/my/bundles/{id}/facts", "/my/bundles/" + NO_APPLICATION + "/facts"),
                Map.entry("/my/procedures/{id}/receipt.pdf", "/my/procedures/" + NO_APPLICATION + "/receipt.pdf"),
                Map.entry("/my/procedures/{id}/files/{fileId}", "/my/procedures/" + NO_APPLICATION + "/files/" + NO_APPLICATION),
                // issue 13, counter (H7): a session nobody has (CounterInBrowserTests walks a real one)
                Map.entry("/counter/sessions/{id}", "/counter/sessions/" + NO_APPLICATION),
                Map.entry("/counter/sessions/{id}/summary.pdf", "/counter/sessions/" + NO_APPLICATION + "/summary.pdf"),
                // issue 13, procedures-api (H2): the counter's step pages, of a draft nobody has
                Map.entry("/counter/applications/{id}", "/counter/applications/" + NO_APPLICATION),
                Map.entry("/counter/applications/{id}/{stepId}", "/counter/applications/" + NO_APPLICATION + "/applicant"),
                Map.entry("/counter/applications/{id}/check-answers", "/counter/applications/" + NO_APPLICATION + "/check-answers"),
                // issue 13, case pages (H5): a case nobody has (InformationRequestInBrowserTests walks a real one)
                Map.entry("/staff/cases/{id}", "/staff/cases/" + NO_APPLICATION),
                Map.entry("/staff/cases/{id}/application", "/staff/cases/" + NO_APPLICATION + "/application"),
                Map.entry("/staff/cases/{id}/application/files/{fileId}", "/staff/cases/" + NO_APPLICATION + "/application/files/" + NO_APPLICATION),
                Map.entry("/staff/cases/{id}/notice.pdf", "/staff/cases/" + NO_APPLICATION + "/notice.pdf"),
                Map.entry("/staff/cases/{id}/replies/{fileId}", "/staff/cases/" + NO_APPLICATION + "/replies/" + NO_APPLICATION),
                Map.entry("/my/cases/{id}/reply", "/my/cases/" + NO_APPLICATION + "/reply"))));
        pages.add("/procedures/okuyami");
        pages.add("/procedures/life-events/moving/plan?under3=999&situation=forged");
        pages.add("/procedures?q=" + "x".repeat(200) + "&event=NOPE");
        pages.add("/procedures?q=じゅうみんひょう");
        pages.add("/notices?category=GARBAGE&q=" + "x".repeat(200));
        pages.add("/no-such-page");
        pages.add("/staff/alerts/new?kind=EVACUATION_ORDER");
        pages.add("/alerts?from=not-a-date");
        assertThat(pages).contains("/", "/districts", "/accessibility", ErrorTriggers.FORBIDDEN, ErrorTriggers.BROKEN,
                "/sign-in", "/account", "/staff", "/staff/people", "/staff/people/" + colleague.id());

        List<String> problems = new ArrayList<>();
        problems.addAll(checkAll(pages, "anonymous"));
        signInAsResident();
        problems.addAll(checkAll(pages, "resident"));
        context.close();
        context = Browser.newContext();
        page = context.newPage();
        problems.addAll(signInAsNewStaffCheckingEachStep());
        problems.addAll(checkAll(pages, "staff"));
        problems.addAll(staffFormsWithMistakes());
        problems.addAll(formEditorWithADraft());
        assertThat(problems).isEmpty();
    }

    /** The staff forms sent back with mistakes: the error summary and the fields it points to pass too. */
    private List<String> staffFormsWithMistakes() {
        List<String> problems = new ArrayList<>();
        for (String form : List.of("/staff/alerts/new?kind=EVACUATION_ORDER", "/staff/notices/new")) {
            page.navigate(url(form));
            page.locator("main #link").fill("not a link");
            page.evaluate("document.querySelector('main form').noValidate = true"); // the server's checks, not the browser's
            page.locator("main button[type=submit]").click();
            page.locator(".error-summary").waitFor();
            String violations = Browser.seriousViolations(page);
            if (!violations.isEmpty()) {
                problems.add("staff " + form + " with mistakes:\n" + violations);
            }
        }
        // a start far ahead: the form asks to confirm it, with its own summary and a checkbox
        page.navigate(url("/staff/alerts/new?kind=ROAD_CLOSURE"));
        page.locator("main input[name=district][value=ogino]").check();
        page.locator("#effective").fill(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(clock.instant().atZone(java.time.ZoneId.of("Asia/Tokyo")).plusDays(45)));
        page.locator("#expires").fill("");
        page.locator("main button[type=submit]").click();
        page.locator("#check-summary").waitFor();
        String violations = Browser.seriousViolations(page);
        if (!violations.isEmpty()) {
            problems.add("staff alert form asking to confirm a time:\n" + violations);
        }
        return problems;
    }

    /** The form editor with a draft open, then with a mistake in it; the draft is deleted again at the end. */
    private List<String> formEditorWithADraft() {
        List<String> problems = new ArrayList<>();
        page.navigate(url("/staff/procedures/sodai-gomi"));
        page.locator("main form[action$='/draft'] button[type=submit]").click();
        page.waitForURL("**/sodai-gomi/draft");
        problems.add(Browser.seriousViolations(page));
        page.locator("#s0-f0-id").fill("not an id");
        page.locator("main form#editor button[value=save]").first().click();
        page.locator(".error-summary").waitFor();
        problems.add(Browser.seriousViolations(page));
        page.navigate(url("/staff/procedures/sodai-gomi/draft/publish"));
        problems.add(Browser.seriousViolations(page));
        page.navigate(url("/staff/procedures/sodai-gomi/draft"));
        page.locator("main details:has(form[action$='/discard']) summary").click();
        page.locator("main form[action$='/discard'] button[type=submit]").click();
        page.waitForURL("**/sodai-gomi?discarded");
        return problems.stream().filter(p -> !p.isEmpty()).map(p -> "form editor:\n" + p).toList();
    }

    /** Visits every page as the current browser session; the protected ones show their sign-in page or their content. */
    private List<String> checkAll(List<String> pages, String who) {
        List<String> problems = new ArrayList<>();
        for (String path : pages) {
            var response = page.navigate(url(path));
            boolean errorOnPurpose = path.startsWith("/test-errors/") || path.equals("/no-such-page");
            boolean notTheirs = response.status() == 403 && !who.equals("anonymous"); // a resident on a staff page
            boolean noSuchApplication = response.status() == 404 && path.contains(NO_APPLICATION); // the translated not-found page
            if (!errorOnPurpose && !notTheirs && !noSuchApplication && response.status() != 200) {
                problems.add(path + " answered " + response.status());
            }
            String violations = Browser.seriousViolations(page);
            if (!violations.isEmpty()) {
                problems.add(who + " " + path + " (" + page.url() + "):\n" + violations);
            }
        }
        return problems;
    }

    private void signInAsResident() {
        Account resident = accounts.resident();
        page.navigate(url("/account"));
        assertThat(page.url()).as("sent to sign in first").endsWith("/sign-in");
        page.locator("#login").fill(resident.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("#password").press("Enter"); // submits the password form, as a keyboard user does
        page.waitForURL("**/account**");
    }

    /** The first sign-in of a staff member, through every step, each page checked with axe. */
    private List<String> signInAsNewStaffCheckingEachStep() {
        List<String> problems = new ArrayList<>();
        Account staff = accounts.staffWhoMustChangePassword(StaffRole.SYSTEM_ADMINISTRATOR, StaffRole.ALERT_OPERATOR,
                StaffRole.DEPARTMENT_STAFF, StaffRole.PROCEDURE_OWNER);
        page.navigate(url("/staff/sign-in?error"));
        problems.add(Browser.seriousViolations(page));
        page.locator("#login").fill(staff.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/password");
        page.locator("#password").fill("short");
        page.locator("#confirmation").fill("short");
        page.locator("main button[type=submit]").click();
        problems.add(Browser.seriousViolations(page));
        page.locator("#password").fill("yama no ue no sora wa aoi");
        page.locator("#confirmation").fill("yama no ue no sora wa aoi");
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/second-factor/enrol");
        problems.add(Browser.seriousViolations(page));
        byte[] secret = new Base32().decode(page.locator(".secret").textContent().replace(" ", ""));
        page.locator("#code").fill(totp(secret));
        page.locator("main button[type=submit]").click();
        assertThat(page.locator(".recovery-codes li").count()).isEqualTo(10);
        problems.add(Browser.seriousViolations(page));
        return problems.stream().filter(p -> !p.isEmpty()).toList();
    }

    private String totp(byte[] secret) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            return "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAccessibilityCheckFindsAViolationWhereThereIsOne() {
        page.setContent("<!DOCTYPE html><html><head><title>t</title></head><body><main><img src='x.png'>"
                + "<input type='text'></main></body></html>");
        assertThat(Browser.seriousViolations(page)).contains("image-alt", "label");
    }

    @Test
    void homePageInEveryLanguageHasNoSeriousAccessibilityViolation() {
        List<String> problems = new ArrayList<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            page.navigate(url("/?lang=" + language.code()));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language.htmlLang());
            String violations = Browser.seriousViolations(page);
            if (!violations.isEmpty()) {
                problems.add(language.code() + ":\n" + violations);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichMovesFocusToTheContent() {
        page.navigate(url("/accessibility"));
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.getAttribute('href')")).isEqualTo("#main");
        assertThat(page.locator("a.skip-link").isVisible()).as("the skip link shows when focused").isTrue();

        page.keyboard().press("Enter");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");
    }

    @Test
    void languageAndTextSizeCanBeChangedWithTheKeyboardAlone() {
        page.navigate(url("/districts"));
        focus("summary");
        page.keyboard().press("Enter");
        focus("a[hreflang='en']");
        page.keyboard().press("Enter");
        page.waitForURL("**lang=en");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.locator("h1").textContent()).isEqualTo("Districts of the city");

        focus(".text-size a[href*='text=largest']");
        page.keyboard().press("Enter");
        page.waitForURL("**text=largest");
        assertThat(page.locator("html").getAttribute("class")).isEqualTo("text-largest");

        page.navigate(url("/"));
        assertThat(page.locator("html").getAttribute("lang")).as("the choice is kept").isEqualTo("en");
        assertThat(page.locator("html").getAttribute("class")).isEqualTo("text-largest");
        assertThat(page.evaluate("getComputedStyle(document.documentElement).fontSize")).isEqualTo("24px");
    }

    @Test
    void pagesReadWithoutJavaScript() {
        BrowserContext noScript = Browser.newContext(false);
        try {
            Page plain = noScript.newPage();
            plain.navigate(url("/?lang=ko"));
            assertThat(plain.locator("h1").textContent()).contains("아쓰기시");
            plain.locator("summary").click();
            plain.locator("a[hreflang='vi']").click();
            plain.waitForURL("**lang=vi");
            assertThat(plain.locator("html").getAttribute("lang")).isEqualTo("vi");
        } finally {
            noScript.close();
        }
    }

    /** Tabs forward until the element matching the selector has focus, as a keyboard user does. */
    private void focus(String selector) {
        for (int presses = 0; presses < 60; presses++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector);
            if (Boolean.TRUE.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
