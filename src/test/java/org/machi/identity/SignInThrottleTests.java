package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MachiWebTest
class SignInThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Test
    void afterTenWrongPasswordsEvenTheRightOneWaitsAndTheMessageSaysWhy() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(visitor.post("/sign-in", Map.of("login", resident.login(), "password", "wrong " + attempt)).location())
                    .endsWith("/sign-in?error");
        }
        var throttled = visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD));
        assertThat(throttled.location()).endsWith("/sign-in?throttled");
        assertThat(visitor.follow(throttled).html().select(".error-summary").text()).contains("しばらく時間をおいて");
    }

    @Test
    void anUnknownNameIsThrottledTheSameWay() {
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        for (int attempt = 1; attempt <= 10; attempt++) {
            visitor.post("/sign-in", Map.of("login", "nobody@example.jp", "password", "wrong " + attempt));
        }
        assertThat(visitor.post("/sign-in", Map.of("login", "nobody@example.jp", "password", "x")).location())
                .endsWith("/sign-in?throttled");
    }

    /** Ten wrong passwords from elsewhere no longer lock the owner out: the limit is per name and client. */
    @Test
    void someoneElsesWrongPasswordsDoNotLockTheOwnerOut() throws Exception {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(post("/sign-in").servletPath("/sign-in").with(csrf()).with(from("203.0.113.9")).param("login", staff.login())
                    .param("password", "guess " + attempt).param("audience", "staff"));
        }
        mvc.perform(post("/sign-in").servletPath("/sign-in").with(csrf()).with(from("203.0.113.9")).param("login", staff.login())
                        .param("password", TestAccounts.PASSWORD).param("audience", "staff"))
                .andExpect(redirectedUrl("/staff/sign-in?throttled"));
        mvc.perform(post("/sign-in").servletPath("/sign-in").with(csrf()).with(from("198.51.100.7")).param("login", staff.login())
                        .param("password", TestAccounts.PASSWORD).param("audience", "staff"))
                .andExpect(redirectedUrl("/staff/second-factor/enrol"));
    }

    /**
     * "account:" and the id is how a sign-in link names the account inside, no sign-in name: the
     * password form refuses it, so it is no second name with a budget of its own.
     */
    @Test
    void thePasswordFormRefusesTheInternalReferenceEvenWithTheRightPassword() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        assertThat(visitor.post("/sign-in", Map.of("login", resident.reference(), "password", TestAccounts.PASSWORD)).location())
                .endsWith("/sign-in?error");
        assertThat(visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD)).location())
                .doesNotContain("error").doesNotContain("throttled");
    }

    /** A staff member kept out by guesses from their own office's address gets in again once an administrator unlocks them. */
    @Test
    void anAdministratorLiftsTheLimitsAndTheUnlockIsAudited() throws Exception {
        Account staff = accounts.staff(StaffRole.ALERT_OPERATOR);
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(post("/sign-in").servletPath("/sign-in").with(csrf()).with(from("203.0.113.20")).param("login", staff.login())
                    .param("password", "guess " + attempt).param("audience", "staff"));
        }
        mvc.perform(post("/sign-in").servletPath("/sign-in").with(csrf()).with(from("203.0.113.20")).param("login", staff.login())
                        .param("password", TestAccounts.PASSWORD).param("audience", "staff"))
                .andExpect(redirectedUrl("/staff/sign-in?throttled"));

        Account admin = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        var signedIn = MachiUserTestSupport.signedIn(admin, true);
        var person = page(mvc.perform(get("/staff/people/" + staff.id()).param("lang", "en").with(authentication(signedIn))).andReturn());
        assertThat(person.select("form[action$=/unlock] button").text()).isEqualTo("Lift the limits");
        mvc.perform(post("/staff/people/" + staff.id() + "/unlock").with(authentication(signedIn)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/people/" + staff.id() + "/unlock").with(authentication(signedIn)).with(csrf()))
                .andExpect(redirectedUrl("/staff/people/" + staff.id()));

        mvc.perform(post("/sign-in").servletPath("/sign-in").with(csrf()).with(from("203.0.113.20")).param("login", staff.login())
                        .param("password", TestAccounts.PASSWORD).param("audience", "staff"))
                .andExpect(redirectedUrl("/staff/second-factor/enrol"));
        assertThat(audit.latest(20)).filteredOn(entry -> staff.reference().equals(entry.subject()))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .contains(tuple(admin.reference(), "staff.sign-in-unlocked"));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
