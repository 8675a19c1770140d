package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.ExpiredLinks;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expired links by mail, each holding a sealed address or token, do not stay in the database. */
@MachiWebTest
class ExpiredLinksTests {

    @Autowired
    ExpiredLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    TestAccounts accounts;

    @Test
    void expiredSignUpSignInAndAccountLinksAreDeletedAndLiveOnesKept() {
        Account resident = accounts.resident();
        UUID expiredSignUp = signUp(clock.instant().minus(Duration.ofMinutes(1)));
        UUID liveSignUp = signUp(clock.instant().plus(Duration.ofHours(1)));
        UUID expiredLink = signInLink(resident, clock.instant().minus(Duration.ofSeconds(1)));
        UUID expiredToken = accountToken(resident, clock.instant().minus(Duration.ofDays(1)));

        links.forget();

        assertThat(exists("identity.sign_up_request", expiredSignUp)).isFalse();
        assertThat(exists("identity.sign_up_request", liveSignUp)).isTrue();
        assertThat(exists("identity.sign_in_link", expiredLink)).isFalse();
        assertThat(exists("identity.account_token", expiredToken)).isFalse();
    }

    private UUID signUp(Instant expires) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity.sign_up_request (id, token_hash, token_sealed, email_sealed, language, expires_at)
                VALUES (:id, :hash, 'sealed', 'sealed', 'ja', :expires)""")
                .param("id", id).param("hash", id.toString()).param("expires", Timestamp.from(expires)).update();
        return id;
    }

    private UUID signInLink(Account account, Instant expires) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity.sign_in_link (id, token_hash, token_sealed, account_id, language, expires_at)
                VALUES (:id, :hash, 'sealed', :account, 'ja', :expires)""")
                .param("id", id).param("hash", id.toString()).param("account", account.id()).param("expires", Timestamp.from(expires))
                .update();
        return id;
    }

    private UUID accountToken(Account account, Instant expires) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity.account_token (id, purpose, token_hash, token_sealed, account_id, language, expires_at)
                VALUES (:id, 'PASSWORD_RESET', :hash, 'sealed', :account, 'ja', :expires)""")
                .param("id", id).param("hash", id.toString()).param("account", account.id()).param("expires", Timestamp.from(expires))
                .update();
        return id;
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single() == 1;
    }
}
