package org.machi.identity.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions on every node (they live in the database). Whatever changes what a
 * person may do or how they prove who they are (roles, a reset, a new password) ends the sessions
 * opened before it; a person changing their own password keeps the session they did it in.
 */
@Component
public class AccountSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    AccountSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account; returns how many there were. */
    public int endAll(String accountReference) {
        return endAllBut(accountReference, null);
    }

    /** Ends every session of the account but the one given (the one the person is using now). */
    public int endAllBut(String accountReference, String keptSessionId) {
        var ids = sessions.findByPrincipalName(accountReference).keySet().stream().filter(id -> !id.equals(keptSessionId)).toList();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
