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

@MachiWebTest
class ResidentSignInTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentSignsInSeesTheirAccountAndSignsOut() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);

        assertThat(visitor.get("/account").location()).endsWith("/sign-in");
        visitor.get("/sign-in");
        var signedIn = visitor.post("/sign-in", Map.of("login", resident.login().toUpperCase(), "password", TestAccounts.PASSWORD));
        assertThat(signedIn.location()).as("back to the page that asked").contains("/account");

        var account = visitor.follow(signedIn);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.html().select("dd").first().text()).isEqualTo(resident.login());
        assertThat(account.html().select("header button").text()).isEqualTo("サインアウト");
        assertThat(visitor.get("/staff").status()).as("a resident is no staff member").isEqualTo(403);

        var signedOut = visitor.post("/sign-out", Map.of());
        assertThat(signedOut.location()).endsWith("/?signedOut");
        assertThat(visitor.follow(signedOut).html().select("p.notice").text()).isEqualTo("サインアウトしました。");
        assertThat(visitor.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void aFailedSignInSpeaksOfTheMailAddressNotTheStaffId() {
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        var failed = visitor.follow(visitor.post("/sign-in", Map.of("login", "nobody@example.jp", "password", "not the password")));
        assertThat(failed.html().select(".error-summary a[href=#login]").text())
                .isEqualTo("メールアドレスまたはパスワードが正しくありません。もう一度入力してください。");

        visitor.get("/staff/sign-in");
        var staffFailed = visitor.follow(visitor.post("/sign-in", Map.of("login", "nobody", "password", "x", "audience", "staff")));
        assertThat(staffFailed.html().select(".error-summary a[href=#login]").text()).contains("職員ID");
    }

    @Test
    void sessionsLiveInTheDatabaseUnderTheAccountReferenceNotTheEmail() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD));

        assertThat(jdbc.sql("SELECT count(*) FROM identity.web_session WHERE principal_name = :name")
                .param("name", resident.reference()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM identity.web_session WHERE principal_name LIKE '%@%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSignInNameIsStoredEncryptedAndFoundByItsKeyedHash() {
        Account resident = accounts.resident();
        String stored = jdbc.sql("SELECT login_sealed FROM identity.account WHERE id = :id").param("id", resident.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain("example.jp").doesNotContain("resident-");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.account WHERE login_hash LIKE '%@%'").query(Long.class).single()).isZero();
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
    }
}
