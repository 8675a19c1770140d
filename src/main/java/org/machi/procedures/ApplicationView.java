package org.machi.procedures;

import java.time.Instant;
import java.util.UUID;

/**
 * One application of a resident, without its answers: for "My procedures" and the API.
 *
 * @param feeDueYen      the fee to pay, as the catalog said when it was submitted; null when none
 * @param draftExpiresAt when an untouched draft is deleted; null once submitted
 */
public record ApplicationView(UUID id, String procedureSlug, int formVersion, ApplicationStatus status, String receiptNumber,
                              Long feeDueYen, Instant createdAt, Instant updatedAt, Instant submittedAt, Instant withdrawnAt,
                              Instant draftExpiresAt) {
}
