package org.machi.audit;

import java.time.Instant;

/** A recorded entry with its place in the chain. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject, String record,
                         String purpose, String detail, String previousHash, String hash) {
}
