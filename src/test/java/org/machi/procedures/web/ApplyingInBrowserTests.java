package org.machi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.Assurance;
import org.machi.identity.ResidentProfile;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.Profiles;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormJson;
import org.machi.procedures.forms.FormVersions;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A resident applies for the child allowance (児童手当) with the city's real form, in Chromium, by
 * keyboard alone: every control is reached by Tab in the order the page reads, radios are chosen with
 * the arrow keys and Space, forms are sent with Enter. axe-core checks every page on the way,
 * including the page with mistakes, in Japanese, やさしい日本語 and English.
 *
 * <p>The shared test context seeds small test forms, one of them under the same slug, so this class
 * runs in a context (and an in-memory database) of its own seeded with the city's real forms, as a
 * deployment is.
 */
@MachiWebTest
@RequiresChromium
class ApplyingInBrowserTests {

    private static final String SLUG = "jido-teate";
    private static final String APPLY = "/procedures/" + SLUG + "/apply";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void theCitysRealForms(DynamicPropertyRegistry properties) {
        properties.add("machi.procedures.forms", () -> "classpath:procedures/forms/");
        properties.add("spring.datasource.url",
                () -> "jdbc:h2:mem:machi-real-forms;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.add("machi.data-dir", () -> "target/test-data/real-forms");
    }

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Profiles profiles;

    @Autowired
    FormVersions versions;

    @Autowired
    JdbcClient jdbc;

    private BrowserContext context;
    private Page page;
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    @BeforeEach
    void theRealFormAndABrowser() throws IOException {
        String json;
        try (InputStream in = new ClassPathResource("procedures/forms/" + SLUG + ".json").getInputStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        FormDefinition real = FormJson.read(json);
        assertThat(versions.current(SLUG).orElseThrow().definition()).as("the form in use is the city's real one").isEqualTo(real);
        context = Browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void aResidentAppliesByKeyboardAloneWithNoSeriousAccessibilityViolationOnAnyPage() {
        Account resident = residentWithProfile();
        signIn(resident);

        page.navigate(url("/procedures/" + SLUG + "?lang=ja"));
        axe("procedure page");
        tabTo("main a[href='" + APPLY + "']");
        enter();
        axe("start page");
        tabTo("main form[action='" + APPLY + "'] button");
        enter();
        assertThat(page.url()).as("the applicant step is answered from the profile").matches(".*" + APPLY + "/[0-9a-f-]{36}/spouse");
        String draft = page.url().replaceAll(".*/apply/([0-9a-f-]{36})/.*", "$1");

        // the first step asked, in the three languages
        assertThat(heading()).isEqualTo("配偶者はいますか");
        axe("step spouse (ja)");
        switchLanguage("ja-easy");
        assertThat(heading()).isEqualTo("けっこんしている あいては いますか");
        axe("step spouse (ja-easy)");
        switchLanguage("en");
        assertThat(heading()).isEqualTo("Do you have a spouse?");
        axe("step spouse (en)");
        switchLanguage("ja");

        // spouse: sent empty, the error summary takes focus and its link takes focus to the radios
        tabTo("#hasSpouse");
        nextTab("main button[value=continue]");
        enter();
        focusIsOn(".error-summary");
        assertThat(page.locator(".error-summary a").first().getAttribute("href")).isEqualTo("#hasSpouse");
        axe("step spouse with a mistake");
        nextTab(".error-summary a[href='#hasSpouse']");
        page.keyboard().press("Enter");
        focusIsOn("#hasSpouse");
        assertThat(describedBy("#hasSpouse")).as("the radios tell what is wrong").contains("配偶者の有無");
        page.keyboard().press("ArrowDown"); // the second answer, いいえ
        page.keyboard().press("Space");
        assertThat(page.locator("#hasSpouse-1").isChecked()).isTrue();
        nextTab("main button[value=continue]");
        sendTo("pension");

        // pension: the first answer, 厚生年金
        assertThat(heading()).isEqualTo("あなたが加入している年金は何ですか");
        axe("step pension");
        tabTo("#pension");
        page.keyboard().press("Space");
        nextTab("main button[value=continue]");
        sendTo("children");

        // children: a group with add another, dates, radios in each item; kana typed in hiragana
        axe("step children");
        tabTo("#children\\[0\\]\\.childFamilyName");
        type("厚木");
        nextTab("#children\\[0\\]\\.childGivenName");
        type("一郎");
        nextTab("#children\\[0\\]\\.childNameKana");
        type("アツギ イチロウ");
        nextTab("#children\\[0\\]\\.childBirthDate");
        type("2019-05-10");
        nextTab("#children\\[0\\]\\.childLivesWith");
        page.keyboard().press("Space");
        nextTab("main button[value='add:children']");
        enter();
        assertThat(page.locator("main section h2").allTextContents()).containsExactly("子ども 1", "子ども 2");
        assertThat(page.locator("#children\\[0\\]\\.childGivenName").inputValue()).as("what was typed is kept").isEqualTo("一郎");
        axe("step children with a second child");
        tabTo("#children\\[1\\]\\.childFamilyName");
        type("厚木");
        nextTab("#children\\[1\\]\\.childGivenName");
        type("二郎");
        nextTab("#children\\[1\\]\\.childNameKana");
        type("あつぎ じろう");
        nextTab("#children\\[1\\]\\.childBirthDate");
        type("令和3年4月1日");
        nextTab("#children\\[1\\]\\.childLivesWith");
        page.keyboard().press("Space");
        tabTo("main button[value=continue]");
        sendTo("olderChildren");

        // older children: yes, then how many (a number, out of range first)
        axe("step olderChildren");
        tabTo("#olderChildrenSupported");
        page.keyboard().press("Space");
        nextTab("main button[value=continue]");
        sendTo("olderChildrenCount");
        axe("step olderChildrenCount");
        tabTo("#olderChildrenNumber");
        assertThat(page.locator("#olderChildrenNumber").getAttribute("inputmode")).isEqualTo("numeric");
        type("11");
        nextTab("main button[value=continue]");
        enter();
        focusIsOn(".error-summary");
        axe("step olderChildrenCount with a number out of range");
        nextTab(".error-summary a[href='#olderChildrenNumber']");
        page.keyboard().press("Enter");
        focusIsOn("#olderChildrenNumber");
        assertThat(describedBy("#olderChildrenNumber")).contains("人数は10以下");
        page.keyboard().press("ControlOrMeta+A");
        type("2");
        nextTab("main button[value=continue]");
        sendTo("accountChoiceStep");

        // the account: the one registered for public money, so the step asking for another is skipped
        axe("step accountChoiceStep");
        tabTo("#accountChoice");
        page.keyboard().press("Space");
        nextTab("main button[value=continue]");
        sendTo("check-answers");

        // check your answers, in the three languages, then the declaration left unticked once
        assertThat(page.url()).contains("/" + draft + "/check-answers");
        assertThat(heading()).isEqualTo("入力内容の確認");
        assertThat(page.locator("main dd").allInnerTexts()).anySatisfy(d -> assertThat(d).contains("二郎", "2021年4月1日（令和3年4月1日）"))
                .anySatisfy(d -> assertThat(d).contains("公金受取口座"));
        assertThat(page.locator("main dt:text-is('人数') + dd").innerText()).startsWith("2");
        axe("check answers (ja)");
        switchLanguage("ja-easy");
        assertThat(heading()).isEqualTo("かいた ことの かくにん");
        axe("check answers (ja-easy)");
        switchLanguage("en");
        assertThat(heading()).isEqualTo("Check your answers");
        axe("check answers (en)");
        switchLanguage("ja");
        tabTo("main form button[type=submit]");
        enter();
        focusIsOn(".error-summary");
        axe("check answers without the declaration");
        nextTab(".error-summary a[href='#declaration']");
        page.keyboard().press("Enter");
        focusIsOn("#declaration");
        page.keyboard().press("Space");
        assertThat(page.locator("#declaration").isChecked()).isTrue();
        nextTab("main form button[type=submit]");
        enter();

        // the receipt number, announced
        String receiptNumber = jdbc.sql("SELECT receipt_number FROM procedures.application WHERE id = :id")
                .param("id", UUID.fromString(draft)).query(String.class).single();
        assertThat(page.url()).endsWith("/my/procedures/" + draft + "?sent=1");
        assertThat(page.locator("main [role=status]").innerText()).contains("申請を受け付けました", receiptNumber);
        axe("sent");
        assertThat(checked).as("every page on the way was checked").hasSize(18);
        assertThat(violations).isEmpty();
    }

    @Test
    void whatTheCityHoldsIsShownAsKnownAndItsChangeLinkRevealsTheInputByKeyboard() {
        Account resident = residentWithProfile();
        signIn(resident);
        page.navigate(url(APPLY + "?lang=ja"));
        tabTo("main form[action='" + APPLY + "'] button");
        enter();
        assertThat(page.url()).as("nothing asked again").endsWith("/spouse");
        tabTo("main a[href$='/applicant']");
        assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("前に戻る");
        enter();
        assertThat(page.locator("main input:not([type=hidden])").count()).isZero();
        axe("step applicant, all known");

        assertThat(page.locator("main dt").allTextContents())
                .containsExactly("姓", "名", "姓のフリガナ", "名のフリガナ", "生年月日", "住所", "日中に連絡がつく電話番号");
        assertThat(page.locator("main dd").allInnerTexts()).allSatisfy(d -> assertThat(d).contains("（市に登録済みの情報）"));
        String known = String.join("\n", page.locator("main dd").allInnerTexts());
        assertThat(known).contains("厚木", "花子", "アツギ", "ハナコ", "1990年4月1日（平成2年4月1日）", "243-0018", "中町3-17-17", "046-225-2790");
        assertThat(page.locator("main input[name=known]")).satisfies(inputs -> assertThat(inputs.count()).isEqualTo(7));

        // moved within the city: the change link shows the address inputs, filled in, and only the address is asked
        tabTo("main a[href$='change=address#address.postcode']");
        assertThat(page.evaluate("document.activeElement.getAttribute('aria-label')")).isEqualTo("住所を変更する");
        enter();
        assertThat(page.locator("#address\\.postcode").inputValue().replace("-", "")).isEqualTo("2430018");
        assertThat(page.locator("#address\\.postcode").getAttribute("autocomplete")).isEqualTo("postal-code");
        assertThat(page.locator("#address\\.line").inputValue()).isEqualTo("中町3-17-17");
        assertThat(page.locator("#address\\.line").getAttribute("autocomplete")).isEqualTo("street-address");
        assertThat(page.locator("main input[name=known]").count()).as("the others stay known").isEqualTo(6);
        axe("step applicant changing the address");
        tabTo("#address\\.postcode");
        nextTab("#address\\.line");
        page.keyboard().press("ControlOrMeta+A");
        type("中町2-12-15");
        nextTab("main a[href$='change=phone#phone']");
        nextTab("main button[value=continue]");
        sendTo("spouse");
        tabTo("main a[href$='/applicant']");
        enter();
        assertThat(page.locator("#address\\.line").inputValue()).as("a changed answer is the resident's own").isEqualTo("中町2-12-15");
        assertThat(page.locator("main input[name=known]").count()).isEqualTo(6);

        String prefilled = jdbc.sql("SELECT prefilled FROM procedures.application WHERE applicant = :a")
                .param("a", resident.id()).query(String.class).single();
        assertThat(prefilled.split("\n")).as("recorded as prefilled: what the resident kept, not the address they changed")
                .containsExactlyInAnyOrder("familyName", "givenName", "familyNameKana", "givenNameKana", "birthDate", "phone");
        assertThat(violations).isEmpty();
    }

    /** A resident signed in with the My Number Card (児童手当 asks for it), with a profile the city holds. */
    private Account residentWithProfile() {
        Account account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "card-" + UUID.randomUUID() + "@example.jp",
                encoder.encode(TestAccounts.PASSWORD), false, Assurance.CARD_VERIFIED, true, Set.of(), Instant.now());
        accounts.insert(account);
        profiles.save(account.id(), new ResidentProfile("厚木", "花子", "アツギ", "ハナコ", LocalDate.of(1990, 4, 1), "2430018",
                "中町3-17-17", null, "046-225-2790", "ja", ResidentProfile.ContactChannel.EMAIL));
        return account;
    }

    private void signIn(Account resident) {
        page.navigate(url("/sign-in?lang=ja"));
        tabTo("#login");
        type(resident.login());
        nextTab("#password");
        type(TestAccounts.PASSWORD);
        enter();
        assertThat(page.url()).doesNotContain("/sign-in");
    }

    /** The shell's language menu, opened and used with the keyboard. */
    private void switchLanguage(String code) {
        tabTo("details.language-menu summary");
        page.keyboard().press("Enter");
        tabTo("details.language-menu a[href*='lang=" + code + "']");
        enter();
        assertThat(page.url()).contains("lang=" + code);
    }

    private void axe(String where) {
        checked.add(where);
        String found = Browser.seriousViolations(page);
        if (!found.isEmpty()) {
            violations.add(where + " (" + page.url() + "):\n" + found);
        }
    }

    /** Enter on the focused continue button; the next page must be this step (not the same one with problems). */
    private void sendTo(String step) {
        enter();
        assertThat(page.url().replaceAll("[?#].*", "")).as(() -> "sent on to " + step + ", but the page says:\n" + page.locator("main").innerText())
                .endsWith("/" + step);
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

    /** Tabs forward until the control matching the selector has focus (if it has not already), as a keyboard user does. */
    private void tabTo(String selector) {
        if (focused(selector)) {
            return;
        }
        for (int presses = 0; presses < 80; presses++) {
            page.keyboard().press("Tab");
            if (focused(selector)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
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

    /** The texts the control's own aria-describedby and its fieldset's point to, as a screen reader reads them after the label. */
    private String describedBy(String selector) {
        return String.valueOf(page.evaluate("""
                s => { const e = document.querySelector(s); const group = e.closest('fieldset');
                  const ids = [e, group].filter(n => n && n.getAttribute('aria-describedby'))
                      .flatMap(n => n.getAttribute('aria-describedby').split(' '));
                  return ids.map(i => document.getElementById(i)).filter(x => x).map(x => x.textContent).join(' '); }""", selector));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
