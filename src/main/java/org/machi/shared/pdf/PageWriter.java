package org.machi.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A cursor that writes wrapped lines of plain text down an A4 page, black on white, and starts a
 * new page when one is full. Text is never interpreted as markup; it is normalised to NFC (so that
 * Vietnamese typed with combining marks prints composed) and tabs become spaces. Lines may be set
 * flush left (with an indent), flush right or centred.
 */
public final class PageWriter {

    /** The page's left and right margin, and the top margin of a new page, in points. */
    public static final float MARGIN = 50;
    /** The height of a line as a multiple of its font size. */
    public static final float LEADING = 1.45f;

    /** Writes the footer of one page; {@code page} counts from 1. */
    @FunctionalInterface
    public interface Footer {
        void write(PageWriter footer, int page, int pages) throws IOException;
    }

    private enum Align { LEFT, RIGHT, CENTRE }

    private final PDDocument document;
    private final PdfFonts.Loaded fonts;
    private final LineWrapper wrapper;
    private final float bottom;
    private PDPageContentStream stream;
    private float y;
    private float size;

    private PageWriter(PDDocument document, PdfFonts.Loaded fonts, float bottom) {
        this.document = document;
        this.fonts = fonts;
        this.wrapper = new LineWrapper(text -> fonts.width(text, size));
        this.bottom = bottom;
    }

    /**
     * Starts the first page of {@code document}.
     *
     * @param bottom the lowest a line may reach, in points from the bottom edge (keep room for a footer)
     */
    public static PageWriter start(PDDocument document, PdfFonts.Loaded fonts, float bottom) throws IOException {
        PageWriter writer = new PageWriter(document, fonts, bottom);
        writer.newPage();
        return writer;
    }

    /**
     * Writes a footer on every page of a finished document, from {@code top} (points from the
     * bottom edge) down, after the body is written so that it can say "page 2 of 3".
     */
    public static void footers(PDDocument document, PdfFonts.Loaded fonts, float top, Footer footer) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                PageWriter writer = new PageWriter(document, fonts, 0);
                writer.stream = stream;
                writer.y = top;
                footer.write(writer, i + 1, count);
            }
        }
    }

    /** The document as the bytes of a PDF file. */
    public static byte[] bytes(PDDocument document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be written", e);
        }
    }

    /** Writes {@code text} flush left, wrapped; each line of the text starts a new line. */
    public void text(String text, float fontSize, float indent) throws IOException {
        write(text, fontSize, indent, Align.LEFT);
    }

    /** Writes {@code text} flush right (a date, the issuer of a notice). */
    public void right(String text, float fontSize) throws IOException {
        write(text, fontSize, 0, Align.RIGHT);
    }

    /** Writes {@code text} centred (a title). */
    public void centred(String text, float fontSize) throws IOException {
        write(text, fontSize, 0, Align.CENTRE);
    }

    /**
     * Writes a label and its value side by side (an item of a list under 記, a line of a summary):
     * the label from {@code labelIndent}, the value from {@code valueIndent}, each wrapped within its
     * column; the pair is kept on one page where it fits on one.
     */
    public void labelled(String label, float labelIndent, String value, float valueIndent, float fontSize) throws IOException {
        float labelWidth = valueIndent - labelIndent - fontSize / 2;
        List<String> labels = lines(label, fontSize, PDRectangle.A4.getWidth() - 2 * MARGIN - labelWidth);
        List<String> values = lines(value, fontSize, valueIndent);
        int rows = Math.max(labels.size(), values.size());
        float height = fontSize * LEADING;
        if (y - rows * height < bottom && rows * height <= PDRectangle.A4.getHeight() - 2 * MARGIN - bottom) {
            newPage();
        }
        for (int row = 0; row < rows; row++) {
            if (y - height < bottom) {
                newPage();
            }
            y -= height;
            float baseline = y + fontSize * (LEADING - 1) / 2;
            if (row < labels.size()) {
                draw(labels.get(row), fontSize, MARGIN + labelIndent, baseline);
            }
            if (row < values.size()) {
                draw(values.get(row), fontSize, MARGIN + valueIndent, baseline);
            }
        }
    }

    /**
     * Starts a new page unless {@code first} and one line at {@code nextSize} after it fit on this
     * one: a question stays with its answer, a heading with its paragraph.
     */
    public void keepTogether(String first, float firstSize, float nextSize) throws IOException {
        float needed = lines(first == null ? "" : first, firstSize, 0).size() * firstSize * LEADING + nextSize * LEADING;
        if (y - needed < bottom) {
            newPage();
        }
    }

    public void gap(float points) {
        y -= points;
    }

    /** A thin line across the page. */
    public void rule() throws IOException {
        y -= 4;
        stream.setLineWidth(0.75f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
        stream.stroke();
        y -= 6;
    }

    /** Closes the page being written; call it once, before the footers. */
    public void finish() throws IOException {
        stream.close();
    }

    private void write(String text, float fontSize, float indent, Align align) throws IOException {
        for (String line : lines(text, fontSize, indent)) {
            float height = fontSize * LEADING;
            if (y - height < bottom) {
                newPage();
            }
            y -= height;
            float x = switch (align) {
                case LEFT -> MARGIN + indent;
                case RIGHT -> PDRectangle.A4.getWidth() - MARGIN - fonts.width(line, fontSize);
                case CENTRE -> (PDRectangle.A4.getWidth() - fonts.width(line, fontSize)) / 2;
            };
            draw(line, fontSize, x, y + fontSize * (LEADING - 1) / 2);
        }
    }

    private List<String> lines(String text, float fontSize, float indent) {
        size = fontSize;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
        String clean = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).replace('\t', ' ');
        return clean.lines().flatMap(paragraph -> wrapper.wrap(paragraph, width).stream()).toList();
    }

    private void draw(String line, float fontSize, float x, float baseline) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.newLineAtOffset(x, baseline);
        for (PdfFonts.Run run : fonts.runs(line)) {
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
