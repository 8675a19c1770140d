package org.machi.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The page writer read back with PDFBox: where lines stand, and that a long text flows onto pages with footers. */
class PageWriterTests {

    @Test
    void aRightAlignedLineEndsAtTheRightMarginAndACentredOneStandsInTheMiddle() throws IOException {
        byte[] bytes = document(writer -> {
            writer.centred("通知書", 18);
            writer.right("令和8年4月1日", 11);
            writer.text("本文", 11, 0);
        });
        List<TextPosition> positions = positions(bytes);
        float right = PDRectangle.A4.getWidth() - PageWriter.MARGIN;
        TextPosition lastOfDate = positions.stream().filter(p -> p.getUnicode().equals("日")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastOfDate.getXDirAdj() + lastOfDate.getWidthDirAdj()).isCloseTo(right, within(1.5f));
        TextPosition first = positions.stream().filter(p -> p.getUnicode().equals("通")).findFirst().orElseThrow();
        TextPosition last = positions.stream().filter(p -> p.getUnicode().equals("書")).findFirst().orElseThrow();
        float middle = (first.getXDirAdj() + last.getXDirAdj() + last.getWidthDirAdj()) / 2;
        assertThat(middle).isCloseTo(PDRectangle.A4.getWidth() / 2, within(1.5f));
        TextPosition body = positions.stream().filter(p -> p.getUnicode().equals("本")).findFirst().orElseThrow();
        assertThat(body.getXDirAdj()).isCloseTo(PageWriter.MARGIN, within(0.5f));
    }

    @Test
    void aLongTextFlowsOntoNewPagesAndEveryPageGetsItsFooter() throws IOException {
        byte[] bytes = document(writer -> {
            for (int i = 1; i <= 100; i++) {
                writer.text("行" + i, 12, 0);
            }
        });
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains(page + "/" + pages);
            }
            String all = new PDFTextStripper().getText(document);
            for (int i = 1; i <= 100; i++) {
                assertThat(all).contains("行" + i + "\n");
            }
        }
    }

    interface Body {
        void write(PageWriter writer) throws IOException;
    }

    private static byte[] document(Body body) throws IOException {
        try (PDDocument document = new PDDocument(); PdfFonts.Loaded fonts = PdfFonts.shared().load(document)) {
            PageWriter writer = PageWriter.start(document, fonts, 80);
            body.write(writer);
            writer.finish();
            PageWriter.footers(document, fonts, 60, (footer, page, pages) -> footer.right(page + "/" + pages, 10));
            return PageWriter.bytes(document);
        }
    }

    private static List<TextPosition> positions(byte[] bytes) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> textPositions) {
                    positions.addAll(textPositions);
                }
            };
            stripper.getText(document);
        }
        return positions;
    }
}
