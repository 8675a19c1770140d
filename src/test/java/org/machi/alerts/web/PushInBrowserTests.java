package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.shared.DataProtection;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The push section of the subscription page in Chromium, used with the keyboard: hidden without
 * JavaScript; with it, "on" asks permission, subscribes and registers the browser with the choices
 * of the form; "off" ends it. The browser vendor's push service cannot be reached from a test, so
 * the page's PushManager hands out a subscription made here (real P-256 keys, a local endpoint);
 * everything from the page's script to the database is the real thing.
 */
@MachiWebTest
@RequiresChromium
class PushInBrowserTests {

    /** Stands in for the vendor's push service behind PushManager: real keys made with WebCrypto. */
    private static final String PUSH_MANAGER = """
            (() => {
              let current = null;
              const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, "").replace(/\\+/g, "-").replace(/\\//g, "_");
              PushManager.prototype.subscribe = async function () {
                const pair = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
                const key = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
                const auth = crypto.getRandomValues(new Uint8Array(16));
                const endpoint = "%s";
                current = { endpoint, toJSON: () => ({ endpoint, keys: { p256dh: b64(key), auth: b64(auth) } }),
                            unsubscribe: async () => { current = null; return true; } };
                return current;
              };
              PushManager.prototype.getSubscription = async function () { return current; };
            })();
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataProtection protection;

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void withoutJavaScriptThePushSectionIsNotOffered() {
        context = Browser.newContext(false);
        Page page = context.newPage();
        page.navigate(url("/alerts/subscribe"));
        assertThat(page.locator("#push").isVisible()).isFalse();
    }

    @Test
    void aResidentTurnsPushOnAndOffWithTheKeyboard() {
        context = Browser.newContext();
        String endpoint = "http://localhost:9/push/browser-" + UUID.randomUUID();
        context.addInitScript(PUSH_MANAGER.formatted(endpoint));
        Page page = context.newPage();
        page.navigate(url("/alerts/subscribe?lang=en"));
        page.locator("#push").waitFor();

        // no permission yet: the resident is told how to allow it
        page.locator("[data-push=on]").focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("[data-push=status]")).hasText(page.locator("#push").getAttribute("data-denied"));

        context.grantPermissions(List.of("notifications"));
        page.locator("input[name=wholeCity]").check();
        page.locator("input[name=category][value=EVENTS]").check();
        page.locator("[data-push=on]").focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("[data-push=status]")).containsText("now on");
        PlaywrightAssertions.assertThat(page.locator("[data-push=off]")).isVisible();
        assertThat(subscriptions(endpoint)).containsExactly("EVENTS");

        page.locator("[data-push=off]").focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("[data-push=status]")).containsText("now off");
        PlaywrightAssertions.assertThat(page.locator("[data-push=on]")).isFocused();
        assertThat(subscriptions(endpoint)).isEmpty();
    }

    /** The categories of the browser's subscription; empty when there is none. */
    private List<String> subscriptions(String endpoint) {
        return jdbc.sql("SELECT c.category FROM alerts.subscription s JOIN alerts.subscription_category c "
                + "ON c.subscription_id = s.id WHERE s.push_endpoint_hash = ? AND s.whole_city AND s.status = 'ACTIVE'")
                .param(protection.lookupHash(endpoint)).query(String.class).list();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
