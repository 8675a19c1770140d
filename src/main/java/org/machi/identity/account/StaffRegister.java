package org.machi.identity.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff details table; the display name and the mail address are sealed on the way in, opened on the way out. */
@Repository
public class StaffRegister {

    private static final String NAME_CONTEXT = "identity.staff.display-name";
    private static final String EMAIL_CONTEXT = "identity.staff.email";

    private final JdbcClient jdbc;
    private final DataProtection protection;

    StaffRegister(JdbcClient jdbc, DataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    void save(UUID accountId, StaffDetails details) {
        jdbc.sql("DELETE FROM identity.staff_details WHERE account_id = :id").param("id", accountId).update();
        jdbc.sql("""
                INSERT INTO identity.staff_details (account_id, display_name_sealed, department, email_sealed)
                VALUES (:id, :name, :department, :email)""")
                .param("id", accountId)
                .param("name", protection.seal(details.displayName(), NAME_CONTEXT + ":" + accountId))
                .param("department", details.department())
                .param("email", details.email() == null ? null : protection.seal(details.email(), EMAIL_CONTEXT + ":" + accountId))
                .update();
    }

    public Optional<StaffDetails> find(UUID accountId) {
        return jdbc.sql("SELECT * FROM identity.staff_details WHERE account_id = :id").param("id", accountId)
                .query((rs, n) -> details(accountId, rs.getString("display_name_sealed"), rs.getString("department"),
                        rs.getString("email_sealed")))
                .optional();
    }

    /** Every staff member's details, by account. */
    public Map<UUID, StaffDetails> all() {
        Map<UUID, StaffDetails> all = new HashMap<>();
        jdbc.sql("SELECT * FROM identity.staff_details").query(rs -> {
            UUID id = rs.getObject("account_id", UUID.class);
            all.put(id, details(id, rs.getString("display_name_sealed"), rs.getString("department"), rs.getString("email_sealed")));
        });
        return all;
    }

    private StaffDetails details(UUID id, String name, String department, String email) {
        return new StaffDetails(protection.open(name, NAME_CONTEXT + ":" + id), department,
                email == null ? null : protection.open(email, EMAIL_CONTEXT + ":" + id));
    }
}
