package org.machi.casework.cases;

/** An action or a read refused by the rules of cases; nothing changed. */
public class CaseRefused extends RuntimeException {

    private final CaseRefusal refusal;

    public CaseRefused(CaseRefusal refusal) {
        super(refusal.name());
        this.refusal = refusal;
    }

    public CaseRefusal refusal() {
        return refusal;
    }

    public String messageKey() {
        return refusal.messageKey();
    }
}
