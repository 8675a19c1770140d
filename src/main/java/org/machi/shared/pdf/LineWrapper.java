package org.machi.shared.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Cuts a paragraph into lines that fit a width. Japanese and Chinese may break between any two
 * characters, except before closing punctuation and small kana or after an opening bracket (a
 * simple 禁則処理); words written with spaces (Latin, Hangul) break at the spaces. A word longer
 * than the line is cut between characters rather than run off the page.
 */
public final class LineWrapper {

    private static final String NO_LINE_START = "、。，．,.）)」』】〕〉》］]｝}!！?？:：;；・ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％";
    private static final String NO_LINE_END = "（(「『【〔〈《［[｛{";

    private final ToDoubleFunction<String> width;

    /** @param width the printed width of a piece of text, in the unit of {@code maxWidth} */
    public LineWrapper(ToDoubleFunction<String> width) {
        this.width = width;
    }

    public List<String> wrap(String paragraph, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String unit : units(paragraph)) {
            if (fits(line + unit, maxWidth)) {
                line.append(unit);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            List<String> pieces = cutToWidth(unit, maxWidth);
            for (int i = 0; i < pieces.size() - 1; i++) {
                lines.add(pieces.get(i));
            }
            line.append(pieces.get(pieces.size() - 1));
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    private boolean fits(String text, double maxWidth) {
        return width.applyAsDouble(text.stripTrailing()) <= maxWidth;
    }

    /** The pieces between break opportunities, each with the spaces that follow it. */
    static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        int[] points = text.codePoints().toArray();
        StringBuilder unit = new StringBuilder();
        for (int i = 0; i < points.length; i++) {
            if (i > 0 && mayBreakBefore(points[i - 1], points[i])) {
                units.add(unit.toString());
                unit.setLength(0);
            }
            unit.appendCodePoint(points[i]);
        }
        if (!unit.isEmpty()) {
            units.add(unit.toString());
        }
        return units;
    }

    private static boolean mayBreakBefore(int previous, int current) {
        if (Character.isWhitespace(current)) {
            return false;
        }
        if (Character.isWhitespace(previous)) {
            return true;
        }
        if (NO_LINE_START.indexOf(current) >= 0 || NO_LINE_END.indexOf(previous) >= 0) {
            return false;
        }
        return breaksAnywhere(previous) || breaksAnywhere(current);
    }

    private static boolean breaksAnywhere(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || (codePoint >= 0x3000 && codePoint <= 0x303F) // CJK symbols and punctuation
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF); // full-width forms
    }

    /** A unit wider than the line, cut between characters; a unit that fits comes back whole. */
    private List<String> cutToWidth(String unit, double maxWidth) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        unit.codePoints().forEach(cp -> {
            if (!piece.isEmpty() && !fits(piece + new String(Character.toChars(cp)), maxWidth)) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.appendCodePoint(cp);
        });
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
