package org.machi.procedures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submitted (or since withdrawn) application as staff read it: who sent it through which
 * channel, and its answers as the resident checked them, in the language asked for. Reading it is
 * a staff read of personal data, recorded in the audit trail ({@link Applications#read}).
 *
 * @param procedureTitle  the procedure's title in the language asked for (the slug if it left the catalog)
 * @param applicant       the resident's account; null at the counter
 * @param clerk           who filed it at the counter (account reference); null online
 * @param registerNumber  the applicant's register number, counter only
 * @param counterSession  the counter session, counter only
 * @param feeDueYen       the fee due as recorded on submit; null when none
 * @param answers         every answer of the shown steps and fields, in the form's order
 * @param files           the attached files, oldest first, without their content ({@link Applications#file} opens one)
 * @param fieldsPrefilled how many of the top-level fields were sent as filled in from what the city held
 */
public record ApplicationDetails(UUID applicationId, String receiptNumber, String procedureSlug, String procedureTitle, int formVersion,
                                 ApplicationStatus status, SubmissionChannel channel, UUID applicant, String clerk, String registerNumber,
                                 UUID counterSession, Instant submittedAt, Instant withdrawnAt, Long feeDueYen, List<AnswerLine> answers,
                                 List<AttachedFile> files, int fieldsPrefilled) {

    public ApplicationDetails {
        answers = List.copyOf(answers);
        files = List.copyOf(files);
    }

    /** A file of the application: its id (for {@link Applications#file}), the resident's name for it, size and type. */
    public record AttachedFile(UUID fileId, String filename, long bytes, String mediaType) {
    }
}
