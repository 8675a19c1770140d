package org.machi.procedures;

import java.time.Instant;
import java.util.UUID;

/** A resident withdrew an application staff had not decided yet. */
public record ApplicationWithdrawn(UUID applicationId, String receiptNumber, String procedureSlug, UUID applicant, Instant withdrawnAt) {
}
