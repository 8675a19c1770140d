package org.machi.procedures.receipts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.machi.shared.SiteLanguage;

/**
 * What a PDF receipt (受付控え) shows. All strings are plain text as the resident typed them or the
 * catalog holds them: nothing is interpreted as markup.
 *
 * @param receiptNumber     the receipt number as printed, e.g. {@code 2026-000123-4}
 * @param procedureTitle    the procedure's title in the receipt's language
 * @param procedureTitleJa  the procedure's title in Japanese, the reference staff read
 * @param submittedAt       when the application was submitted
 * @param language          the resident's language: labels, the footer and dates follow it
 * @param answers           each question with its answer, in the order of the form
 * @param feeLine           the fee and how it is paid, e.g. "300円（窓口で現金）"; null or blank: no fee line
 * @param departmentLine    the department that handles it with its phone, e.g. "市民課 046-225-2140"
 */
public record Receipt(String receiptNumber, String procedureTitle, String procedureTitleJa, Instant submittedAt,
                      SiteLanguage language, List<Line> answers, String feeLine, String departmentLine) {

    public Receipt {
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(procedureTitleJa, "procedureTitleJa");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(language, "language");
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** One question of the form and the resident's answer (several lines allowed; blank: not answered). */
    public record Line(String question, String answer) {
    }
}
