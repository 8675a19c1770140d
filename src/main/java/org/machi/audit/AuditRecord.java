package org.machi.audit;

import java.util.Objects;

/**
 * One thing worth recording. No names, addresses or other personal data go in here: people are
 * referred to by their account reference only.
 *
 * @param actor   who acted: an account reference, {@code anonymous} or {@code system}
 * @param action  what happened, e.g. {@code sign-in.succeeded}, {@code personal-data.read}
 * @param subject whose data or account it concerns (an account reference), or null
 * @param record  which record, e.g. {@code identity.profile}, or null
 * @param purpose why a staff member read personal data, or null
 * @param detail  a short technical detail without personal data, or null
 */
public record AuditRecord(String actor, String action, String subject, String record, String purpose, String detail) {

    public AuditRecord {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }

    public static AuditRecord of(String actor, String action) {
        return new AuditRecord(actor, action, null, null, null, null);
    }

    public AuditRecord about(String subject, String record) {
        return new AuditRecord(actor, action, subject, record, purpose, detail);
    }

    public AuditRecord because(String purpose) {
        return new AuditRecord(actor, action, subject, record, purpose, detail);
    }

    public AuditRecord withDetail(String detail) {
        return new AuditRecord(actor, action, subject, record, purpose, detail);
    }
}
