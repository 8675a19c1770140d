package org.machi.identity;

import java.util.UUID;

/**
 * A signed-in resident as other modules see them: the account, how sure the city is of who holds it,
 * the mail address they sign in with and their profile (empty fields where they gave none).
 */
public record Resident(UUID account, Assurance assurance, String email, ResidentProfile profile) {

    public boolean cardVerified() {
        return assurance == Assurance.CARD_VERIFIED;
    }
}
