package org.machi.identity.account;

import java.util.Optional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.Assurance;
import org.machi.identity.StaffRole;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: the first administrator, and password changes. */
@Service
public class StaffAccounts {

    /** Letters and digits that cannot be mistaken for each other when read off a console. */
    private static final String READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Accounts accounts;
    private final StaffRegister register;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountSessions sessions;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(Accounts accounts, StaffRegister register, PasswordEncoder encoder, PasswordPolicy policy, AuditTrail audit,
                  Clock clock, AccountSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.register = register;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The administrator's one-time password when this call created the first staff account. */
    @Transactional
    public Optional<String> createFirstAdministrator(String staffId) {
        if (accounts.anyStaff()) {
            return Optional.empty();
        }
        String oneTimePassword = oneTimePassword();
        var account = new Account(UUID.randomUUID(), AccountKind.STAFF, staffId, encoder.encode(oneTimePassword), true,
                Assurance.SELF_ASSERTED, true, Set.of(StaffRole.SYSTEM_ADMINISTRATOR), clock.instant());
        accounts.insert(account);
        audit.record(AuditRecord.of("system", "staff.created").about(account.reference(), "identity.account")
                .withDetail("first administrator, role SYSTEM_ADMINISTRATOR"));
        return Optional.of(oneTimePassword);
    }

    /**
     * At a start, when the first administrator has still not signed in and their one-time password
     * has expired: a new one, to be printed on the console as the first one was. Empty otherwise,
     * and on every node but one when several start together.
     */
    @Transactional
    public Optional<String> renewExpiredFirstAdministratorPassword(String staffId, Duration lifetime) {
        Optional<Account> administrator = accounts.findByLogin(staffId).filter(Account::isStaff).filter(Account::passwordMustChange);
        Optional<Instant> issued = administrator.flatMap(account -> accounts.oneTimePasswordIssuedAt(account.id()));
        if (issued.isEmpty() || !issued.get().plus(lifetime).isBefore(clock.instant())) {
            return Optional.empty();
        }
        String oneTimePassword = oneTimePassword();
        Account account = administrator.get();
        if (!accounts.renewOneTimePassword(account.id(), encoder.encode(oneTimePassword), issued.get(), clock.instant())) {
            return Optional.empty();
        }
        audit.record(AuditRecord.of("system", "staff.sign-in-reset").about(account.reference(), "identity.account")
                .withDetail("first administrator's one-time password expired unused; a new one was printed on the console"));
        return Optional.of(oneTimePassword);
    }

    /** A staff account the administrator created, with the one-time password to hand over (shown once). */
    public record Created(Account account, String oneTimePassword) {
    }

    /** Creates a staff account; empty when the staff ID is already taken. */
    @Transactional
    public Optional<Created> create(String staffId, Set<StaffRole> roles, StaffDetails details, String byWhom) {
        if (accounts.existsByLogin(staffId)) {
            return Optional.empty();
        }
        String oneTimePassword = oneTimePassword();
        var account = new Account(UUID.randomUUID(), AccountKind.STAFF, staffId, encoder.encode(oneTimePassword), true,
                Assurance.SELF_ASSERTED, true, roles, clock.instant());
        accounts.insert(account);
        register.save(account.id(), details);
        audit.record(AuditRecord.of(byWhom, "staff.created").about(account.reference(), "identity.account"));
        roles.forEach(role -> audit.record(AuditRecord.of(byWhom, "role.granted").about(account.reference(), "identity.staff-role")
                .withDetail(role.name())));
        return Optional.of(new Created(account, oneTimePassword));
    }

    /** Gives the account exactly these roles, recording each one granted or revoked. */
    @Transactional
    public void changeRoles(UUID accountId, Set<StaffRole> roles, String byWhom) {
        Account account = accounts.findById(accountId).filter(Account::isStaff).orElseThrow();
        accounts.replaceRoles(accountId, roles);
        if (!roles.equals(account.roles())) {
            sessions.endAll(account.reference()); // what the old sessions were allowed no longer holds
        }
        for (StaffRole role : StaffRole.values()) {
            boolean had = account.roles().contains(role);
            boolean has = roles.contains(role);
            if (had != has) {
                audit.record(AuditRecord.of(byWhom, has ? "role.granted" : "role.revoked")
                        .about(account.reference(), "identity.staff-role").withDetail(role.name()));
            }
        }
    }

    /** Sets how colleagues know the staff member; the audit entry names no value. */
    @Transactional
    public void changeDetails(UUID accountId, StaffDetails details, String byWhom) {
        Account account = accounts.findById(accountId).filter(Account::isStaff).orElseThrow();
        register.save(accountId, details);
        audit.record(AuditRecord.of(byWhom, "staff.details.changed").about(account.reference(), "identity.staff-details"));
    }

    /** For a lost password or phone: a new one-time password, and the second factor is enrolled again. */
    @Transactional
    public String resetSignIn(UUID accountId, String byWhom) {
        Account account = accounts.findById(accountId).filter(Account::isStaff).orElseThrow();
        String oneTimePassword = oneTimePassword();
        accounts.resetCredentials(accountId, encoder.encode(oneTimePassword), clock.instant());
        sessions.endAll(account.reference());
        audit.record(AuditRecord.of(byWhom, "staff.sign-in-reset").about(account.reference(), "identity.account"));
        return oneTimePassword;
    }

    /**
     * Sets a new password; returns what is wrong (nothing is changed then). Outside the first
     * sign-in the current password is asked for, so that an unattended session cannot take the
     * account over. Every other session of the account ends; the one the change was made in goes on.
     */
    @Transactional
    public List<FieldProblem> changePassword(UUID accountId, String currentPassword, String newPassword, String confirmation,
                                             String currentSessionId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.passwordMustChange() && (currentPassword == null || account.passwordHash() == null
                || !encoder.matches(currentPassword, account.passwordHash()))) {
            return List.of(new FieldProblem("currentPassword", "credentials.currentPassword.wrong"));
        }
        if (!newPassword.equals(confirmation)) {
            return List.of(new FieldProblem("password", "password.mismatch"));
        }
        List<String> problems = policy.problems(newPassword, account.login(), account.isStaff());
        if (!problems.isEmpty()) {
            return problems.stream().map(key -> new FieldProblem("password", key)).toList();
        }
        accounts.changePassword(accountId, encoder.encode(newPassword));
        sessions.endAllBut(account.reference(), currentSessionId);
        audit.record(AuditRecord.of(account.reference(), "password.changed"));
        return List.of();
    }

    private String oneTimePassword() {
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(READABLE.charAt(random.nextInt(READABLE.length())));
        }
        return password.toString();
    }
}
