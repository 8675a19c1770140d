package org.machi.procedures.forms;

import java.time.Instant;

/** One version of a procedure's form; a published one never changes. */
public record FormVersion(String procedure, int version, Status status, FormDefinition definition, Instant createdAt,
                          String createdBy, Instant publishedAt, String publishedBy) {

    public enum Status { DRAFT, PUBLISHED }

    public boolean published() {
        return status == Status.PUBLISHED;
    }
}
