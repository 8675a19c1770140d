package org.machi.casework.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.shared.pdf.PageWriter;
import org.machi.shared.pdf.PdfFonts;
import org.springframework.stereotype.Component;

/**
 * The decision notice (決定通知書) as a PDF in the official style of a Japanese municipality: the
 * date and the issuer (市長) flush right, the addressee (様), the title centred, the opening
 * paragraph, the list under 記 (receipt number, procedure, date of application, decision and, for
 * a rejection, its reason), the procedure's closing paragraphs, for a rejection the 教示 (how to ask
 * for a review), and the department to ask in the footer. Japanese only, as official notices are;
 * texts come from the procedure's template ({@code casework/notices/}). A4, black on white, 10.5 pt
 * and more.
 */
@Component
public class DecisionNoticePdf {

    public static final String CONTENT_TYPE = "application/pdf";

    private static final float BODY = 10.5f;
    private static final float FOOTER_TOP = 84;
    private static final float LIST_INDENT = 21;
    private static final float VALUE_INDENT = 105;

    private final CityProfile city;
    private final NoticeTemplates templates;

    DecisionNoticePdf(CityProfile city, NoticeTemplates templates) {
        this.city = city;
        this.templates = templates;
    }

    /** The name to offer when the notice is saved, e.g. {@code tsuchisho-2026-000123-4.pdf}. */
    public static String filename(String receiptNumber) {
        String safe = receiptNumber == null ? "" : receiptNumber.replaceAll("[^0-9A-Za-z-]", "");
        return "tsuchisho-" + (safe.isEmpty() ? "notice" : safe) + ".pdf";
    }

    public byte[] render(DecisionNotice notice) {
        NoticeTemplate.Part part = texts(notice);
        try (PDDocument document = new PDDocument(); PdfFonts.Loaded fonts = PdfFonts.shared().load(document)) {
            describe(document, notice, part);
            PageWriter page = PageWriter.start(document, fonts, FOOTER_TOP + 8);
            write(page, notice, part);
            page.finish();
            footers(document, fonts, notice);
            return PageWriter.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the decision notice could not be written", e);
        }
    }

    /** The template's texts for this decision, with the placeholders filled. */
    NoticeTemplate.Part texts(DecisionNotice notice) {
        NoticeTemplate template = templates.forProcedure(notice.procedureSlug());
        Map<String, String> values = Map.of(
                "city", city.name(SiteLanguage.JA),
                "mayor", mayor(),
                "procedure", notice.procedureTitleJa(),
                "receiptNumber", notice.receiptNumber(),
                "submittedOn", date(notice.submittedAt()),
                "decidedOn", date(notice.decidedAt()));
        return (notice.approved() ? template.approved() : template.rejected()).fill(values);
    }

    private void write(PageWriter page, DecisionNotice notice, NoticeTemplate.Part part) throws IOException {
        page.right(date(notice.decidedAt()), BODY);
        page.gap(BODY);
        String addressee = notice.addressee() == null || notice.addressee().isBlank() ? "申請者" : notice.addressee().strip();
        page.text(addressee + "　様", 12, 0);
        page.gap(BODY);
        page.right(mayor(), 12);
        page.gap(BODY * 2);
        page.centred(part.title(), 16);
        page.gap(BODY * 1.5f);
        page.text(part.body(), BODY, 0);
        page.gap(BODY);
        page.centred("記", BODY);
        page.gap(BODY / 2);

        List<String[]> items = new ArrayList<>();
        items.add(new String[] {"受付番号", notice.receiptNumber()});
        items.add(new String[] {"申請の名称", notice.procedureTitleJa()});
        items.add(new String[] {"申請日", date(notice.submittedAt())});
        items.add(new String[] {"決定の内容", part.decision()});
        if (!notice.approved()) {
            items.add(new String[] {"理由", notice.reason().strip()});
        }
        int number = 1;
        for (String[] item : items) {
            page.labelled(toFullWidth(number++) + "　" + item[0], LIST_INDENT, item[1], VALUE_INDENT, BODY);
            page.gap(BODY / 2);
        }
        if (!part.closing().isBlank()) {
            page.gap(BODY);
            page.text(part.closing(), BODY, 0);
        }
        if (!part.remedy().isBlank()) {
            page.gap(BODY);
            page.keepTogether("（教示）", BODY, BODY);
            page.text("（教示）", BODY, 0);
            page.text(part.remedy(), BODY, 0);
        }
    }

    private void footers(PDDocument document, PdfFonts.Loaded fonts, DecisionNotice notice) throws IOException {
        String enquiries = "【お問い合わせ先】" + (notice.departmentName() == null ? city.name(SiteLanguage.JA) : notice.departmentName())
                + (notice.departmentPhone() == null || notice.departmentPhone().isBlank() ? "" : "　電話 " + notice.departmentPhone());
        PageWriter.footers(document, fonts, FOOTER_TOP, (footer, page, pages) -> {
            footer.rule();
            footer.text(enquiries, 10, 0);
            footer.text("受付番号 " + notice.receiptNumber() + "　　" + page + " / " + pages + " ページ", 10, 0);
        });
    }

    private void describe(PDDocument document, DecisionNotice notice, NoticeTemplate.Part part) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(part.title() + " " + notice.receiptNumber());
        info.setAuthor(mayor());
        info.setCreator("Machi");
        Calendar created = GregorianCalendar.from(notice.decidedAt().atZone(city.timeZone()));
        created.setTimeZone(TimeZone.getTimeZone(city.timeZone()));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("ja");
    }

    private String mayor() {
        return city.name(SiteLanguage.JA) + "長";
    }

    private String date(Instant instant) {
        return OfficialDates.wareki(instant.atZone(city.timeZone()).toLocalDate());
    }

    private static String toFullWidth(int number) {
        StringBuilder digits = new StringBuilder();
        Integer.toString(number).chars().forEach(c -> digits.append((char) ('０' + (c - '0'))));
        return digits.toString();
    }
}
