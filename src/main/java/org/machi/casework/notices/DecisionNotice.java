package org.machi.casework.notices;

import java.time.Instant;
import java.util.Objects;

/**
 * What a decision notice (決定通知書) says. Plain text throughout: nothing is interpreted as markup.
 *
 * @param procedureSlug    picks the template ({@code casework/notices/<slug>.properties}, else the default)
 * @param procedureTitleJa the procedure's Japanese title, as the notice names it
 * @param receiptNumber    the application's receipt number (受付番号)
 * @param approved         true for an approval (支給決定), false for a rejection (不支給決定)
 * @param reason           the rejection's reason as the clerk wrote it for the resident; null for an approval
 * @param submittedAt      when the application was submitted (申請日)
 * @param decidedAt        when it was decided: the notice's date
 * @param addressee        the applicant's name as the application gives it; null prints 申請者
 * @param departmentName   the department that decided, for the enquiries line
 * @param departmentPhone  its phone; null or blank leaves it out
 */
public record DecisionNotice(String procedureSlug, String procedureTitleJa, String receiptNumber, boolean approved,
                             String reason, Instant submittedAt, Instant decidedAt, String addressee,
                             String departmentName, String departmentPhone) {

    public DecisionNotice {
        Objects.requireNonNull(procedureSlug, "procedureSlug");
        Objects.requireNonNull(procedureTitleJa, "procedureTitleJa");
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (!approved && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection notice needs its reason");
        }
    }
}
