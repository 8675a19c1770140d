package org.machi.procedures.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.shared.pdf.PdfFonts;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The receipt PDF read back with PDFBox's own text extraction, as a reader's copy-and-paste or search would see it. */
class ReceiptPdfTests {

    static final CityProfile CITY = new CityProfile("142123", Map.of("ja", "厚木市", "en", "Atsugi City", "ko", "아쓰기시"),
            "あつぎし", Map.of("ja", "神奈川県", "en", "Kanagawa"), URI.create("https://www.city.atsugi.kanagawa.jp"),
            "046-223-1511", null, Map.of("ja", "厚木市中町3-17-17", "en", "3-17-17 Nakacho"), ZoneId.of("Asia/Tokyo"),
            null, null, List.of(), Duration.ofDays(1));

    static final Instant SUBMITTED = Instant.parse("2026-04-01T01:30:00Z"); // 10:30 in Atsugi

    final ReceiptPdf pdf = new ReceiptPdf(messages(), CITY);

    @Test
    void theNumberAJapaneseAnswerAndTheDatesAreInTheText() throws IOException {
        String text = text(pdf.render(receipt(SiteLanguage.JA, List.of(
                new Receipt.Line("申込品目", "粗大ごみ（たんす）"),
                new Receipt.Line("収集場所の住所", "厚木市中町三丁目17番17号")))));
        assertThat(text).contains("受付控え", "厚木市", "2026-000123-4", "粗大ごみ収集申込", "粗大ごみ（たんす）",
                "厚木市中町三丁目17番17号", "2026年4月1日 10:30", "令和8年4月1日", "500円", "環境センター 046-225-2790",
                "この控えは、申請を受け付けたことの記録です。");
        assertThat(text).doesNotContain("\uFFFD");
    }

    @Test
    void aResidentsLanguageStandsBesideTheJapanese() throws IOException {
        String text = text(pdf.render(new Receipt("2026-000123-4", "Bulky waste collection", "粗大ごみ収集申込", SUBMITTED,
                SiteLanguage.EN, List.of(new Receipt.Line("Item", "Wardrobe")), null, "Environment Center 046-225-2790")));
        assertThat(text).contains("受付控え  Receipt record", "厚木市 / Atsugi City", "受付番号 / Receipt number",
                "Bulky waste collection", "粗大ごみ収集申込", "2026-04-01 10:30 Japan time (令和8年4月1日 in the Japanese calendar)",
                "This is a record that your application was received. It is not a decision on it.", "Page 1 of 1");
        assertThat(text).doesNotContain("手数料"); // no fee line when there is none
    }

    @Test
    void koreanVietnameseChineseAndPortugueseAnswersComeBackAsTyped() throws IOException {
        List<Receipt.Line> answers = List.of(
                new Receipt.Line("주소", "아쓰기시 나카초 한국어 입력 확인"),
                new Receipt.Line("Họ và tên", "Nguyễn Thị Hương, phường Đống Đa"),
                new Receipt.Line("地址", "请确认这个证明"),
                new Receipt.Line("Endereço", "Rua São João, ação, coração; señor Muñoz ¿qué? ¡sí!"));
        for (SiteLanguage language : List.of(SiteLanguage.KO, SiteLanguage.VI, SiteLanguage.ZH_CN, SiteLanguage.PT_BR)) {
            String text = text(pdf.render(receipt(language, answers)));
            assertThat(text).as(language.code()).contains("아쓰기시 나카초 한국어 입력 확인", "Nguyễn Thị Hương, phường Đống Đa",
                    "请确认这个证明", "Rua São João, ação, coração; señor Muñoz ¿qué? ¡sí!").doesNotContain("\uFFFD");
        }
    }

