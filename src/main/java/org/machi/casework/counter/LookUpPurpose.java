package org.machi.casework.counter;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a clerk reads a resident's register data at the counter. The clerk picks one before anything
 * personal is shown; the audit trail records it with every read.
 */
enum LookUpPurpose {
    /** Taking applications (申請の受付). */
    APPLICATION("counter-application"),
    /** Issuing certificates (証明書の交付). */
    CERTIFICATE("counter-certificate"),
    /** Advice on what the resident needs to do (手続の案内・相談). */
    CONSULTATION("counter-consultation");

    private final String auditPurpose;

    LookUpPurpose(String auditPurpose) {
        this.auditPurpose = auditPurpose;
    }

    /** The purpose as the audit trail records it. */
    public String auditPurpose() {
        return auditPurpose;
    }

    public String messageKey() {
        return "counter.purpose." + name();
    }

    static Optional<LookUpPurpose> of(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(p -> p.name().equals(name.strip())).findFirst();
    }
}
