package org.machi.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.ResidentProfile;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Residents' profiles, sealed as one document each; a resident's own reads are not audited, staff reads are. */
@Service
public class Profiles {

    private static final String CONTEXT = "identity.profile";

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    Profiles(JdbcClient jdbc, DataProtection protection, JsonMapper json, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ResidentProfile> own(UUID account) {
        return jdbc.sql("SELECT sealed FROM identity.profile WHERE account_id = :id").param("id", account)
                .query(String.class).optional()
                .map(sealed -> json.readValue(protection.open(sealed, CONTEXT + ":" + account), ResidentProfile.class));
    }

    @Transactional
    public void save(UUID account, ResidentProfile profile) {
        String sealed = protection.seal(json.writeValueAsString(profile), CONTEXT + ":" + account);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE identity.profile SET sealed = :sealed, updated_at = :now WHERE account_id = :id")
                .param("sealed", sealed).param("now", now).param("id", account).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO identity.profile (account_id, sealed, updated_at) VALUES (:id, :sealed, :now)")
                    .param("id", account).param("sealed", sealed).param("now", now).update();
        }
        audit.record(AuditRecord.of(Account.reference(account), "profile.updated").about(Account.reference(account), CONTEXT));
    }
}
