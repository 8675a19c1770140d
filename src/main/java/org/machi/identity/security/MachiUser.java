package org.machi.identity.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.machi.identity.account.Account;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security holds them. The user name is the account reference, so
 * sessions, logs and the audit trail never carry an email address.
 */
public final class MachiUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final boolean staff;
    private final boolean passwordMustChange;
    private final boolean active;
    private final List<GrantedAuthority> authorities;
    private final boolean oneTimePasswordExpired;
    private String passwordHash;

    MachiUser(Account account, List<GrantedAuthority> authorities) {
        this(account, authorities, false);
    }

    /** With {@code oneTimePasswordExpired}, a correct password is refused as expired (after it was checked, so nothing leaks). */
    MachiUser(Account account, List<GrantedAuthority> authorities, boolean oneTimePasswordExpired) {
        this.oneTimePasswordExpired = oneTimePasswordExpired;
        this.accountId = account.id();
        this.staff = account.isStaff();
        this.passwordMustChange = account.passwordMustChange();
        this.active = account.active();
        this.authorities = List.copyOf(authorities);
        this.passwordHash = account.passwordHash();
    }

    public UUID accountId() {
        return accountId;
    }

    public boolean isStaff() {
        return staff;
    }

    public boolean passwordMustChange() {
        return passwordMustChange;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return Account.reference(accountId);
    }

    @Override
    public boolean isCredentialsNonExpired() {
        return !oneTimePasswordExpired;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
