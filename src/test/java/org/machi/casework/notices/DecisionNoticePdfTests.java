package org.machi.casework.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.machi.shared.CityProfile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The decision notice read back with PDFBox's text extraction, as a search or a screen reader sees it. */
class DecisionNoticePdfTests {

    static final CityProfile CITY = new CityProfile("142123", Map.of("ja", "厚木市", "en", "Atsugi City"),
            "あつぎし", Map.of("ja", "神奈川県", "en", "Kanagawa"), URI.create("https://www.city.atsugi.kanagawa.jp"),
            "046-223-1511", null, Map.of("ja", "厚木市中町3-17-17", "en", "3-17-17 Nakacho"), ZoneId.of("Asia/Tokyo"),
            null, null, List.of(), Duration.ofDays(1));

    static final Instant SUBMITTED = Instant.parse("2026-03-19T15:30:00Z"); // 3月20日 0:30 in Atsugi
    static final Instant DECIDED = Instant.parse("2026-04-09T23:00:00Z"); // 4月10日 8:00 in Atsugi

    final DecisionNoticePdf pdf = new DecisionNoticePdf(CITY, new NoticeTemplates());

    @Test
    void anApprovalOfTheBenefitUsesItsOwnTemplateInTheOfficialStyle() throws IOException {
        String text = text(pdf.render(notice("kyufukin", true, null)));
        assertThat(text.replace("\n", "")).contains(
                "令和8年3月20日付けで申請のあった住民税非課税世帯等への給付金の申請について、下記のとおり支給することに決定したので通知します。");
        assertThat(text.lines()).startsWith("令和8年4月10日", "厚木 花子　様", "厚木市長", "給付金支給決定通知書");
        assertThat(text).contains("\n記\n", "１　受付番号", "2026-000123-4", "２　申請の名称", "３　申請日", "４　決定の内容", "支給する",
                "申請書に記載された口座へ振り込みます", "【お問い合わせ先】福祉総務課　電話 046-225-2201", "1 / 1 ページ");
        assertThat(text).doesNotContain("理由", "教示", "不支給", "{", "\uFFFD");
    }

    @Test
    void aRejectionGivesTheReasonAsWrittenAndTellsHowToAskForAReview() throws IOException {
        String reason = "同じ世帯の世帯主から、既に申請を受け付けています（受付番号 2026-000100-7）。\n世帯あたり1回の支給です。";
        String text = text(pdf.render(notice("kyufukin", false, reason))).replace("\n", "");
        assertThat(text).contains("給付金不支給決定通知書", "下記の理由により支給しないことに決定したので通知します。", "支給しない",
                "５　理由", "同じ世帯の世帯主から、既に申請を受け付けています（受付番号", "世帯あたり1回の支給です。", "（教示）",
                "3か月以内に、厚木市長に対して審査請求をすることができます。", "厚木市を被告として");
        assertThat(text).doesNotContain("振り込みます", "{");
    }

    @Test
    void aProcedureWithoutATemplateOfItsOwnGetsTheDefaultOne() throws IOException {
        String approved = flat(pdf.render(new DecisionNotice("risai", "罹災証明書 交付申請", "2026-000200-1", true, null,
                SUBMITTED, DECIDED, null, "市民税課", "046-225-2040")));
        assertThat(approved).contains("罹災証明書 交付申請の決定通知書", "申請者　様", "承認することに決定したので通知します。", "承認");
        String rejected = flat(pdf.render(new DecisionNotice("../kyufukin", "罹災証明書 交付申請", "2026-000200-1", false,
                "被害の確認ができませんでした。", SUBMITTED, DECIDED, null, "市民税課", null)));
        assertThat(rejected).contains("罹災証明書 交付申請の決定通知書", "承認しないことに決定した", "不承認", "被害の確認ができませんでした。", "（教示）")
                .doesNotContain("給付金", "電話");
    }

    @Test
    void aRejectionWithoutAReasonCannotBeWritten() {
        assertThatThrownBy(() -> notice("kyufukin", false, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markupInTheReasonIsPrintedAsTheTextItIs() throws IOException {
        String text = text(pdf.render(notice("kyufukin", false, "<b>所得</b> & <script>alert(1)</script> {city}")));
        assertThat(text).contains("<b>所得</b> & <script>alert(1)</script> {city}");
    }

    @Test
    void aLongReasonFlowsOntoASecondPageThatKeepsTheFooter() throws IOException {
        String reason = "申請書に記載された世帯の状況と住民基本台帳の記録とが一致しないため、支給の要件を満たすことが確認できませんでした。\n".repeat(40);
        byte[] bytes = pdf.render(notice("kyufukin", false, reason));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("受付番号 2026-000123-4", page + " / " + pages + " ページ");
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("給付金不支給決定通知書 2026-000123-4");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ja");
        }
    }

    @Test
    void theFirstYearOfAnEraIsWrittenAsGannen() {
        assertThat(OfficialDates.wareki(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(OfficialDates.wareki(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(OfficialDates.wareki(LocalDate.of(2026, 12, 1))).isEqualTo("令和8年12月1日");
    }

    @Test
    void everyTemplateShippedReadsWithEveryKeyAndOnlyKnownPlaceholders() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + NoticeTemplates.FOLDER + "*.properties");
        assertThat(files).extracting(Resource::getFilename).contains("default.properties", "kyufukin.properties");
        for (Resource file : files) {
            String name = file.getFilename().replace(".properties", "");
            NoticeTemplate template = NoticeTemplates.load(name);
            assertThat(template.rejected().remedy()).as(name).isNotBlank();
        }
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderOrWithoutItsRemedyIsRefusedWhenRead() throws IOException {
        Properties unknown = complete();
        unknown.setProperty("approved.body", "{name}様の申請について");
        assertThatThrownBy(() -> NoticeTemplate.read("broken", unknown)).hasMessageContaining("{name}").hasMessageContaining("approved.body");
        Properties noRemedy = complete();
        noRemedy.remove("rejected.remedy");
        assertThatThrownBy(() -> NoticeTemplate.read("broken", noRemedy)).hasMessageContaining("rejected.remedy");
    }

    private static Properties complete() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(String.join("\n", "approved.title=t", "approved.body=b", "approved.decision=d",
                "rejected.title=t", "rejected.body=b", "rejected.decision=d", "rejected.remedy=r")));
        return properties;
    }

    static DecisionNotice notice(String slug, boolean approved, String reason) {
        return new DecisionNotice(slug, "住民税非課税世帯等への給付金の申請", "2026-000123-4", approved, reason, SUBMITTED, DECIDED,
                "厚木 花子", "福祉総務課", "046-225-2201");
    }

    static String flat(byte[] pdf) throws IOException {
        return text(pdf).replace("\n", "");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
