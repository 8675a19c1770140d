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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymous page views store no session. In a context and database of its own: the count of stored
 * sessions must not see what other test classes leave behind in the shared one.
 */
@MachiWebTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:machi-anonymous;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class AnonymousSessionsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

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
