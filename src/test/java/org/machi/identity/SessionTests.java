package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sessions end when the person says so on any device, and after their absolute lifetime. */
@MachiWebTest
class SessionTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;


    @Test
    void signingOutEverywhereEndsTheSessionsOnOtherDevicesToo() {
        Account resident = accounts.resident();
        Visitor phone = signedIn(resident);
        Visitor computer = signedIn(resident);
        assertThat(phone.get("/account").status()).isEqualTo(200);

        computer.get("/account");
        assertThat(computer.post("/sign-out/everywhere", Map.of()).location()).endsWith("/?signedOut");

        assertThat(phone.get("/account").location()).as("the other device is signed out").endsWith("/sign-in");
        assertThat(computer.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() {
        Account resident = accounts.resident();
        Visitor visitor = signedIn(resident);
        clock.advance(Duration.ofHours(11));
        assertThat(visitor.get("/account").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertThat(visitor.get("/account").location()).endsWith("/sign-in");
    }

    private Visitor signedIn(Account resident) {
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD));
        return visitor;
    }
}
