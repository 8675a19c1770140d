package org.machi.identity.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.machi.identity.Assurance;
import org.machi.identity.StaffRole;

/**
 * An account as the identity module keeps it. The sign-in name is held only as the plain text the
 * caller decrypted for this use; it is stored sealed.
 */
public record Account(
        UUID id,
        AccountKind kind,
        String login,
        String passwordHash,
        boolean passwordMustChange,
        Assurance assurance,
        boolean active,
        Set<StaffRole> roles,
        Instant createdAt) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean isStaff() {
        return kind == AccountKind.STAFF;
    }

    /** How the account appears in the audit trail and in sessions: never the email address. */
    public String reference() {
        return reference(id);
    }

    public static String reference(UUID id) {
        return "account:" + id;
    }
}
