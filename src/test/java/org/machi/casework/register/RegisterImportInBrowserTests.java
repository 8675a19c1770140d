package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
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

/**
 * An administrator imports a register extract in Chromium (the page has no script): a refused file comes
 * back with the error summary (focused, linking to the file field) and its lines, a good one with
 * its counts; axe-core finds no serious violation on either page.
 */
@MachiWebTest
@RequiresChromium
class RegisterImportInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    RegisterImports imports;

    private BrowserContext context;

    @AfterEach
    void closeAndPutTheSyntheticRegisterBack() throws IOException {
        if (context != null) {
            context.close();
        }
        RegisterImportTests.RegisterTesting.restoreSyntheticRegister(imports);
    }

    @Test
    void anAdministratorImportsAnExtract() throws Exception {
        context = Browser.newContext();
        Page page = context.newPage();
        signInAsAdministrator(page);

        page.navigate(url("/staff/casework/register"));
        assertThat(page.locator("h1").textContent()).isEqualTo("住民基本台帳の取り込み");
        assertThat(Browser.seriousViolations(page)).isEmpty();

        byte[] bad = RegisterCsv.threeHouseholds()
                .person("1000000001", "2000000009", "重複", "番号", "ジュウフク", "バンゴウ", "1990-01-01", "M", "2430018", "中町1-1-2", "atsugi-minami", "世帯主", true, "")
                .bytes();
        page.locator("#file").setInputFiles(new FilePayload("register.csv", "text/csv", bad));
        page.locator("main button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator(".error-summary a[href='#file']").textContent()).contains("1件の問題");
        assertThat(page.locator("main table tbody tr").first().textContent()).contains("7", "2行目にもあります");
        assertThat(Browser.seriousViolations(page)).isEmpty();
        assertThat(imports.current()).get().extracting(RegisterSnapshot::importedBy).isEqualTo("system");

        page.locator("#file").setInputFiles(new FilePayload("register.csv", "text/csv", RegisterCsv.threeHouseholds().bytes()));
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/casework/register?imported=*");
        assertThat(page.locator("[role=status]").textContent()).contains("5人、3世帯の台帳に切り替わりました");
        assertThat(Browser.seriousViolations(page)).isEmpty();
    }

    /** The first sign-in of a new administrator: password, new password, second factor. */
    private void signInAsAdministrator(Page page) {
        Account staff = accounts.staffWhoMustChangePassword(StaffRole.SYSTEM_ADMINISTRATOR);
        page.navigate(url("/staff/sign-in"));
        page.locator("#login").fill(staff.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/password");
        page.locator("#password").fill("yama no ue no sora wa aoi");
        page.locator("#confirmation").fill("yama no ue no sora wa aoi");
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/staff/second-factor/enrol");
        byte[] secret = new Base32().decode(page.locator(".secret").textContent().replace(" ", ""));
        page.locator("#code").fill(totp(secret));
        page.locator("main button[type=submit]").click();
        page.waitForLoadState();
    }

    private String totp(byte[] secret) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            return "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
