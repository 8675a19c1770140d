package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.icegreen.greenmail.util.GreenMail;
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
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A signed-in resident changes the password or the mail address, after giving the current password. */
@MachiWebTest
class AccountCredentialsTests {

    private static final Pattern LINK = Pattern.compile("http://machi\\.test(/account/email/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "hoshi ga kirei na yoru desu ne";

    @LocalServerPort
    int port;

    @Autowired
    GreenMail greenMail;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Test
    void theAccountPageChangesThePasswordOnlyWithTheCurrentOne() {
        Account resident = accounts.resident();
        Visitor otherDevice = signedIn(resident);
        Visitor visitor = signedIn(resident);
        assertThat(visitor.get("/account?lang=en").html().select("a[href=/account/password]").text()).isEqualTo("Change your password");

        var form = visitor.get("/account/password").html();
        assertThat(form.select("#currentPassword").attr("autocomplete")).isEqualTo("current-password");
        var wrong = visitor.post("/account/password",
                Map.of("currentPassword", "not it at all", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.html().select(".error-summary a[href=#currentPassword]").text()).contains("current password");
        assertThat(canSignIn(resident.login(), TestAccounts.PASSWORD)).as("nothing changed").isTrue();

        var changed = visitor.post("/account/password",
                Map.of("currentPassword", TestAccounts.PASSWORD, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(changed.location()).endsWith("/account");
        assertThat(visitor.follow(changed).html().select("p.notice").text()).contains("password has been changed");
        assertThat(visitor.get("/account").status()).as("the session the change was made in goes on").isEqualTo(200);
        assertThat(otherDevice.get("/account").location()).as("a session opened with the old password has ended").endsWith("/sign-in");
        assertThat(canSignIn(resident.login(), TestAccounts.PASSWORD)).isFalse();
        assertThat(canSignIn(resident.login(), NEW_PASSWORD)).isTrue();
        assertThat(audit.latest(50)).extracting(AuditEntry::action, AuditEntry::actor)
                .contains(tuple("password.changed", resident.reference()));
    }

    @Test
    void aNewAddressIsUsedOnlyOnceItsLinkIsConfirmed() {
        Account resident = accounts.resident();
        String newAddress = "moved-" + System.nanoTime() + "@example.jp";
        Visitor visitor = signedIn(resident);
        visitor.get("/account/email?lang=en");
        var notAnAddress = visitor.post("/account/email", Map.of("currentPassword", TestAccounts.PASSWORD, "email", "moved at example"));
        assertThat(notAnAddress.html().select(".error-summary a[href=#email]").text()).contains("not a valid email address");
        var wrongPassword = visitor.post("/account/email", Map.of("currentPassword", "not it at all", "email", newAddress));
        assertThat(wrongPassword.html().select(".error-summary a[href=#currentPassword]").text()).contains("current password");

        var requested = visitor.post("/account/email", Map.of("currentPassword", TestAccounts.PASSWORD, "email", newAddress));
        assertThat(requested.location()).endsWith("/account");
        assertThat(visitor.follow(requested).html().select("p.notice").text()).contains("sent a link");
        assertThat(canSignIn(newAddress, TestAccounts.PASSWORD)).as("not before the link is opened").isFalse();

        Matcher link = LINK.matcher(Mailbox.text(new Mailbox(greenMail).to(newAddress)));
        assertThat(link.find()).isTrue();
        String notice = Mailbox.text(new Mailbox(greenMail).to(resident.login()));
        assertThat(notice).as("the current address hears of it, without the link").contains("change the email address")
                .doesNotContain("/account/email/confirm");
        var confirm = visitor.get(link.group(1));
        String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
        assertThat(confirm.html().select("main form button").text()).isEqualTo("Use this address");
        var changed = visitor.post("/account/email/confirm", Map.of("token", token));
        assertThat(changed.location()).endsWith("/account");
        assertThat(visitor.follow(changed).html().select("main dd").first().text()).isEqualTo(newAddress);

        assertThat(canSignIn(newAddress, TestAccounts.PASSWORD)).isTrue();
        assertThat(canSignIn(resident.login(), TestAccounts.PASSWORD)).isFalse();
        assertThat(visitor.post("/account/email/confirm", Map.of("token", token)).html().select("h1").text())
                .as("a link works once").isEqualTo("This link cannot be used");
        assertThat(audit.latest(50)).extracting(AuditEntry::action, AuditEntry::actor)
                .contains(tuple("account.email-change.requested", resident.reference()),
                        tuple("account.email.changed", resident.reference()));
        assertThat(audit.latest(50).stream().map(AuditEntry::toString)).noneMatch(entry -> entry.contains(newAddress));
    }

    @Test
    void anotherAccountCannotUseTheLink() {
        Account resident = accounts.resident();
        String newAddress = "elsewhere-" + System.nanoTime() + "@example.jp";
        Visitor visitor = signedIn(resident);
        visitor.get("/account/email");
        visitor.post("/account/email", Map.of("currentPassword", TestAccounts.PASSWORD, "email", newAddress));
        Matcher link = LINK.matcher(Mailbox.text(new Mailbox(greenMail).to(newAddress)));
        assertThat(link.find()).isTrue();

        Visitor someoneElse = signedIn(accounts.resident());
        someoneElse.get(link.group(1));
        var refused = someoneElse.post("/account/email/confirm", Map.of("token", link.group(1).substring(link.group(1).indexOf('=') + 1)));
        assertThat(refused.html().select("h1").text()).isEqualTo("このリンクは使えません");
        assertThat(canSignIn(newAddress, TestAccounts.PASSWORD)).isFalse();
    }

    private Visitor signedIn(Account resident) {
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        assertThat(visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD)).location())
                .contains("/account");
        return visitor;
    }

    private boolean canSignIn(String login, String password) {
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        return visitor.post("/sign-in", Map.of("login", login, "password", password)).location().contains("/account");
    }
}
