package org.machi.procedures;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An application was submitted (published in the transaction that submitted it). No personal data:
 * accounts and the register are named by reference and number only.
 *
 * @param applicant      the resident's account; null for an application filed at the counter
 * @param channel        online, or at the counter
 * @param clerk          the account reference of the clerk who filed it at the counter; null online
 * @param registerNumber the applicant's number in the resident register (宛名番号-like, never the My Number), counter only
 * @param counterSession the counter session it was filed in, counter only
 */
public record ApplicationSubmitted(UUID applicationId, String receiptNumber, String procedureSlug, int formVersion, UUID applicant,
                                   Instant submittedAt, Long feeDueYen, SubmissionChannel channel, String clerk, String registerNumber,
                                   UUID counterSession) {

    public ApplicationSubmitted {
        Objects.requireNonNull(channel, "channel");
    }

    /** A resident's own online submission. */
    public ApplicationSubmitted(UUID applicationId, String receiptNumber, String procedureSlug, int formVersion, UUID applicant,
                                Instant submittedAt, Long feeDueYen) {
        this(applicationId, receiptNumber, procedureSlug, formVersion, applicant, submittedAt, feeDueYen, SubmissionChannel.ONLINE, null,
                null, null);
    }
}
