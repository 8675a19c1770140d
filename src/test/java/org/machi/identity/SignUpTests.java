package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.SignUpRequested;
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

/** A resident creates an account by mail: the page never tells whether the address is known. */
@MachiWebTest
@RecordApplicationEvents
class SignUpTests {

    private static final Pattern LINK = Pattern.compile("http://machi\\.test(/sign-up/confirm\\?token=[A-Za-z0-9_-]+)");

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
    void aNewAddressGetsALinkAndTheLinkCreatesTheAccount() throws Exception {
        String address = "new-" + System.nanoTime() + "@example.jp";
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-up?lang=en");
        var sent = visitor.post("/sign-up", Map.of("email", address));
        assertThat(sent.location()).endsWith("/sign-up/sent");
        assertThat(visitor.follow(sent).html().select("h1").text()).isEqualTo("Check your email");

        MimeMessage mail = mailTo(address);
        assertThat(mail.getSubject()).isEqualTo("[Atsugi City] Creating your account");
        String body = text(mail);
        assertThat(body).contains("Open this link to choose your password");
        String link = link(body);

        var form = visitor.get(link);
        assertThat(form.html().select("main p").first().text()).contains(address);
        var weak = visitor.post("/sign-up/confirm", Map.of("token", token(link), "password", "short", "confirmation", "short"));
        assertThat(weak.html().select(".error-summary").text()).contains("too short");
        assertThat(count(address)).as("nothing created by a refused password").isZero();

        String password = "sakura ga saku koro ni aimashou";
        var created = visitor.post("/sign-up/confirm", Map.of("token", token(link), "password", password, "confirmation", password));
        assertThat(created.location()).as("signed in at once").endsWith("/account");
        assertThat(count(address)).isEqualTo(1);
        var account = visitor.follow(created);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.html().select("p.notice").text()).isEqualTo("Your account has been created. You are signed in.");
        assertThat(account.html().select("main dd").first().text()).isEqualTo(address);

        assertThat(visitor.get(link).html().select("h1").text()).as("a link works once").isEqualTo("This link cannot be used");
        Visitor later = new Visitor(port);
        later.get("/sign-in");
        assertThat(later.post("/sign-in", Map.of("login", address, "password", password)).location()).contains("/account");
    }

    @Test
    void aKnownAddressGetsTheSamePageAndASignInHintByMail() throws Exception {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-up");
        var sent = visitor.post("/sign-up", Map.of("email", resident.login()));
        assertThat(sent.location()).endsWith("/sign-up/sent");

        String body = text(mailTo(resident.login()));
        assertThat(body).contains("すでにあります").doesNotContain("token=");
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String address = "late-" + System.nanoTime() + "@example.jp";
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-up");
        visitor.post("/sign-up", Map.of("email", address));
        String link = link(text(mailTo(address)));

        clock.advance(Duration.ofHours(25));
        assertThat(visitor.get(link).html().select("h1").text()).isEqualTo("このリンクは使えません");
        assertThat(visitor.get("/sign-up/confirm?token=made-up").html().select("h1").text()).isEqualTo("このリンクは使えません");
    }

    @Test
    void aBadAddressIsRefusedOnThePageAndNothingIsStored() {
        long before = jdbc.sql("SELECT count(*) FROM identity.sign_up_request").query(Long.class).single();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-up");
        var refused = visitor.post("/sign-up", Map.of("email", "not an address"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select(".error-summary a[href=#email]").text()).contains("メールアドレスの形式が正しくありません");
        assertThat(refused.html().select("#email").attr("value")).isEqualTo("not an address");
        assertThat(visitor.post("/sign-up", Map.of("email", "")).html().select(".error-summary").text()).contains("入力してください");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.sign_up_request").query(Long.class).single()).isEqualTo(before);
    }

    /** Twenty requests no longer send twenty mails: three a day per address and client, ten from anywhere. */
    @Test
    void anAddressIsSentOnlyAFewSignUpMailsAndAStrangersRequestsDoNotStopTheOwner() throws Exception {
        String address = "flooded-" + System.nanoTime() + "@example.jp";
        long before = requests();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/sign-up").with(csrf()).with(from("203.0.113.30")).param("email", address))
                    .andExpect(redirectedUrl("/sign-up/sent"));
        }
        var refused = page(mvc.perform(post("/sign-up").with(csrf()).with(from("203.0.113.30")).param("email", address.toUpperCase())
                        .param("lang", "en"))
                .andExpect(status().isTooManyRequests()).andReturn());
        assertThat(refused.select(".error-summary a[href=#email]").text()).contains("We have sent several mails to this address already");
        assertThat(requests()).as("nothing stored for the refused request").isEqualTo(before + 3);

        mvc.perform(post("/sign-up").with(csrf()).with(from("198.51.100.30")).param("email", address))
                .andExpect(redirectedUrl("/sign-up/sent"));
        for (int client = 0; client < 10; client++) {
            mvc.perform(post("/sign-up").with(csrf()).with(from("192.0.2." + client)).param("email", address));
        }
        assertThat(requests()).as("ten a day from all clients together").isEqualTo(before + 10);
    }

    /** A known and a new address cost the request the same work: one stored request, one event; the mails differ later. */
    @Test
    void aKnownAndANewAddressAreAnsweredAfterTheSameWork() throws Exception {
        Account resident = accounts.resident();
        for (String address : new String[] {resident.login(), "new-" + System.nanoTime() + "@example.jp"}) {
            events.clear();
            long before = requests();
            mvc.perform(post("/sign-up").with(csrf()).with(from("203.0.113.31")).param("email", address))
                    .andExpect(redirectedUrl("/sign-up/sent"));
            assertThat(requests()).as("one request stored for " + address).isEqualTo(before + 1);
            assertThat(events.stream(SignUpRequested.class)).hasSize(1);
        }
    }

    private long requests() {
        return jdbc.sql("SELECT count(*) FROM identity.sign_up_request").query(Long.class).single();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MimeMessage mailTo(String address) {
        return new Mailbox(greenMail).to(address);
    }

    private static String text(MimeMessage message) {
        return Mailbox.text(message);
    }

    private static String link(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a link in: " + body).isTrue();
        return matcher.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private long count(String address) {
        return accounts.exists(address) ? 1 : 0;
    }
}
