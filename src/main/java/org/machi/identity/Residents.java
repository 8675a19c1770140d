package org.machi.identity;

import java.util.Optional;
import java.util.UUID;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.Profiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents for other modules (a procedure form filled from the profile): who is signed in, and what
 * the city holds about them. A resident's own data read for them is not audited, as in the profile page.
 */
@Service
public class Residents {

    private static final String REFERENCE = "account:";

    private final Accounts accounts;
    private final Profiles profiles;

    Residents(Accounts accounts, Profiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    /** The account of whoever made the current request, if signed in; nothing is read from the database. */
    public Optional<UUID> signedInAccount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || !authentication.getName().startsWith(REFERENCE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(authentication.getName().substring(REFERENCE.length())));
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
    }

    /** The resident holding this active resident account; empty for staff, unknown or disabled accounts. */
    @Transactional(readOnly = true)
    public Optional<Resident> find(UUID account) {
        return accounts.findById(account).filter(a -> !a.isStaff() && a.active())
                .map(a -> new Resident(a.id(), a.assurance(), a.login(), profiles.own(a.id()).orElseGet(ResidentProfile::empty)));
    }

    /** Whether the account is an active resident's, and how sure the city is of who holds it; reads no personal data. */
    @Transactional(readOnly = true)
    public Optional<Assurance> assurance(UUID account) {
        return accounts.findById(account).filter(a -> !a.isStaff() && a.active()).map(Account::assurance);
    }
}
