package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A resident adds a passkey and signs in with it, in Chromium with a virtual authenticator (fingerprint simulated). */
@MachiWebTest
@RequiresChromium
class PasskeysInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditTrail audit;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void browserWithAnAuthenticator() {
        context = Browser.newContext();
        page = context.newPage();
        CDPSession devTools = context.newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject parameters = new JsonObject();
        parameters.add("options", options);
        devTools.send("WebAuthn.addVirtualAuthenticator", parameters);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aResidentAddsAPasskeyAndSignsInWithIt() {
        Account resident = accounts.resident();
        page.navigate(url("/account"));
        page.locator("#login").fill(resident.login());
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL("**/account**");

        page.locator("form[data-passkey-register] button").click();
        assertThat(page.locator("#passkey-status").textContent()).as("a name is asked for first").contains("名前を入力");

        page.locator("#passkey-label").fill("テスト用の端末");
        page.locator("form[data-passkey-register] button").click();
        page.locator(".passkey-list li").first().waitFor();
        assertThat(page.locator(".passkey-list li").first().textContent()).contains("テスト用の端末");

        page.locator("header form button").click();
        page.waitForURL("**/?signedOut");

        page.navigate(url("/sign-in"));
        page.locator("button[data-sign-in]").click();
        page.waitForURL(u -> !u.contains("/sign-in"));
        page.navigate(url("/account"));
        assertThat(page.url()).endsWith("/account");
        assertThat(page.locator("main dd").first().textContent()).isEqualTo(resident.login());
        assertThat(audit.latest(20)).filteredOn(e -> resident.reference().equals(e.actor()))
                .extracting(AuditEntry::action).contains("sign-in.passkey.succeeded");

        page.locator(".passkey-list li form button").click();
        page.waitForURL("**/account");
        assertThat(page.locator(".passkey-list li").count()).isZero();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
