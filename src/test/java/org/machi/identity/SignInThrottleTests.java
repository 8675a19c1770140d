package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
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

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
