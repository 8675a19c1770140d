package org.machi.procedures.receipts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
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
    private volatile ReceiptFonts fonts;

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
        try (PDDocument document = new PDDocument(); ReceiptFonts.Loaded loaded = fonts().load(document)) {
            describe(document, receipt);
            Page page = new Page(document, loaded);
            write(page, receipt);
            page.finish();
            footers(document, loaded, receipt);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt could not be written", e);
        }
    }

    /** The font files are read when the first receipt is made, not at every start of the application. */
    private ReceiptFonts fonts() {
        ReceiptFonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = new ReceiptFonts();
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    private void write(Page page, Receipt receipt) throws IOException {
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

    private void footers(PDDocument document, ReceiptFonts.Loaded loaded, Receipt receipt) throws IOException {
        SiteLanguage language = receipt.language();
        String notice = message("receipt.pdf.footer", language);
        String japanese = message("receipt.pdf.footer", SiteLanguage.JA);
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage pdfPage = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, pdfPage, PDPageContentStream.AppendMode.APPEND, true, true)) {
                Page footer = new Page(document, loaded, pdfPage, stream, FOOTER_TOP);
                footer.rule();
                footer.text(japanese, 10, 0);
                if (!notice.equals(japanese)) {
                    footer.text(notice, 10, 0);
                }
                footer.text(receipt.receiptNumber() + "    " + message("receipt.pdf.page", language, i + 1, count), 10, 0);
            }
        }
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

    private static final float MARGIN = 50;
    private static final float FOOTER_TOP = 112;
    private static final float ANSWER_INDENT = 14;
    private static final float LEADING = 1.45f;

    /** A cursor that writes wrapped lines down the page and starts a new page when one is full. */
    private final class Page {

        private final PDDocument document;
        private final ReceiptFonts.Loaded fonts;
        private final LineWrapper wrapper;
        private final float bottom;
        private PDPageContentStream stream;
        private float y;
        private float size;

        Page(PDDocument document, ReceiptFonts.Loaded fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            this.wrapper = new LineWrapper(text -> fonts.width(text, size));
            this.bottom = FOOTER_TOP + 8;
            newPage();
        }

        /** Writes into a page that exists already, from {@code top} down (the footer). */
        Page(PDDocument document, ReceiptFonts.Loaded fonts, PDPage page, PDPageContentStream stream, float top) {
            this.document = document;
            this.fonts = fonts;
            this.wrapper = new LineWrapper(text -> fonts.width(text, size));
            this.bottom = 0;
            this.stream = stream;
            this.y = top;
        }

        void text(String text, float fontSize, float indent) throws IOException {
            for (String line : lines(text, fontSize, indent)) {
                float height = fontSize * LEADING;
                if (y - height < bottom) {
                    newPage();
                }
                y -= height;
                draw(line, fontSize, MARGIN + indent, y + fontSize * (LEADING - 1) / 2);
            }
        }

        /** Starts a new page unless the question and the first line of its answer fit on this one. */
        void keepTogether(String question, float questionSize, float answerSize) throws IOException {
            float needed = lines(question == null ? "" : question, questionSize, 0).size() * questionSize * LEADING
                    + answerSize * LEADING;
            if (y - needed < bottom) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void rule() throws IOException {
            y -= 4;
            stream.setLineWidth(0.75f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
            stream.stroke();
            y -= 6;
        }

        void finish() throws IOException {
            stream.close();
        }

        private List<String> lines(String text, float fontSize, float indent) {
            size = fontSize;
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            String clean = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\t', ' ');
            return clean.lines().flatMap(paragraph -> wrapper.wrap(paragraph, width).stream()).toList();
        }

        private void draw(String line, float fontSize, float x, float baseline) throws IOException {
            if (line.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.newLineAtOffset(x, baseline);
            for (ReceiptFonts.Run run : ReceiptPdf.this.fonts().runs(line)) {
                stream.setFont(fonts.font(run.font()), fontSize);
                stream.showText(run.text());
            }
            stream.endText();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            stream.setNonStrokingColor(0f);
            stream.setStrokingColor(0f);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }
}
