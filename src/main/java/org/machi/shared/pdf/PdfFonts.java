package org.machi.shared.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of the city's printed documents (receipts, decision notices, counter summaries) and
 * which of them draws each character. IPAex Gothic draws Japanese and
 * the Latin letters it has; WenQuanYi Micro Hei draws what IPAex lacks (Hangul, simplified Chinese,
 * Vietnamese letters). A character neither has is drawn as U+FFFD, so that nothing typed is left
 * out without a trace. The font files are read once per application ({@link #shared()}); each PDF
 * embeds a subset of them.
 */
public final class PdfFonts {

    public static final int REPLACEMENT = 0xFFFD;
    static final String JAPANESE_FILE = "fonts/ipaexg.ttf";
    static final String FALLBACK_FILE = "fonts/wqy-microhei.ttc";
    private static final String FALLBACK_NAME = "WenQuanYiMicroHei";
    // beyond the supplementary ideographic plane neither font has anything
    private static final int LAST_CODE_POINT = 0x3FFFF;

    /** The font of a {@link Run}: IPAex Gothic. */
    public static final int JAPANESE = 0;
    /** The font of a {@link Run}: WenQuanYi Micro Hei. */
    public static final int FALLBACK = 1;

    private final byte[] japanese;
    private final byte[] fallback;
    private final BitSet japaneseCoverage;
    private final BitSet fallbackCoverage;

    /**
     * The fonts every document of the application uses, read the first time a document is made
     * (reading them and their character maps takes a moment; a start of the application does not pay it).
     */
    public static PdfFonts shared() {
        return Holder.FONTS;
    }

    private static final class Holder {
        static final PdfFonts FONTS = new PdfFonts();
    }

    /** Fonts read afresh; {@link #shared()} is what documents use. */
    PdfFonts() {
        try {
            japanese = read(JAPANESE_FILE);
            fallback = read(FALLBACK_FILE);
            try (TrueTypeFont font = parseJapanese(); TrueTypeCollection collection = openFallback()) {
                japaneseCoverage = coverage(font);
                fallbackCoverage = coverage(collection.getFontByName(FALLBACK_NAME));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the document fonts cannot be read", e);
        }
        if (!fallbackCoverage.get(REPLACEMENT)) {
            throw new IllegalStateException(FALLBACK_FILE + " lacks U+FFFD");
        }
    }

    /** A piece of text drawn in one font. */
    public record Run(String text, int font) {
    }

    /**
     * The text cut into runs by font. A Latin word that needs the fallback font for one of its
     * letters (Vietnamese "Việt") is drawn wholly in it, so that its letters match.
     */
    public List<Run> runs(String text) {
        int[] points = text.codePoints().map(this::drawable).toArray();
        int[] fonts = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            fonts[i] = japaneseCoverage.get(points[i]) ? JAPANESE : FALLBACK;
        }
        keepLatinWordsInOneFont(points, fonts);
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < points.length; i++) {
            if (i > 0 && fonts[i] != fonts[i - 1]) {
                runs.add(new Run(current.toString(), fonts[i - 1]));
                current.setLength(0);
            }
            current.appendCodePoint(points[i]);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), fonts[points.length - 1]));
        }
        return runs;
    }

    /** The character itself where a font has it, else U+FFFD; control characters are never drawable. */
    public int drawable(int codePoint) {
        if (Character.getType(codePoint) == Character.CONTROL || codePoint > LAST_CODE_POINT) {
            return REPLACEMENT;
        }
        return japaneseCoverage.get(codePoint) || fallbackCoverage.get(codePoint) ? codePoint : REPLACEMENT;
    }

    /** The fonts loaded into one document; close it after the document is saved. */
    public Loaded load(PDDocument document) {
        return new Loaded(document);
    }

    public final class Loaded implements Closeable {

        private final PDDocument document;
        private final PDType0Font[] loaded = new PDType0Font[2];
        private final List<Closeable> sources = new ArrayList<>();

        private Loaded(PDDocument document) {
            this.document = document;
        }

        /** The font, embedded as a subset the first time the document uses it. */
        public PDType0Font font(int which) {
            if (loaded[which] == null) {
                try {
                    TrueTypeFont font;
                    if (which == JAPANESE) {
                        font = parseJapanese();
                        sources.add(font);
                    } else {
                        TrueTypeCollection collection = openFallback();
                        sources.add(collection);
                        font = collection.getFontByName(FALLBACK_NAME);
                    }
                    loaded[which] = PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return loaded[which];
        }

        /** The text cut into runs by font, as {@link PdfFonts#runs(String)}. */
        public List<Run> runs(String text) {
            return PdfFonts.this.runs(text);
        }

        /** The width of {@code text} in points at {@code size}. */
        public float width(String text, float size) {
            float width = 0;
            for (Run run : runs(text)) {
                try {
                    width += font(run.font()).getStringWidth(run.text()) / 1000f * size;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return width;
        }

        @Override
        public void close() throws IOException {
            for (Closeable source : sources) {
                source.close();
            }
        }
    }

    private void keepLatinWordsInOneFont(int[] points, int[] fonts) {
        int start = 0;
        while (start < points.length) {
            if (!isLatinWordPart(points[start])) {
                start++;
                continue;
            }
            int end = start;
            boolean needsFallback = false;
            boolean fallbackHasAll = true;
            while (end < points.length && isLatinWordPart(points[end])) {
                needsFallback |= fonts[end] == FALLBACK;
                fallbackHasAll &= fallbackCoverage.get(points[end]);
                end++;
            }
            if (needsFallback && fallbackHasAll) {
                for (int i = start; i < end; i++) {
                    fonts[i] = FALLBACK;
                }
            }
            start = end;
        }
    }

    private static boolean isLatinWordPart(int codePoint) {
        if (Character.isWhitespace(codePoint) || codePoint == REPLACEMENT) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return codePoint < 0x2000 && (script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.INHERITED || Character.isDigit(codePoint));
    }

    private TrueTypeFont parseJapanese() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(japanese));
    }

    private TrueTypeCollection openFallback() throws IOException {
        return new TrueTypeCollection(new java.io.ByteArrayInputStream(fallback));
    }

    private static BitSet coverage(TrueTypeFont font) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        BitSet covered = new BitSet(LAST_CODE_POINT + 1);
        for (int codePoint = 0x20; codePoint <= LAST_CODE_POINT; codePoint++) {
            if (Character.getType(codePoint) != Character.CONTROL && cmap.getGlyphId(codePoint) > 0) {
                covered.set(codePoint);
            }
        }
        return covered;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }
}
