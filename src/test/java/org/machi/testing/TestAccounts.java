package org.machi.testing;

import java.util.Set;
import java.util.UUID;
import org.machi.identity.Assurance;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates accounts for tests with known passwords and unique sign-in names. */
public final class TestAccounts {

    public static final String PASSWORD = "kawa no nagare wa taezu shite";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final TestClock clock;

    public TestAccounts(Accounts accounts, PasswordEncoder encoder, TestClock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    public boolean exists(String login) {
        return accounts.existsByLogin(login);
    }

    public Account resident() {
        return create(AccountKind.RESIDENT, "resident-" + UUID.randomUUID() + "@example.jp", Set.of(), false);
    }

    public Account staff(StaffRole... roles) {
        return create(AccountKind.STAFF, "staff-" + UUID.randomUUID().toString().substring(0, 8), Set.of(roles), false);
    }

    public Account staffWhoMustChangePassword(StaffRole... roles) {
        return create(AccountKind.STAFF, "new-" + UUID.randomUUID().toString().substring(0, 8), Set.of(roles), true);
    }

    private Account create(AccountKind kind, String login, Set<StaffRole> roles, boolean mustChange) {
        var account = new Account(UUID.randomUUID(), kind, login, encoder.encode(PASSWORD), mustChange,
                Assurance.SELF_ASSERTED, true, roles, clock.instant());
        accounts.insert(account);
        return account;
    }
}
