package org.machi.identity.security;

import java.util.ArrayList;
import java.util.List;
import org.machi.identity.account.Account;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/** Builds the authentication a real sign-in would give an account, for tests. */
public final class MachiUserTestSupport {

    private MachiUserTestSupport() {
    }

    public static Authentication signedIn(Account account, boolean secondFactor) {
        List<GrantedAuthority> authorities = new ArrayList<>(AccountUserDetailsService.authorities(account));
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        if (secondFactor) {
            authorities.add(FactorGrantedAuthority.fromFactor("TOTP"));
        }
        MachiUser user = new MachiUser(account, authorities);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
