package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.account.LoginNames;
import org.machi.identity.totp.TotpCredentials;
import org.machi.shared.DataProtection;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Failed sign-ins say which account they aimed at and where they came from; a new second factor is on record. */
@MachiWebTest
class SignInAuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    DataProtection protection;

    @Autowired
    TotpCredentials totp;

    @Autowired
    TestClock clock;

    @Test
    void aWrongPasswordIsAuditedWithTheAccountAndTheClientAddressButNotTheName() throws Exception {
        Account resident = accounts.resident();
        signIn(resident.login(), "not the password", "198.51.100.23");
        AuditEntry failed = latest("sign-in.password.failed");
        assertThat(failed.actor()).isEqualTo("anonymous");
        assertThat(failed.subject()).isEqualTo(resident.reference());
        assertThat(failed.detail()).contains("client 198.51.100.23").doesNotContain(resident.login());
    }

    @Test
    void anUnknownNameIsAuditedByItsHashOnly() throws Exception {
        String name = "nobody-" + UUID.randomUUID() + "@example.jp";
        signIn(name, "whatever it is", "203.0.113.77");
        AuditEntry failed = latest("sign-in.password.failed");
        assertThat(failed.subject()).isNull();
        assertThat(failed.detail()).contains("client 203.0.113.77", "unknown name " + protection.lookupHash(LoginNames.normalize(name)))
                .doesNotContain(name, "nobody-");
    }

    /** Held back before the password is checked, yet on record with the account it aimed at and where it came from. */
    @Test
    void aThrottledSignInIsAuditedWithTheAccountAndTheClientAddressButNotTheName() throws Exception {
        Account resident = accounts.resident();
        for (int attempt = 1; attempt <= 10; attempt++) {
            signInThroughTheThrottle(resident.login(), "guess " + attempt, "192.0.2.61");
        }
        signInThroughTheThrottle(resident.login(), TestAccounts.PASSWORD, "192.0.2.61")
                .andExpect(redirectedUrl("/sign-in?throttled"));
        AuditEntry throttled = latest("sign-in.throttled");
        assertThat(throttled.actor()).isEqualTo("anonymous");
        assertThat(throttled.subject()).isEqualTo(resident.reference());
        assertThat(throttled.detail()).contains("per account", "client 192.0.2.61").doesNotContain(resident.login());
    }

    @Test
    void enrollingTheSecondFactorIsAudited() throws Exception {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        var enrolment = totp.startEnrolment(staff.id(), staff.login(), "Machi");
        byte[] secret = new Base32().decode(enrolment.secret().replace(" ", ""));
        var generator = new TimeBasedOneTimePasswordGenerator();
        String code = "%06d".formatted(generator.generateOneTimePassword(new SecretKeySpec(secret, generator.getAlgorithm()), clock.instant()));
        assertThat(totp.confirm(staff.id(), code)).isPresent();
        AuditEntry enrolled = latest("second-factor.enrolled");
        assertThat(enrolled.actor()).isEqualTo(staff.reference());
        assertThat(enrolled.subject()).isEqualTo(staff.reference());
    }

    private void signIn(String login, String password, String client) throws Exception {
        mvc.perform(post("/sign-in").param("login", login).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(client);
            return request;
        })).andExpect(status().is3xxRedirection());
    }

    /** As the sign-in form posts: the throttle guards the servlet path. */
    private ResultActions signInThroughTheThrottle(String login, String password, String client) throws Exception {
        return mvc.perform(post("/sign-in").servletPath("/sign-in").param("login", login).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));
    }

    private AuditEntry latest(String action) {
        return audit.latest(50).stream().filter(entry -> entry.action().equals(action)).findFirst().orElseThrow();
    }
}
