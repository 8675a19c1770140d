package org.machi.identity.account;

import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident deletes their account: the account, its sign-in name, password, profile, card link,
 * pending links and sessions are erased at once. The audit trail keeps only the pseudonymous
 * account reference, which no longer leads to a person.
 */
@Service
public class AccountDeletion {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    AccountDeletion(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void deleteResident(UUID account) {
        String reference = Account.reference(account);
        jdbc.sql("DELETE FROM identity.web_session WHERE principal_name = :name").param("name", reference).update();
        int deleted = jdbc.sql("DELETE FROM identity.account WHERE id = :id AND kind = 'RESIDENT'").param("id", account).update();
        if (deleted == 1) {
            audit.record(AuditRecord.of(reference, "account.deleted").about(reference, "identity.account"));
        }
    }
}
