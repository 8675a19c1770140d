package org.machi.procedures;

import java.time.Instant;
import java.util.UUID;

/** A resident submitted an application (published in the transaction that submitted it). */
public record ApplicationSubmitted(UUID applicationId, String receiptNumber, String procedureSlug, int formVersion, UUID applicant,
                                   Instant submittedAt, Long feeDueYen) {
}
