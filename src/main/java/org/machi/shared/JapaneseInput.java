package org.machi.shared;

import java.text.Normalizer;

/**
 * What a Japanese keyboard (IME) types, made into what a form expects: full-width digits and the
 * dashes an IME offers in numbers become ASCII, half-width katakana become full-width. Nothing
 * else changes, so that a check that follows still sees what the person meant.
 */
public final class JapaneseInput {

    private static final String DASHES = "ー－‐‑‒–—―−ｰ";

    private JapaneseInput() {
    }

    /** Digits, dashes, brackets, plus signs and spaces as ASCII: for postcodes, phone numbers, dates. */
    public static String asciiNumber(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder ascii = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> ascii.appendCodePoint(asciiFor(c)));
        return ascii.toString();
    }

    /** Half-width katakana (ｱﾂｷﾞ) as full-width (アツギ), voiced marks joined; for furigana. */
    public static String fullWidthKana(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder kana = new StringBuilder(typed.length());
        int run = -1;
        for (int i = 0; i <= typed.length(); i++) {
            boolean halfWidth = i < typed.length() && isHalfWidthKatakana(typed.charAt(i));
            if (halfWidth && run < 0) {
                run = i;
            } else if (!halfWidth && run >= 0) {
                kana.append(Normalizer.normalize(typed.substring(run, i), Normalizer.Form.NFKC));
                run = -1;
            }
            if (!halfWidth && i < typed.length()) {
                kana.append(typed.charAt(i));
            }
        }
        return kana.toString();
    }

    private static int asciiFor(int c) {
        if (c >= '０' && c <= '９') {
            return '0' + (c - '０');
        }
        if (DASHES.indexOf(c) >= 0) {
            return '-';
        }
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '＋' -> '+';
            case '　' -> ' ';
            default -> c;
        };
    }

    /** Halfwidth katakana, their punctuation and the voiced sound marks (U+FF61–U+FF9F). */
    private static boolean isHalfWidthKatakana(char c) {
        return c >= '\uFF61' && c <= '\uFF9F';
    }
}