    @Test
    void vietnameseTypedWithCombiningMarksIsPrintedComposed() throws IOException {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Hương", java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Nguyễn Hương");
        String text = text(pdf.render(receipt(SiteLanguage.VI, List.of(new Receipt.Line("Họ và tên", decomposed)))));
        assertThat(text).contains("Nguyễn Hương").doesNotContain("\uFFFD");
    }

    @Test
    void everyLabelOfEveryLanguageHasItsGlyphs() {
        PdfFonts fonts = PdfFonts.shared();
        ResourceBundleMessageSource messages = messages();
        List<String> missing = new ArrayList<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            for (String key : List.of("title", "number", "submittedAt", "submittedAt.value", "procedure", "answers",
                    "notAnswered", "fee", "department", "footer", "page")) {
                String message = messages.getMessage("receipt.pdf." + key, new Object[] {"2026-04-01 10:30", "令和8年4月1日"}, language.locale());
                message.codePoints().filter(cp -> fonts.drawable(cp) != cp)
                        .forEach(cp -> missing.add(language.code() + " " + key + " U+" + Integer.toHexString(cp)));
            }
            CITY.name(language).codePoints().filter(cp -> fonts.drawable(cp) != cp).forEach(cp -> missing.add("city " + cp));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aCharacterNoFontHasIsShownAsAReplacementNeverDropped() throws IOException {
        // U+1F5FE (map of Japan) and U+10348 (Gothic hwair) are in neither font; a control character is never drawn
        String text = text(pdf.render(receipt(SiteLanguage.JA, List.of(
                new Receipt.Line("備考", "前\uD83D\uDDFE後 \uD800\uDF48 ベル\u0007")))));
        assertThat(text).contains("前\uFFFD後 \uFFFD ベル\uFFFD");
    }

    @Test
    void markupIsPrintedAsTheTextItIs() throws IOException {
        String text = text(pdf.render(receipt(SiteLanguage.JA, List.of(
                new Receipt.Line("<b>質問</b>", "<script>alert(1)</script> & <img src=x onerror=alert(2)> &amp;")))));
        assertThat(text).contains("<b>質問</b>", "<script>alert(1)</script> & <img src=x onerror=alert(2)> &amp;");
    }

    @Test
    void aLongAnswerWrapsAndStaysWhole() throws IOException {
        String japanese = "厚木市中町三丁目十七番十七号の集合住宅の前にある道路沿いの集積所に、指定の日の朝八時までに出してください。".repeat(3);
        String latin = "Please collect the wardrobe and the two chairs from the entrance of the apartment building near the station. ".repeat(3).strip();
        String text = text(pdf.render(receipt(SiteLanguage.EN, List.of(new Receipt.Line("Note", japanese), new Receipt.Line("Note 2", latin)))));
        List<String> lines = text.lines().toList();
        List<String> japaneseLines = lines.stream().filter(l -> l.contains("集合住宅") || l.contains("集積所") || l.contains("八時")).toList();
        assertThat(japaneseLines).hasSizeGreaterThan(2);
        assertThat(lines.stream().dropWhile(l -> !l.startsWith("厚木市中町三丁目")).takeWhile(l -> !l.equals("Note 2")).reduce("", String::concat))
                .isEqualTo(japanese);
        // the Latin text breaks at spaces: the lines joined with a space give the text back, every line ends on a whole word
        List<String> latinLines = lines.stream().dropWhile(l -> !l.startsWith("Please collect")).takeWhile(l -> !l.startsWith("手数料")).toList();
        assertThat(latinLines).hasSizeGreaterThan(2);
        assertThat(String.join(" ", latinLines)).isEqualTo(latin);
    }

    @Test
    void aLongListOfAnswersBreaksIntoPagesEachWithTheFooter() throws IOException {
        List<Receipt.Line> answers = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            answers.add(new Receipt.Line("子ども" + i + "の氏名", "厚木 太郎" + i));
        }
        byte[] bytes = pdf.render(receipt(SiteLanguage.JA, answers));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("2026-000123-4", page + " / " + pages + " ページ",
                        "審査の結果（決定）ではありません。");
            }
            String all = new PDFTextStripper().getText(document);
            for (int i = 1; i <= 120; i++) {
                assertThat(all).contains("子ども" + i + "の氏名\n厚木 太郎" + i + "\n");
            }
        }
    }

    @Test
    void theFontsAreEmbeddedSubsetsOnAnA4Page() throws IOException {
        byte[] bytes = pdf.render(receipt(SiteLanguage.KO, List.of(new Receipt.Line("주소", "아쓰기시"))));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
            Set<String> names = new TreeSet<>();
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                names.add(font.getName());
            }
            assertThat(names).anyMatch(n -> n.endsWith("+IPAexGothic")).anyMatch(n -> n.endsWith("+WenQuanYiMicroHei"));
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ko");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("受付控え 2026-000123-4");
        }
        // a subset, not the 6 MB font file
        assertThat(bytes.length).isLessThan(400_000);
    }

    @Test
    void theFileNameAndContentTypeForServingIt() {
        assertThat(ReceiptPdf.filename("2026-000123-4")).isEqualTo("uketsuke-2026-000123-4.pdf");
        assertThat(ReceiptPdf.filename("../../etc/passwd\r\n")).isEqualTo("uketsuke-etcpasswd.pdf");
        assertThat(ReceiptPdf.CONTENT_TYPE).isEqualTo("application/pdf");
        assertThat(new String(pdf.render(receipt(SiteLanguage.JA, List.of())), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    static Receipt receipt(SiteLanguage language, List<Receipt.Line> answers) {
        return new Receipt("2026-000123-4", language == SiteLanguage.JA ? "粗大ごみ収集申込" : "Bulky waste / 粗大ごみ",
                "粗大ごみ収集申込", SUBMITTED, language, answers, "500円（コンビニで処理券を購入）", "環境センター 046-225-2790");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/procedures-receipts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
