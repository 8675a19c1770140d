package org.machi.procedures.applying;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationView;

/** An application as stored, with its answers opened for its applicant. */
public record StoredApplication(UUID id, String procedure, int formVersion, UUID applicant, ApplicationStatus status, Answers answers,
                         Set<String> prefilled, String receiptNumber, String submitKey, Long feeDueYen, Instant createdAt,
                         Instant updatedAt, Instant submittedAt, Instant withdrawnAt, Instant draftExpiresAt) {

    public ApplicationView view() {
        return new ApplicationView(id, procedure, formVersion, status, receiptNumber, feeDueYen, createdAt, updatedAt, submittedAt,
                withdrawnAt, draftExpiresAt);
    }
}
