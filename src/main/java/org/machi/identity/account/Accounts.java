package org.machi.identity.account;

import java.util.Comparator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.identity.Assurance;
import org.machi.identity.StaffRole;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table; sign-in names are sealed on the way in and opened on the way out. */
@Repository
public class Accounts {

    private static final String LOGIN_CONTEXT = "identity.account.login";

    private final JdbcClient jdbc;
    private final DataProtection protection;

    Accounts(JdbcClient jdbc, DataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public Optional<Account> findByLogin(String login) {
        return jdbc.sql("SELECT * FROM identity.account WHERE login_hash = :hash")
                .param("hash", protection.lookupHash(LoginNames.normalize(login)))
                .query(this::account)
                .optional();
    }

    /** The account's id alone, with nothing opened: as quick for a name that has an account as for one that has none. */
    public Optional<UUID> findIdByLogin(String login) {
        return jdbc.sql("SELECT id FROM identity.account WHERE login_hash = :hash")
                .param("hash", protection.lookupHash(LoginNames.normalize(login)))
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT * FROM identity.account WHERE id = :id").param("id", id).query(this::account).optional();
    }

    public boolean existsByLogin(String login) {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE login_hash = :hash")
                .param("hash", protection.lookupHash(LoginNames.normalize(login)))
                .query(Long.class).single() > 0;
    }

    public boolean anyStaff() {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE kind = 'STAFF'").query(Long.class).single() > 0;
    }

    public void insert(Account account) {
        String login = LoginNames.normalize(account.login());
        jdbc.sql("""
                INSERT INTO identity.account (id, kind, login_hash, login_sealed, password_hash, password_must_change,
                                              one_time_password_issued_at, assurance, status, created_at, version)
                VALUES (:id, :kind, :hash, :sealed, :password, :mustChange, :issued, :assurance, :status, :created, 0)""")
                .param("id", account.id())
                .param("kind", account.kind().name())
                .param("hash", protection.lookupHash(login))
                .param("sealed", protection.seal(login, LOGIN_CONTEXT + ":" + account.id()))
                .param("password", account.passwordHash())
                .param("mustChange", account.passwordMustChange())
                .param("issued", account.passwordMustChange() ? Timestamp.from(account.createdAt()) : null)
                .param("assurance", account.assurance().name())
                .param("status", account.active() ? "ACTIVE" : "DISABLED")
                .param("created", Timestamp.from(account.createdAt()))
                .update();
        for (StaffRole role : account.roles()) {
            jdbc.sql("INSERT INTO identity.staff_role (account_id, role) VALUES (:id, :role)")
                    .param("id", account.id()).param("role", role.name()).update();
        }
    }

    /** Every staff account, by sign-in name. */
    public List<Account> staff() {
        return jdbc.sql("SELECT * FROM identity.account WHERE kind = 'STAFF'").query(this::account).list().stream()
                .sorted(Comparator.comparing(Account::login))
                .toList();
    }

    public void replaceRoles(UUID id, Set<StaffRole> roles) {
        jdbc.sql("DELETE FROM identity.staff_role WHERE account_id = :id").param("id", id).update();
        for (StaffRole role : roles) {
            jdbc.sql("INSERT INTO identity.staff_role (account_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    /** A new one-time password that must be changed, and the second factor to be enrolled again. */
    public void resetCredentials(UUID id, String oneTimePasswordHash, Instant issuedAt) {
        jdbc.sql("""
                UPDATE identity.account SET password_hash = :hash, password_must_change = TRUE, one_time_password_issued_at = :issued,
                                            version = version + 1
                WHERE id = :id""")
                .param("hash", oneTimePasswordHash).param("issued", Timestamp.from(issuedAt)).param("id", id).update();
        jdbc.sql("DELETE FROM identity.totp_credential WHERE account_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = :id").param("id", id).update();
    }

    /** When the one-time password the account must still change was issued; empty when it has a password of its own. */
    public Optional<Instant> oneTimePasswordIssuedAt(UUID id) {
        return jdbc.sql("SELECT one_time_password_issued_at FROM identity.account WHERE id = :id AND password_must_change")
                .param("id", id).query((rs, n) -> rs.getTimestamp(1)).optional().map(issued -> issued == null ? Instant.EPOCH
                        : issued.toInstant());
    }

    /**
     * Replaces a one-time password that was issued at {@code previouslyIssuedAt} by a new one;
     * false if another node replaced it first (or the person has set a password of their own).
     */
    public boolean renewOneTimePassword(UUID id, String oneTimePasswordHash, Instant previouslyIssuedAt, Instant issuedAt) {
        return jdbc.sql("""
                UPDATE identity.account SET password_hash = :hash, one_time_password_issued_at = :issued, version = version + 1
                WHERE id = :id AND password_must_change AND (one_time_password_issued_at = :previous OR one_time_password_issued_at IS NULL)""")
                .param("hash", oneTimePasswordHash).param("issued", Timestamp.from(issuedAt))
                .param("previous", Timestamp.from(previouslyIssuedAt)).param("id", id).update() == 1;
    }

    public void changePassword(UUID id, String passwordHash) {
        jdbc.sql("""
                UPDATE identity.account SET password_hash = :hash, password_must_change = FALSE, one_time_password_issued_at = NULL,
                                            version = version + 1
                WHERE id = :id""")
                .param("hash", passwordHash).param("id", id).update();
    }

    /** A new sign-in name (a confirmed mail address), sealed and hashed as on the way in. */
    public void changeLogin(UUID id, String login) {
        String normalized = LoginNames.normalize(login);
        jdbc.sql("UPDATE identity.account SET login_hash = :hash, login_sealed = :sealed, version = version + 1 WHERE id = :id")
                .param("hash", protection.lookupHash(normalized))
                .param("sealed", protection.seal(normalized, LOGIN_CONTEXT + ":" + id))
                .param("id", id)
                .update();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Account(id,
                AccountKind.valueOf(rs.getString("kind")),
                protection.open(rs.getString("login_sealed"), LOGIN_CONTEXT + ":" + id),
                rs.getString("password_hash"),
                rs.getBoolean("password_must_change"),
                Assurance.valueOf(rs.getString("assurance")),
                "ACTIVE".equals(rs.getString("status")),
                roles(id),
                rs.getTimestamp("created_at").toInstant());
    }

    private Set<StaffRole> roles(UUID id) {
        List<String> names = jdbc.sql("SELECT role FROM identity.staff_role WHERE account_id = :id").param("id", id)
                .query(String.class).list();
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        names.forEach(name -> roles.add(StaffRole.valueOf(name)));
        return roles;
    }
}
