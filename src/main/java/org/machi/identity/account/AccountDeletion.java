package org.machi.identity.account;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.IdentityProperties;
import org.machi.identity.ResidentAccountDeleted;
import org.machi.shared.CityProfile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident deletes their account. At once: every way to sign in ends (password, links, card,
 * passkeys, sessions) and the address is free for a new account. After the retention period
 * ({@code machi.identity.retention.deleted-accounts}, 30 days): the account and its profile are
 * erased by a daily background task. The audit trail keeps only the pseudonymous reference.
 */
@Service
public class AccountDeletion {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration retention;
    private final SecureRandom random = new SecureRandom();
    private final ApplicationEventPublisher events;

    AccountDeletion(JdbcClient jdbc, AuditTrail audit, Clock clock, IdentityProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.retention = properties.retention().deletedAccounts();
    }

    public Duration retention() {
        return retention;
    }

    @Transactional
    public void deleteResident(UUID account) {
        String reference = Account.reference(account);
        byte[] unusable = new byte[32];
        random.nextBytes(unusable);
        int deleted = jdbc.sql("""
                UPDATE identity.account SET status = 'DISABLED', deleted_at = :now, login_hash = :unusable,
                       password_hash = NULL, version = version + 1
                WHERE id = :id AND kind = 'RESIDENT' AND deleted_at IS NULL""")
                .param("now", Timestamp.from(clock.instant()))
                .param("unusable", HexFormat.of().formatHex(unusable))
                .param("id", account)
                .update();
        if (deleted == 0) {
            return;
        }
        jdbc.sql("DELETE FROM identity.web_session WHERE principal_name = :name").param("name", reference).update();
        jdbc.sql("DELETE FROM identity.sign_in_link WHERE account_id = :id").param("id", account).update();
        jdbc.sql("DELETE FROM identity.card_identity WHERE account_id = :id").param("id", account).update();
        forgetPasskeys(reference);
        audit.record(AuditRecord.of(reference, "account.deleted").about(reference, "identity.account"));
        events.publishEvent(new ResidentAccountDeleted(account, clock.instant()));
    }

    /** Erases the accounts whose retention period has passed; returns how many. */
    @Transactional
    public int eraseExpired() {
        List<UUID> expired = jdbc.sql("SELECT id FROM identity.account WHERE deleted_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(retention)))
                .query(UUID.class).list();
        for (UUID account : expired) {
            jdbc.sql("DELETE FROM identity.account WHERE id = :id").param("id", account).update();
            audit.record(AuditRecord.of("system", "account.erased").about(Account.reference(account), "identity.account"));
        }
        return expired.size();
    }

    private void forgetPasskeys(String reference) {
        jdbc.sql("DELETE FROM user_credentials WHERE user_entity_user_id IN (SELECT id FROM user_entities WHERE name = :name)")
                .param("name", reference).update();
        jdbc.sql("DELETE FROM user_entities WHERE name = :name").param("name", reference).update();
    }

    @Configuration(proxyBeanMethods = false)
    static class Erasure {

        /** Every night at three, city time. */
        @Bean
        Task<Void> eraseDeletedAccounts(AccountDeletion deletion, CityProfile city) {
            return Tasks.recurring("identity-erase-deleted-accounts", Schedules.daily(city.timeZone(), LocalTime.of(3, 0)))
                    .execute((instance, context) -> deletion.eraseExpired());
        }
    }
}
