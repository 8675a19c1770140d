package org.machi.procedures.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.shared.pdf.PageWriter;
import org.machi.shared.pdf.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt of an application (受付控え) as a PDF: A4, black text on white, nothing at less than
 * 10 pt, so that it reads the same printed in black and white. Labels are in Japanese with the
 * resident's language beside them, because the resident may hand the paper to the counter; the
 * answers are printed as the resident typed them, as text (markup is never interpreted).
 */
@Component
public class ReceiptPdf {

    /** The content type to serve a receipt with. */
    public static final String CONTENT_TYPE = "application/pdf";

    private static final DateTimeFormatter JAPANESE_DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm", Locale.JAPAN);
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
            .withChronology(JapaneseChronology.INSTANCE);

    private final MessageSource messages;
    private final CityProfile city;

    public ReceiptPdf(MessageSource messages, CityProfile city) {
        this.messages = messages;
        this.city = city;
    }

    /** The name to offer when the resident saves the receipt, e.g. {@code uketsuke-2026-000123-4.pdf}. */
    public static String filename(String receiptNumber) {
        String safe = receiptNumber == null ? "" : receiptNumber.replaceAll("[^0-9A-Za-z-]", "");
        return "uketsuke-" + (safe.isEmpty() ? "receipt" : safe) + ".pdf";
    }

    public byte[] render(Receipt receipt) {
        // the font files are read when the first document is made, not at every start of the application
        try (PDDocument document = new PDDocument(); PdfFonts.Loaded loaded = PdfFonts.shared().load(document)) {
            describe(document, receipt);
            PageWriter page = PageWriter.start(document, loaded, FOOTER_TOP + 8);
            write(page, receipt);
            page.finish();
            footers(document, loaded, receipt);
            return PageWriter.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt could not be written", e);
        }
    }

    private void write(PageWriter page, Receipt receipt) throws IOException {
        SiteLanguage language = receipt.language();
        page.text(bilingual("receipt.pdf.title", language, "  "), 18, 0);
        page.text(besideJapanese(city.name(SiteLanguage.JA), city.name(language), " / "), 12, 0);
        page.gap(6);
        page.rule();

        page.text(bilingual("receipt.pdf.number", language, " / "), 10, 0);
        page.text(receipt.receiptNumber(), 24, 0);
        page.gap(4);

        page.text(bilingual("receipt.pdf.submittedAt", language, " / "), 10, 0);
        page.text(submittedAt(receipt), 11, 0);
        page.gap(4);

        page.text(bilingual("receipt.pdf.procedure", language, " / "), 10, 0);
        String title = receipt.procedureTitle() == null || receipt.procedureTitle().isBlank()
                ? receipt.procedureTitleJa() : receipt.procedureTitle();
        page.text(title, 12, 0);
        if (!title.equals(receipt.procedureTitleJa())) {
            page.text(receipt.procedureTitleJa(), 11, 0);
        }
        page.gap(6);
        page.rule();

        page.text(bilingual("receipt.pdf.answers", language, " / "), 12, 0);
        page.gap(2);
        String notAnswered = message("receipt.pdf.notAnswered", language);
        for (Receipt.Line line : receipt.answers()) {
            String answer = line.answer() == null || line.answer().isBlank() ? notAnswered : line.answer();
            page.keepTogether(line.question(), 10, 11);
            page.text(line.question() == null ? "" : line.question(), 10, 0);
            page.text(answer, 11, ANSWER_INDENT);
            page.gap(5);
        }
        page.rule();
        if (receipt.feeLine() != null && !receipt.feeLine().isBlank()) {
            page.text(bilingual("receipt.pdf.fee", language, " / "), 10, 0);
            page.text(receipt.feeLine(), 11, ANSWER_INDENT);
            page.gap(4);
        }
        if (receipt.departmentLine() != null && !receipt.departmentLine().isBlank()) {
            page.text(bilingual("receipt.pdf.department", language, " / "), 10, 0);
            page.text(receipt.departmentLine(), 11, ANSWER_INDENT);
        }
    }

    private void footers(PDDocument document, PdfFonts.Loaded loaded, Receipt receipt) throws IOException {
        SiteLanguage language = receipt.language();
        String notice = message("receipt.pdf.footer", language);
        String japanese = message("receipt.pdf.footer", SiteLanguage.JA);
        PageWriter.footers(document, loaded, FOOTER_TOP, (footer, page, pages) -> {
            footer.rule();
            footer.text(japanese, 10, 0);
            if (!notice.equals(japanese)) {
                footer.text(notice, 10, 0);
            }
            footer.text(receipt.receiptNumber() + "    " + message("receipt.pdf.page", language, page, pages), 10, 0);
        });
    }

    private void describe(PDDocument document, Receipt receipt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(message("receipt.pdf.title", SiteLanguage.JA) + " " + receipt.receiptNumber());
        info.setAuthor(city.name(SiteLanguage.JA));
        info.setCreator("Machi");
        Calendar created = GregorianCalendar.from(receipt.submittedAt().atZone(city.timeZone()));
        created.setTimeZone(TimeZone.getTimeZone(city.timeZone()));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage(receipt.language().htmlLang());
    }

    private String submittedAt(Receipt receipt) {
        ZonedDateTime at = receipt.submittedAt().atZone(city.timeZone());
        boolean japanese = receipt.language() == SiteLanguage.JA || receipt.language() == SiteLanguage.JA_EASY;
        String western = (japanese ? JAPANESE_DATE_TIME : ISO_DATE_TIME).format(at);
        return message("receipt.pdf.submittedAt.value", receipt.language(), western, WAREKI.format(at.toLocalDate()));
    }

    /** The Japanese text, and the resident's beside it where it says something else. */
    private String bilingual(String key, SiteLanguage language, String separator) {
        return besideJapanese(message(key, SiteLanguage.JA), message(key, language), separator);
    }

    private static String besideJapanese(String japanese, String other, String separator) {
        return other == null || other.equals(japanese) ? japanese : japanese + separator + other;
    }

    private String message(String key, SiteLanguage language, Object... arguments) {
        return messages.getMessage(key, arguments, language.locale());
    }

    private static final float FOOTER_TOP = 112;
    private static final float ANSWER_INDENT = 14;
}
