package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MachiWebTest
class SignInThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

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
}
