package org.machi.casework.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.casework.counter.SyntheticPeople.Person;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.totp.TotpCredentials;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The no-writing counter in Chromium, by keyboard alone, with axe-core on every page: a counter
 * clerk signs in with the second factor, looks a resident up in the register by name and birth
 * date, opens a session, starts 住民票の写し and 課税証明書 together (both filled from the register:
 * name, furigana, birth date, address), types only what the register does not know, opens the
 * summary for the resident to sign and submits both at once; the cases open with channel COUNTER
 * and the clerk, and the session records its measures.
 *
 * <p>Like {@code ApplyingInBrowserTests}, this class runs in a context of its own seeded with the
 * city's real forms (the shared test context has small test forms under the same slugs).
 */
@MachiWebTest
@RequiresChromium
class CounterInBrowserTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void theCitysRealForms(DynamicPropertyRegistry properties) {
        properties.add("machi.procedures.forms", () -> "classpath:procedures/forms/");
        properties.add("spring.datasource.url",
                () -> "jdbc:h2:mem:machi-counter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.add("machi.data-dir", () -> "target/test-data/counter");
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    TotpCredentials totp;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private BrowserContext context;
    private Page page;
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

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
    void aClerkServesAResidentByKeyboardPrefillingTwoProceduresFromTheRegisterAndSubmitsBoth() throws Exception {
        Person resident = SyntheticPeople.heads().get(7);
        Account clerk = signInAsCounterClerk();

        // look-up: a purpose first, then name and birth date (the birth date in 和暦)
        page.navigate(url("/counter?lang=ja"));
        assertThat(heading()).isEqualTo("窓口（書かない窓口）");
        axe("counter");
        tabTo("#purpose");
        page.keyboard().press("Space");
        assertThat(page.locator("#purpose").isChecked()).isTrue();
        tabTo("#familyName");
        type(resident.familyName());
        nextTab("#givenName");
        type(resident.givenName());
        nextTab("#birthDate");
        type(wareki(resident));
        tabTo("main form[action='/counter/look-up'] button[type=submit]");
        enter();
        focusIsOn("#results-title");
        assertThat(page.locator("#results-title").innerText()).startsWith("検索結果");
        axe("look-up results");
        String start = "main form[action='/counter/sessions']:has(input[value='" + resident.registerNumber() + "']) button";
        tabTo(start);
        assertThat(page.locator(start).innerText()).isEqualTo(resident.familyName() + " " + resident.givenName() + " さんの窓口を始める");
        enter();
        assertThat(page.url()).matches(".*/counter/sessions/[0-9a-f-]{36}");
        UUID session = UUID.fromString(page.url().replaceAll(".*/counter/sessions/([0-9a-f-]{36}).*", "$1"));
        assertThat(heading()).contains(resident.familyName() + " " + resident.givenName() + " さん");
        assertThat(page.locator("main").innerText()).contains("手数料の未払いと施設の予約は", resident.registerNumber());
        axe("session");

        // the visit's procedures: 住民票の写し and 課税証明書, ticked with Space and started with Enter
        tabTo("main input[name=procedure][value=juminhyo]");
        page.keyboard().press("Space");
        tabTo("main input[name=procedure][value=kazei-shomei]");
        page.keyboard().press("Space");
        tabTo("main form[action$='/procedures'] button[type=submit]");
        enter();
        assertThat(page.locator("#drafts tbody tr").count()).isEqualTo(2);
        assertThat(page.locator("#drafts tbody").innerText()).contains("入力途中");
        axe("session with two drafts");

        // 住民票の写し: the register filled the applicant's name, furigana, birth date and address; the phone is typed
        tabTo("#drafts a[href='" + page.locator("#drafts tbody tr:has-text('住民票') a").getAttribute("href") + "']");
        enter();
        axe("juminhyo first step");
        fillJuminhyo();
        returnToTheCounter("juminhyo");

        // 課税証明書, the same way
        tabTo("#drafts a[href='" + page.locator("#drafts tbody tr:has-text('課税') a").getAttribute("href") + "']");
        enter();
        fillKazeiShomei();
        returnToTheCounter("kazei-shomei");

        assertThat(page.locator("#drafts tbody").innerText()).doesNotContain("入力途中");
        axe("session with both complete");

        // the summary the resident checks and signs: one PDF of both, in this browser's session
        String summary = page.locator("main a[href$='/summary.pdf']").getAttribute("href");
        APIResponse pdf = page.request().get(url(summary));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("窓口申請 内容確認書", resident.familyName() + " " + resident.givenName(), resident.registerNumber(),
                    "1. 住民票の写し", "2. 市・県民税 課税", "046-225-2790", "署名", "受付職員");
        }

        // submitting without the signature box is refused; with it both are filed at once
        clock.advance(Duration.ofMinutes(7).plusSeconds(30));
        tabTo("main form[action$='/submit'] button[type=submit]");
        enter();
        focusIsOn(".error-summary");
        assertThat(page.locator(".error-summary").innerText()).contains("チェックを入れてください");
        axe("submit without the signature");
        nextTab(".error-summary a[href='#signed']");
        page.keyboard().press("Enter");
        focusIsOn("#signed");
        page.keyboard().press("Space");
        nextTab("main form[action$='/submit'] button[type=submit]");
        enter();
        focusIsOn("main p[role=status]");
        assertThat(page.locator("main p[role=status]").innerText()).isEqualTo("2件の申請を提出しました。担当課で受付の処理を始めます。");
        axe("submitted");

        List<String> filed = jdbc.sql("""
                        SELECT procedure_slug || ' ' || status || ' ' || channel || ' ' || clerk || ' ' || register_number
                        FROM procedures.application WHERE counter_session = :session ORDER BY procedure_slug""")
                .param("session", session).query(String.class).list();
        String by = clerk.reference() + " " + resident.registerNumber();
        assertThat(filed).containsExactly("juminhyo SUBMITTED COUNTER " + by, "kazei-shomei SUBMITTED COUNTER " + by);
        var measures = jdbc.sql("""
                        SELECT fields_prefilled, fields_typed
                        FROM casework.counter_session WHERE id = :id""")
                .param("id", session).query((rs, n) -> new int[] {rs.getInt("fields_prefilled"), rs.getInt("fields_typed")}).single();
        assertThat(measures[0]).as("fields prefilled from the register: 5 of each applicant step at least").isGreaterThanOrEqualTo(10);
        assertThat(measures[1]).as("fields the clerk typed").isGreaterThan(0);
        assertThat(jdbc.sql("SELECT procedures FROM casework.counter_session WHERE id = :id").param("id", session)
                .query(String.class).single()).isEqualTo("juminhyo\nkazei-shomei");
        assertThat(page.locator("main").innerText()).contains("7分30秒");

        // the cases open in the background, from the counter channel, with the clerk and the register number
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT c.channel || ' ' || c.clerk || ' ' || c.register_number FROM casework.case_file c
                        JOIN procedures.application a ON a.id = c.application_id WHERE a.counter_session = :session""")
                .param("session", session).query(String.class).list()).containsExactly("COUNTER " + by, "COUNTER " + by));
        page.reload();
        assertThat(page.locator("#drafts tbody tr").count()).isEqualTo(2);
        assertThat(page.locator("#drafts tbody").innerText()).doesNotContain("—");
        axe("submitted session with its cases");

        // the resident's next visit: the two applications show as pending, made at the counter
        List<String> receipts = jdbc.sql("SELECT receipt_number FROM procedures.application WHERE counter_session = :session")
                .param("session", session).query(String.class).list();
        tabTo("main a[href='/counter']");
        enter();
        tabTo("#purpose");
        page.keyboard().press("ArrowDown"); // the second purpose, 証明書の交付
        assertThat(page.locator("#purpose-1").isChecked()).isTrue();
        tabTo("#registerNumber");
        type(resident.registerNumber());
        tabTo("main form[action='/counter/look-up'] button[type=submit]");
        enter();
        tabTo(start);
        enter();
        String pending = page.locator("main section[aria-labelledby=pending-title]").innerText();
        assertThat(pending).contains(receipts.get(0), receipts.get(1), "受付済み", "窓口", "ご本人");
        assertThat(page.locator("main").innerText()).contains("証明書の交付");
        axe("next visit with pending cases");

        assertThat(checked).as("every page on the way was checked").hasSizeGreaterThanOrEqualTo(12);
        assertThat(violations).isEmpty();
    }

    /** 住民票の写し: for oneself; only the phone is asked of the applicant step; the whole household, one copy, for work. */
    private void fillJuminhyo() {
        answerFirstRadio("who", "#certificateFor");
        expectStep("applicant");
        assertThat(page.locator("main").innerText()).contains(SyntheticPeople.heads().get(7).familyName());
        axe("juminhyo applicant (prefilled)");
        tabTo("#phone");
        type("046-225-2790");
        tabTo("main button[value=continue]");
        enter();
        answerFirstRadio("scope", "#householdScope");
        expectStep("items");
        tabTo("main button[value=continue]");
        enter();
        expectStep("howMany");
        tabTo("#copies");
        type("1");
        tabTo("main button[value=continue]");
        enter();
        answerFirstRadio("use", "#purpose");
    }

    /** 課税証明書: for oneself; only the phone is asked of the applicant; this year, lived in Atsugi, one copy, for an allowance. */
    private void fillKazeiShomei() {
        answerFirstRadio("who", "#certificateFor");
        expectStep("applicant");
        tabTo("#phone");
        type("046-225-2790");
        tabTo("main button[value=continue]");
        enter();
        answerFirstRadio("year", "#fiscalYear");
        answerFirstRadio("residence", "#livedInAtsugi");
        expectStep("howMany");
        tabTo("#copies");
        type("1");
        tabTo("main button[value=continue]");
        enter();
        answerFirstRadio("use", "#purpose");
    }

    /** On the check-your-answers page: the link back to the session, by keyboard. */
    private void returnToTheCounter(String slug) {
        assertThat(page.url()).as(() -> slug + " checked, but the page says:\n" + page.locator("main").innerText())
                .endsWith("/check-answers");
        axe(slug + " check answers");
        assertThat(page.locator("main form button[type=submit]").count()).as("the counter submits, not the check page").isZero();
        tabTo("#counter-return");
        enter();
        assertThat(page.url()).contains("/counter/sessions/");
    }

    private void answerFirstRadio(String step, String radio) {
        expectStep(step);
        tabTo(radio);
        page.keyboard().press("Space");
        tabTo("main button[value=continue]");
        enter();
    }

    private void expectStep(String step) {
        assertThat(page.url().replaceAll("[?#].*", "")).as(() -> "on step " + step + ", but the page says:\n" + page.locator("main").innerText())
                .endsWith("/" + step);
    }

    private Account signInAsCounterClerk() throws Exception {
        Account clerk = accounts.staff(StaffRole.COUNTER_STAFF);
        var enrolment = totp.startEnrolment(clerk.id(), clerk.login(), "Machi");
        byte[] secret = new Base32().decode(enrolment.secret().replace(" ", ""));
        assertThat(totp.confirm(clerk.id(), code(secret))).isPresent();
        clock.advance(Duration.ofSeconds(30));
        page.navigate(url("/counter?lang=ja"));
        assertThat(page.url()).as("the counter asks staff to sign in").contains("/staff/sign-in");
        axe("staff sign-in");
        tabTo("#login");
        type(clerk.login());
        nextTab("#password");
        type(TestAccounts.PASSWORD);
        enter();
        assertThat(page.url()).contains("/staff/second-factor");
        axe("second factor");
        tabTo("#code");
        type(code(secret));
        enter();
        assertThat(page.url()).doesNotContain("/sign-in").doesNotContain("/second-factor");
        return clerk;
    }

    private String code(byte[] secret) throws Exception {
        var generator = new TimeBasedOneTimePasswordGenerator();
        return "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
    }

    /** The birth date as a clerk copying it from a form in 和暦 types it, e.g. 昭和37年4月22日. */
    private static String wareki(Person person) {
        return java.time.format.DateTimeFormatter.ofPattern("GGGGy年M月d日", java.util.Locale.JAPAN)
                .format(java.time.chrono.JapaneseDate.from(person.birthDate()));
    }

    private void axe(String where) {
        checked.add(where);
        String found = Browser.seriousViolations(page);
        if (!found.isEmpty()) {
            violations.add(where + " (" + page.url() + "):\n" + found);
        }
    }

    private String heading() {
        return page.locator("main h1").first().innerText();
    }

    private void type(String text) {
        page.keyboard().type(text);
    }

    /** Enter on the focused control; it sends a form or follows a link, and the next page loads. */
    private void enter() {
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
    }

    /** Tabs forward until the control matching the selector has focus, as a keyboard user does. */
    private void tabTo(String selector) {
        if (focused(selector)) {
            return;
        }
        for (int presses = 0; presses < 120; presses++) {
            page.keyboard().press("Tab");
            if (focused(selector)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url() + "\n" + page.locator("main").innerText());
    }

    /** One Tab, which must reach exactly this control: the focus order follows the reading order. */
    private void nextTab(String selector) {
        page.keyboard().press("Tab");
        assertThat(focused(selector)).as("the next Tab reaches %s, not %s", selector, activeElement()).isTrue();
    }

    private void focusIsOn(String selector) {
        try {
            page.waitForFunction("s => document.activeElement && document.activeElement.matches(s)", selector,
                    new Page.WaitForFunctionOptions().setTimeout(3000));
        } catch (PlaywrightException e) {
            throw new AssertionError("focus is on " + activeElement() + ", not " + selector + " on " + page.url());
        }
    }

    private boolean focused(String selector) {
        return Boolean.TRUE.equals(page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector));
    }

    private String activeElement() {
        return String.valueOf(page.evaluate("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'nothing'; }"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
