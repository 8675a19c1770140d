package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.StaffAccounts;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** A one-time password is good for a day: after that it no longer signs in, and the first administrator gets a new one at the next start. */
@MachiWebTest
class OneTimePasswordExpiryTests {

    private static final Duration LIFETIME = Duration.ofHours(24);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts accountTable;

    @Autowired
    StaffAccounts staff;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestClock clock;

    @Test
    void aOneTimePasswordSignsInWithinADayAndNotAfter() throws Exception {
        Account newcomer = accounts.staffWhoMustChangePassword(StaffRole.ALERT_OPERATOR);
        clock.advance(Duration.ofHours(23));
        signIn(newcomer.login(), TestAccounts.PASSWORD).andExpect(redirectedUrl("/staff/password"));

        Account late = accounts.staffWhoMustChangePassword(StaffRole.ALERT_OPERATOR);
        clock.advance(LIFETIME.plusMinutes(1));
        signIn(late.login(), TestAccounts.PASSWORD).andExpect(redirectedUrl("/staff/sign-in?expired"));
        signIn(late.login(), "not the one-time password").andExpect(redirectedUrl("/staff/sign-in?error"));
        assertThat(page(mvc.perform(get("/staff/sign-in").param("expired", "").header("Accept-Language", "en")).andReturn())
                .select(".error-summary").text()).contains("This one-time password has expired. Please ask an administrator to issue a new one.");
    }

    @Test
    void theFirstAdministratorGetsANewOneTimePasswordOnlyOnceTheOldOneHasExpired() throws Exception {
        Account administrator = accounts.staffWhoMustChangePassword(StaffRole.SYSTEM_ADMINISTRATOR);
        clock.advance(Duration.ofHours(20));
        assertThat(staff.renewExpiredFirstAdministratorPassword(administrator.login(), LIFETIME)).as("still valid").isEmpty();

        clock.advance(Duration.ofHours(5));
        String renewed = staff.renewExpiredFirstAdministratorPassword(administrator.login(), LIFETIME).orElseThrow();
        assertThat(staff.renewExpiredFirstAdministratorPassword(administrator.login(), LIFETIME)).as("once").isEmpty();
        String hash = accountTable.findById(administrator.id()).orElseThrow().passwordHash();
        assertThat(encoder.matches(renewed, hash)).isTrue();
        assertThat(encoder.matches(TestAccounts.PASSWORD, hash)).as("the expired one is gone").isFalse();
        signIn(administrator.login(), renewed).andExpect(redirectedUrl("/staff/password"));

        Account settled = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        clock.advance(LIFETIME.multipliedBy(2));
        assertThat(staff.renewExpiredFirstAdministratorPassword(settled.login(), LIFETIME)).as("has a password of their own").isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions signIn(String login, String password) throws Exception {
        return mvc.perform(post("/sign-in").param("login", login).param("password", password).param("audience", "staff").with(csrf()));
    }
}
