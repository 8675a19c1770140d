package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A resident who forgot the password chooses a new one through a one-time link by mail. */
@MachiWebTest
class PasswordResetTests {

    private static final Pattern LINK = Pattern.compile("http://machi\\.test/sign-in/reset\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "yama no ue kara umi ga mieru";

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
    AuditTrail audit;

    @Test
    void theSignInPageLeadsToAResetThatWorksOnceAndReplacesThePassword() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        var signIn = visitor.get("/sign-in?lang=en").html();
        assertThat(signIn.select("a[href=/sign-in/forgot]").text()).isEqualTo("Forgot your password?");

        visitor.get("/sign-in/forgot");
        var sent = visitor.post("/sign-in/forgot", Map.of("email", resident.login()));
        assertThat(sent.location()).endsWith("/sign-in/forgot/sent");
        assertThat(visitor.follow(sent).html().select("h1").text()).isEqualTo("Check your email");

        String body = Mailbox.text(new Mailbox(greenMail).to(resident.login(), m -> Mailbox.text(m).contains("/sign-in/reset")));
        String token = token(body);
        assertThat(stored()).as("the token is stored only hashed and sealed").doesNotContain(token);

        var form = visitor.get("/sign-in/reset?token=" + token);
        assertThat(form.html().select("input#password").attr("autocomplete")).isEqualTo("new-password");
        var mismatch = visitor.post("/sign-in/reset", Map.of("token", token, "password", NEW_PASSWORD, "confirmation", "other"));
        assertThat(mismatch.html().select(".error-summary").text()).contains("not the same");

        var done = visitor.post("/sign-in/reset", Map.of("token", token, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(done.location()).endsWith("/sign-in?passwordReset");
        assertThat(visitor.follow(done).html().select("p.notice").text()).contains("new password");

        Visitor later = new Visitor(port);
        later.get("/sign-in");
        assertThat(later.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD)).location())
                .endsWith("/sign-in?error");
        assertThat(later.post("/sign-in", Map.of("login", resident.login(), "password", NEW_PASSWORD)).location())
                .contains("/account");

        assertThat(visitor.get("/sign-in/reset?token=" + token).html().select("h1").text()).as("a link works once")
                .isEqualTo("This link cannot be used");
        assertThat(audit.latest(50)).extracting(AuditEntry::action, AuditEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("password.reset", resident.reference()));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNothingIsStoredOrSent() {
        long before = tokens();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in/forgot");
        var sent = visitor.post("/sign-in/forgot", Map.of("email", "nobody-" + System.nanoTime() + "@example.jp"));
        assertThat(sent.location()).endsWith("/sign-in/forgot/sent");
        assertThat(tokens()).isEqualTo(before);
    }

    @Test
    void notAnAddressIsRefusedWithATranslatedMessage() {
        long before = tokens();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in/forgot?lang=en");
        var refused = visitor.post("/sign-in/forgot", Map.of("email", "not an email"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select(".error-summary a[href=#email]").text()).contains("not a valid email address");
        assertThat(refused.html().select("#email").attr("value")).isEqualTo("not an email");
        assertThat(tokens()).isEqualTo(before);
    }

    @Test
    void anExpiredLinkIsRefused() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in/forgot");
        visitor.post("/sign-in/forgot", Map.of("email", resident.login()));
        String token = token(Mailbox.text(new Mailbox(greenMail).to(resident.login())));

        clock.advance(Duration.ofMinutes(31));
        assertThat(visitor.get("/sign-in/reset?token=" + token).html().select("h1").text()).isEqualTo("このリンクは使えません");
        var refused = visitor.post("/sign-in/reset", Map.of("token", token, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(refused.html().select("h1").text()).isEqualTo("このリンクは使えません");
        Visitor later = new Visitor(port);
        later.get("/sign-in");
        assertThat(later.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD)).location())
                .as("the old password still works").contains("/account");
    }

    @Test
    void repeatedRequestsForOneAddressAreThrottled() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in/forgot");
        String location = "";
        for (int i = 0; i < 12; i++) {
            location = visitor.post("/sign-in/forgot", Map.of("email", resident.login())).location();
        }
        assertThat(location).endsWith("/sign-in/forgot?throttled");
        assertThat(visitor.get("/sign-in/forgot?throttled").html().select(".error-summary").text()).contains("一時的に");
    }

    private long tokens() {
        return jdbc.sql("SELECT count(*) FROM identity.account_token").query(Long.class).single();
    }

    private String stored() {
        return String.join(" ", jdbc.sql("SELECT token_hash || ' ' || token_sealed FROM identity.account_token").query(String.class).list());
    }

    private static String token(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a link in: " + body).isTrue();
        return matcher.group(1);
    }
}
