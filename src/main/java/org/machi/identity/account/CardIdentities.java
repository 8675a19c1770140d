package org.machi.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.Assurance;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents who sign in with the My Number Card through OpenID Connect. The card's identity (the
 * provider's subject) is kept as a keyed hash; the account it leads to has assurance CARD_VERIFIED.
 * The individual number itself never reaches Machi.
 */
@Service
public class CardIdentities {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final DataProtection protection;
    private final AuditTrail audit;
    private final Clock clock;

    CardIdentities(JdbcClient jdbc, Accounts accounts, DataProtection protection, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account of the card holder; created at the first sign-in with the card. */
    @Transactional
    public Account signIn(String issuer, String subject) {
        String subjectHash = protection.lookupHash(subject);
        var existing = jdbc.sql("SELECT account_id FROM identity.card_identity WHERE issuer = :issuer AND subject_hash = :subject")
                .param("issuer", issuer).param("subject", subjectHash)
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            Account account = accounts.findById(existing.get()).orElseThrow();
            audit.record(AuditRecord.of(account.reference(), "sign-in.card.succeeded"));
            return account;
        }
        var account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "card:" + UUID.randomUUID(), null, false,
                Assurance.CARD_VERIFIED, true, Set.of(), clock.instant());
        accounts.insert(account);
        jdbc.sql("INSERT INTO identity.card_identity (issuer, subject_hash, account_id, linked_at) VALUES (:issuer, :subject, :account, :now)")
                .param("issuer", issuer).param("subject", subjectHash).param("account", account.id())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditRecord.of(account.reference(), "account.created").withDetail("first sign-in with the My Number Card"));
        return account;
    }
}
