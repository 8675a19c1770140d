package org.machi.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.machi.identity.IdentityProperties;
import org.machi.identity.Permission;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds an account by its sign-in name (email or staff ID) and gives it the permissions of its kind and roles. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    /** Held by a staff member who must choose a new password before anything else. */
    static final String MUST_CHANGE_PASSWORD = "MUST_CHANGE_PASSWORD";
    private static final String REFERENCE = "account:";

    private final Accounts accounts;
    private final Clock clock;
    private final Duration oneTimePasswordLifetime;

    AccountUserDetailsService(Accounts accounts, Clock clock, IdentityProperties properties) {
        this.accounts = accounts;
        this.clock = clock;
        this.oneTimePasswordLifetime = properties.oneTimePasswordLifetime();
    }

    @Override
    public MachiUser loadUserByUsername(String login) {
        Account account = (isReference(login) ? accounts.findById(UUID.fromString(login.substring(REFERENCE.length())))
                : accounts.findByLogin(login))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new MachiUser(account, authorities(account), oneTimePasswordExpired(account));
    }

    /** A staff member's one-time password is good for a day (by default): a forgotten one is no standing way in. */
    private boolean oneTimePasswordExpired(Account account) {
        return account.isStaff() && account.passwordMustChange() && accounts.oneTimePasswordIssuedAt(account.id())
                .map(issued -> issued.plus(oneTimePasswordLifetime).isBefore(clock.instant())).orElse(false);
    }

    /**
     * For the password form: a sign-in name only. The reference ("account:" and the id) is how a
     * sign-in link and a session name the account inside; accepted in the form it would be a second
     * name for the account, with a sign-in budget of its own.
     */
    MachiUser loadUserBySignInName(String login) {
        if (isReference(login)) {
            throw new UsernameNotFoundException("no such account");
        }
        return loadUserByUsername(login);
    }

    /** A one-time sign-in link names its account by reference, never by address. */
    private static boolean isReference(String login) {
        return login != null && login.startsWith(REFERENCE)
                && login.substring(REFERENCE.length()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    static List<GrantedAuthority> authorities(Account account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (!account.isStaff()) {
            authorities.add(new SimpleGrantedAuthority(Permission.OWN_ACCOUNT.authority()));
        } else if (account.passwordMustChange()) {
            authorities.add(new SimpleGrantedAuthority(MUST_CHANGE_PASSWORD));
        } else {
            account.roles().stream()
                    .flatMap(role -> role.permissions().stream())
                    .distinct()
                    .map(permission -> new SimpleGrantedAuthority(permission.authority()))
                    .forEach(authorities::add);
        }
        return authorities;
    }
}
