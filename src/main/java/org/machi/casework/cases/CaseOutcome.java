package org.machi.casework.cases;

import org.machi.casework.CaseState;

/**
 * What became of an action: done (with the case's state after it), or refused with a reason whose
 * message key is in {@code messages/casework}; when refused nothing changed.
 */
public record CaseOutcome(CaseRefusal refusal, CaseState state) {

    public static CaseOutcome done(CaseState state) {
        return new CaseOutcome(null, state);
    }

    public static CaseOutcome refused(CaseRefusal refusal) {
        return new CaseOutcome(refusal, null);
    }

    public boolean succeeded() {
        return refusal == null;
    }

    /** The refusal's message key, or null when done. */
    public String messageKey() {
        return refusal == null ? null : refusal.messageKey();
    }
}
