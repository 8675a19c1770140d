package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in with the My Number Card through a real OpenID Connect provider (mock-oauth2-server). */
@MachiWebTest
class CardSignInTests {

    @LocalServerPort
    int port;

    @Autowired
    MockOAuth2Server provider;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCardHolderSignsInAndGetsACardVerifiedAccountTheSameOneEachTime() {
        String subject = "card-holder-" + System.nanoTime();
        String accountFirst = signInWithCard(subject);
        String accountAgain = signInWithCard(subject);

        assertThat(accountAgain).isEqualTo(accountFirst);
        assertThat(jdbc.sql("SELECT assurance FROM identity.account WHERE id = CAST(:id AS UUID)").param("id", accountFirst)
                .query(String.class).single()).isEqualTo("CARD_VERIFIED");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.card_identity WHERE subject_hash = :s").param("s", subject)
                .query(Long.class).single()).as("the subject is stored only as a keyed hash").isZero();
    }

    @Test
    void theSignInPageOffersTheCardWhenAProviderIsConfigured() {
        var page = new Visitor(port).get("/sign-in");
        assertThat(page.html().select("a[href=/oauth2/authorization/mynumber]").text()).isEqualTo("マイナンバーカードでサインインする");
    }

    /** Goes the whole way: Machi → provider → Machi, and returns the account id the session holds. */
    private String signInWithCard(String subject) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("mynumber", subject, "JWT", List.of("machi-test"), Map.of()));
        Visitor visitor = new Visitor(port);
        var toProvider = visitor.get("/oauth2/authorization/mynumber");
        assertThat(toProvider.location()).contains("/mynumber/authorize");

        var backToMachi = visitor.getAbsolute(toProvider.location());
        assertThat(backToMachi.location()).contains("/login/oauth2/code/mynumber");
        var signedIn = visitor.follow(backToMachi);
        assertThat(signedIn.location()).endsWith("/account");

        var account = visitor.follow(signedIn);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.html().select("dd").text()).contains("マイナンバーカードで本人確認済みです");
        assertThat(account.html().select("dd").text()).doesNotContain("card:");
        return jdbc.sql("SELECT CAST(account_id AS VARCHAR(36)) FROM identity.card_identity ORDER BY linked_at DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single();
    }
}
