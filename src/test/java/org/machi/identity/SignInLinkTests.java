package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.SignInLinkAsked;
import org.machi.identity.account.SignInLinkRequested;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signing in with a one-time link by mail, instead of a password. */
@MachiWebTest
@RecordApplicationEvents
class SignInLinkTests {

    private static final Pattern LINK = Pattern.compile("http://machi\\.test/sign-in/link\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    GreenMail greenMail;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Test
    void aResidentSignsInWithTheLinkOnceAndOnlyOnce() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in?lang=en");
        var sent = visitor.post("/sign-in/link/request", Map.of("email", resident.login()));
        assertThat(sent.location()).endsWith("/sign-in/link/sent");
        assertThat(visitor.follow(sent).html().select("h1").text()).isEqualTo("Check your email");

        var mail = new Mailbox(greenMail).to(resident.login());
        String token = token(Mailbox.text(mail));
        assertThat(Mailbox.text(mail)).contains("The link works once, for 15 minutes.");

        var confirm = visitor.get("/sign-in/link?token=" + token);
        assertThat(confirm.html().select("main form button").text()).isEqualTo("Sign in");
        var signedIn = visitor.post("/sign-in/link", Map.of("token", token));
        assertThat(signedIn.location()).endsWith("/account");
        assertThat(visitor.get("/account").status()).isEqualTo(200);

        Visitor someoneElse = new Visitor(port);
        someoneElse.get("/sign-in/link?token=" + token);
        assertThat(someoneElse.post("/sign-in/link", Map.of("token", token)).location()).endsWith("/sign-in?linkError");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNothingIsStoredOrSent() {
        long before = links();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        var sent = visitor.post("/sign-in/link/request", Map.of("email", "nobody-" + System.nanoTime() + "@example.jp"));
        assertThat(sent.location()).endsWith("/sign-in/link/sent");
        assertThat(links()).isEqualTo(before);
    }

    @Test
    void notAnAddressIsRefusedWithATranslatedMessage() {
        long before = links();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in?lang=en");
        var refused = visitor.post("/sign-in/link/request", Map.of("email", "not an email"));
        assertThat(refused.location()).doesNotContain("/sent");
        var page = visitor.follow(refused);
        assertThat(page.html().select(".error-summary a[href=#link-email]").text()).contains("not a valid email address");
        assertThat(page.html().select("#link-email").attr("aria-invalid")).isEqualTo("true");
        assertThat(links()).isEqualTo(before);
    }

    @Test
    void repeatedRequestsForOneAddressAreThrottled() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        String location = "";
        for (int i = 0; i < 12; i++) {
            location = visitor.post("/sign-in/link/request", Map.of("email", resident.login())).location();
        }
        assertThat(location).endsWith("/sign-in?linkThrottled");
        assertThat(visitor.get("/sign-in?linkThrottled").html().select(".error-summary a[href=#link-email]").text()).contains("一時的に");
    }

    @Test
    void staffAccountsGetNoLinks() {
        Account staff = accounts.staff(StaffRole.COUNTER_STAFF);
        long before = links();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in/link/request", Map.of("email", staff.login()));
        assertThat(links()).isEqualTo(before);
    }

    @Test
    void aNewLinkVoidsTheOlderOnes() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in/link/request", Map.of("email", resident.login()));
        String first = token(Mailbox.text(new Mailbox(greenMail).to(resident.login())));
        visitor.get("/sign-in");
        visitor.post("/sign-in/link/request", Map.of("email", resident.login()));
        new Mailbox(greenMail).to(resident.login(), mail -> !Mailbox.text(mail).contains(first)); // made in the background
        assertThat(jdbc.sql("SELECT count(*) FROM identity.sign_in_link WHERE account_id = :id").param("id", resident.id())
                .query(Long.class).single()).as("only the latest link signs in").isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsRefused() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in/link/request", Map.of("email", resident.login()));
        String token = token(Mailbox.text(new Mailbox(greenMail).to(resident.login())));

        clock.advance(Duration.ofMinutes(16));
        visitor.get("/sign-in/link?token=" + token);
        var refused = visitor.post("/sign-in/link", Map.of("token", token));
        assertThat(refused.location()).endsWith("/sign-in?linkError");
        assertThat(visitor.follow(refused).html().select(".error-summary").text()).contains("有効期限が切れているか");
    }

    /**
     * The answer does not wait for the account to be found: for a known and an unknown address the
     * request does the same work (one sealed address in one event) and nothing else, and the link
     * of the known one is made and mailed in the background afterwards.
     */
    @Test
    void aKnownAndAnUnknownAddressAreAnsweredAfterTheSameWork() throws Exception {
        Account resident = accounts.resident();
        String unknown = "nobody-" + System.nanoTime() + "@example.jp";
        for (String address : new String[] {resident.login(), unknown}) {
            events.clear();
            mvc.perform(post("/sign-in/link/request").with(csrf()).param("email", address))
                    .andExpect(redirectedUrl("/sign-in/link/sent"));
            assertThat(events.stream(SignInLinkAsked.class).toList()).as("one event for " + address).singleElement()
                    .satisfies(asked -> assertThat(asked.addressSealed()).doesNotContain(address));
            assertThat(events.stream(SignInLinkRequested.class)).as("no link made while the asker waits").isEmpty();
        }
        assertThat(Mailbox.text(new Mailbox(greenMail).to(resident.login()))).contains("/sign-in/link?token=");
    }

    /** Five links an hour per address and client: a flood from one client stops there, the owner elsewhere still gets one. */
    @Test
    void anAddressIsSentOnlyAFewLinksFromOneClient() throws Exception {
        Account resident = accounts.resident();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/sign-in/link/request").with(csrf()).with(from("203.0.113.40")).param("email", resident.login()))
                    .andExpect(redirectedUrl("/sign-in/link/sent"));
        }
        events.clear();
        mvc.perform(post("/sign-in/link/request").with(csrf()).with(from("203.0.113.40")).param("email", resident.login()))
                .andExpect(redirectedUrl("/sign-in?linkThrottled"));
        assertThat(events.stream(SignInLinkAsked.class)).as("nothing asked over the limit").isEmpty();
        mvc.perform(post("/sign-in/link/request").with(csrf()).with(from("198.51.100.40")).param("email", resident.login()))
                .andExpect(redirectedUrl("/sign-in/link/sent"));
        assertThat(events.stream(SignInLinkAsked.class)).hasSize(1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long links() {
        return jdbc.sql("SELECT count(*) FROM identity.sign_in_link").query(Long.class).single();
    }

    private static String token(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a link in: " + body).isTrue();
        return matcher.group(1);
    }
}
