package org.machi.identity.security;

import java.util.ArrayList;
import java.util.List;
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

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public MachiUser loadUserByUsername(String login) {
        Account account = accounts.findByLogin(login)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new MachiUser(account, authorities(account));
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
