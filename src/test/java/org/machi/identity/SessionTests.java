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
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions end when the person says so on any device, and after their absolute lifetime. */
@MachiWebTest
class SessionTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

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

    /** Form pages hold a CSRF token, but an anonymous visit stores no session: a crowd cannot fill the session table. */
    @Test
    void anonymousVisitsToPagesAndFormsStoreNoSession() {
        long before = sessions();
        for (String path : new String[] {"/", "/alerts", "/notices", "/sign-up", "/sign-in", "/alerts/subscribe", "/staff/sign-in",
                "/districts"}) {
            for (int visit = 0; visit < 5; visit++) {
                Visitor stranger = new Visitor(port);
                var page = stranger.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.headers("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("SESSION="));
            }
        }
        assertThat(sessions()).as("sessions stored by anonymous page views").isEqualTo(before);

        Account resident = accounts.resident();
        assertThat(signedIn(resident).get("/account").status()).as("the form's token still works from its cookie").isEqualTo(200);
        assertThat(sessions()).isEqualTo(before + 1);
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM identity.web_session").query(Long.class).single();
    }

    private Visitor signedIn(Account resident) {
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD));
        return visitor;
    }
}
