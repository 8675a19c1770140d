package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.totp.TotpCredentials;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff member's whole way in: password, a new password when required, the second factor. */
@MachiWebTest
class StaffSignInTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    AuditTrail audit;

    @Autowired
    TotpCredentials totp;

    @Test
    void aNewStaffMemberChangesThePasswordEnrolsTheAppAndOnlyThenReachesTheBackOffice() throws Exception {
        Account staff = accounts.staffWhoMustChangePassword(StaffRole.COUNTER_STAFF);
        Visitor visitor = new Visitor(port);

        visitor.get("/staff/sign-in");
        var signedIn = visitor.post("/sign-in", Map.of("login", staff.login(), "password", TestAccounts.PASSWORD, "audience", "staff"));
        assertThat(signedIn.location()).endsWith("/staff/password");
        assertThat(visitor.get("/staff").location()).as("no back office before the new password").endsWith("/staff/password");
        assertThat(visitor.get("/staff/second-factor/enrol").location()).endsWith("/staff/password");

        assertThat(visitor.get("/staff/password").html().select("#password-hint").text()).startsWith("8文字以上");
        var common = visitor.post("/staff/password", Map.of("password", "password1", "confirmation", "password1"));
        assertThat(common.status()).isEqualTo(200);
        assertThat(common.html().select(".error-summary").text()).contains("よく使われていて");

        String newPassword = "hashi wo wataru mae ni";
        var changed = visitor.post("/staff/password", Map.of("password", newPassword, "confirmation", newPassword));
        assertThat(changed.location()).endsWith("/staff/second-factor/enrol");
        assertThat(visitor.get("/staff").location()).as("no back office before the second factor").endsWith("/staff/second-factor");

        var enrol = visitor.get("/staff/second-factor/enrol");
        assertThat(enrol.html().select("img.qr-code").attr("src")).startsWith("data:image/svg+xml;base64,");
        byte[] secret = new Base32().decode(enrol.html().select(".secret").text().replace(" ", ""));

        var wrong = visitor.post("/staff/second-factor/enrol", Map.of("code", "000000".equals(code(secret)) ? "111111" : "000000"));
        assertThat(wrong.html().select(".error-summary").text()).contains("確認コードが正しくない");
        byte[] sameSecret = new Base32().decode(wrong.html().select(".secret").text().replace(" ", ""));
        assertThat(sameSecret).as("a wrong code keeps the pending secret").isEqualTo(secret);

        var confirmed = visitor.post("/staff/second-factor/enrol", Map.of("code", code(secret)));
        List<String> recoveryCodes = confirmed.html().select(".recovery-codes li").eachText();
        assertThat(recoveryCodes).hasSize(10).allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(visitor.get("/staff").status()).isEqualTo(200);

        // Next day: password, then a code from the app.
        clock.advance(Duration.ofSeconds(30));
        Visitor nextDay = new Visitor(port);
        nextDay.get("/staff/sign-in");
        var again = nextDay.post("/sign-in", Map.of("login", staff.login(), "password", newPassword, "audience", "staff"));
        assertThat(again.location()).endsWith("/staff/second-factor");
        assertThat(nextDay.get("/staff").location()).endsWith("/staff/second-factor");
        nextDay.get("/staff/second-factor");
        var passed = nextDay.post("/staff/second-factor", Map.of("code", code(secret)));
        assertThat(passed.location()).endsWith("/staff");
        var home = nextDay.get("/staff");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html().select("main li").eachText()).contains("窓口での手続きの代行").doesNotContain("監査ログの閲覧と検証");

        // The same code cannot be used twice; a recovery code works once.
        Visitor thief = new Visitor(port);
        thief.get("/staff/sign-in");
        thief.post("/sign-in", Map.of("login", staff.login(), "password", newPassword, "audience", "staff"));
        thief.get("/staff/second-factor");
        assertThat(thief.post("/staff/second-factor", Map.of("code", code(secret))).status()).as("replayed code").isEqualTo(200);
        assertThat(thief.post("/staff/second-factor", Map.of("code", recoveryCodes.get(0))).location()).endsWith("/staff");

        Visitor later = new Visitor(port);
        later.get("/staff/sign-in");
        later.post("/sign-in", Map.of("login", staff.login(), "password", newPassword, "audience", "staff"));
        later.get("/staff/second-factor");
        assertThat(later.post("/staff/second-factor", Map.of("code", recoveryCodes.get(0))).status()).as("used recovery code").isEqualTo(200);

        List<String> actions = audit.latest(200).stream().filter(e -> staff.reference().equals(e.actor()))
                .map(AuditEntry::action).toList();
        assertThat(actions).contains("sign-in.password.succeeded", "password.changed", "sign-in.second-factor.succeeded",
                "sign-in.second-factor.failed");
    }

    /** A stolen password alone must not get in by guessing codes: after five wrong ones even the right code waits. */
    @Test
    void secondFactorGuessesAreLimitedPerAccountAndTheLimitIsAudited() throws Exception {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        var enrolment = totp.startEnrolment(staff.id(), staff.login(), "Machi");
        byte[] secret = new Base32().decode(enrolment.secret().replace(" ", ""));
        assertThat(totp.confirm(staff.id(), code(secret))).isPresent();
        clock.advance(Duration.ofSeconds(30));

        Visitor attacker = signedInWithPasswordOnly(staff);
        String wrong = "000000".equals(code(secret)) ? "111111" : "000000";
        for (int guess = 0; guess < 5; guess++) {
            assertThat(attacker.post("/staff/second-factor", Map.of("code", wrong)).html().select(".error-summary").text())
                    .contains("確認コードが正しくない");
        }
        var throttled = attacker.post("/staff/second-factor", Map.of("code", code(secret)));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.html().select(".error-summary").text()).contains("しばらく受け付けを停止しています");
        assertThat(attacker.get("/staff").location()).endsWith("/staff/second-factor");

        assertThat(attacker.post("/staff/second-factor/enrol", Map.of("code", code(secret))).location())
                .as("enrolling again is no way around the limit, and no 500").endsWith("/staff/second-factor");

        Visitor freshSession = signedInWithPasswordOnly(staff);
        assertThat(freshSession.post("/staff/second-factor", Map.of("code", code(secret))).status())
                .as("a new session does not get new guesses: the limit is per account too").isEqualTo(429);

        assertThat(audit.latest(50).stream().filter(e -> staff.reference().equals(e.actor())).map(AuditEntry::action))
                .contains("sign-in.second-factor.throttled");
    }

    /** Changing the password later needs the second factor first, then the current password. */
    @Test
    void aStaffPasswordChangeAsksForTheCurrentPasswordAfterTheSecondFactor() throws Exception {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        var enrolment = totp.startEnrolment(staff.id(), staff.login(), "Machi");
        byte[] secret = new Base32().decode(enrolment.secret().replace(" ", ""));
        assertThat(totp.confirm(staff.id(), code(secret))).isPresent();
        clock.advance(Duration.ofSeconds(30));

        Visitor visitor = signedInWithPasswordOnly(staff);
        assertThat(visitor.get("/staff/password").location()).as("not with the password alone").endsWith("/staff/second-factor");
        assertThat(visitor.post("/staff/second-factor", Map.of("code", code(secret))).location()).endsWith("/staff");

        var form = visitor.get("/staff/password");
        assertThat(form.html().select("#currentPassword")).hasSize(1);
        String newPassword = "kawa no nagare wa taezu shite";
        var withoutCurrent = visitor.post("/staff/password", Map.of("currentPassword", "a guess", "password", newPassword,
                "confirmation", newPassword));
        assertThat(withoutCurrent.status()).isEqualTo(200);
        assertThat(withoutCurrent.html().select(".error-summary a[href=#currentPassword]").text()).contains("現在のパスワードが正しくありません");

        var changed = visitor.post("/staff/password", Map.of("currentPassword", TestAccounts.PASSWORD, "password", newPassword,
                "confirmation", newPassword));
        assertThat(changed.location()).endsWith("/staff/second-factor");
    }

    private Visitor signedInWithPasswordOnly(Account staff) {
        Visitor visitor = new Visitor(port);
        visitor.get("/staff/sign-in");
        visitor.post("/sign-in", Map.of("login", staff.login(), "password", TestAccounts.PASSWORD, "audience", "staff"));
        visitor.get("/staff/second-factor");
        return visitor;
    }

    @Test
    void aWrongPasswordAndAnUnknownStaffIdGetTheSameAnswer() {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        Visitor visitor = new Visitor(port);
        visitor.get("/staff/sign-in");
        var wrongPassword = visitor.post("/sign-in", Map.of("login", staff.login(), "password", "not the password", "audience", "staff"));
        var unknown = visitor.post("/sign-in", Map.of("login", "nobody-here", "password", "not the password", "audience", "staff"));

        assertThat(wrongPassword.location()).isEqualTo(unknown.location()).endsWith("/staff/sign-in?error");
        var page = visitor.follow(wrongPassword);
        assertThat(page.html().select(".error-summary a[href=#login]").text()).contains("正しくありません");
        assertThat(page.html().select("#login").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        Visitor visitor = new Visitor(port);
        var forged = visitor.post("/sign-in", Map.of("_csrf", "forged", "login", staff.login(), "password", TestAccounts.PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
    }

    private String code(byte[] secret) throws Exception {
        var generator = new TimeBasedOneTimePasswordGenerator();
        return "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
    }
}
