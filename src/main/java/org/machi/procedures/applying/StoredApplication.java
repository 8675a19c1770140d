package org.machi.procedures.applying;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationView;
import org.machi.procedures.SubmissionChannel;

/**
 * An application as stored, with its answers opened for its applicant (or, at the counter, its clerk).
 *
 * @param applicant      the resident's account; null for a counter application
 * @param clerk          the counter clerk's account reference; null online
 * @param registerNumber the applicant's register number, counter only
 * @param counterSession the counter session, counter only
 * @param returnPath     the counter's page the last step page of a counter draft links back to, counter only
 */
public record StoredApplication(UUID id, String procedure, int formVersion, UUID applicant, ApplicationStatus status, Answers answers,
                         Set<String> prefilled, String receiptNumber, String submitKey, Long feeDueYen, Instant createdAt,
                         Instant updatedAt, Instant submittedAt, Instant withdrawnAt, Instant draftExpiresAt,
                         SubmissionChannel channel, String clerk, String registerNumber, UUID counterSession,
                         String returnPath) {

    /**
     * Whose the attachments of the application are: the applicant's account online; at the counter,
     * where there is no account, the application itself.
     */
    public UUID fileOwner() {
        return applicant != null ? applicant : id;
    }

    public ApplicationView view() {
        return new ApplicationView(id, procedure, formVersion, status, receiptNumber, feeDueYen, createdAt, updatedAt, submittedAt,
                withdrawnAt, draftExpiresAt);
    }
}
