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

    /**
     * A word as search compares it: full-width letters and digits and half-width katakana made
     * regular (NFKC), lower case, katakana as hiragana, a long-vowel mark (ー) as the vowel it
     * lengthens (じゅーみんひょー reads じゅうみんひょう, as dictionaries spell it), and without
     * spaces or middle dots. Used on both sides: the words typed and the words searched.
     */
    public static String searchable(String typed) {
        if (typed == null) {
            return "";
        }
        String regular = Normalizer.normalize(typed, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder word = new StringBuilder(regular.length());
        for (int i = 0; i < regular.length(); i++) {
            char c = regular.charAt(i);
            if (c >= '\u30A1' && c <= '\u30F6') {
                word.append((char) (c - 0x60)); // katakana → hiragana
            } else if (c == 'ー') {
                char vowel = word.isEmpty() ? 0 : lengthening(word.charAt(word.length() - 1));
                if (vowel != 0) {
                    word.append(vowel);
                }
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '・') {
                word.append(c);
            }
        }
        return word.toString();
    }

    private static final String A_ROW = "あかさたなはまやらわがざだばぱぁゃゎ";
    private static final String I_ROW = "いきしちにひみりぎじぢびぴぃ";
    private static final String U_ROW = "うくすつぬふむゆるぐずづぶぷぅゅゔ";
    private static final String E_ROW = "えけせてねへめれげぜでべぺぇ";
    private static final String O_ROW = "おこそとのほもよろをごぞどぼぽぉょ";

    /** The kana a long-vowel mark after this one stands for: お-row words are spelled with う, え-row with い. */
    private static char lengthening(char kana) {
        if (A_ROW.indexOf(kana) >= 0) {
            return 'あ';
        }
        if (I_ROW.indexOf(kana) >= 0 || E_ROW.indexOf(kana) >= 0) {
            return 'い';
        }
        if (U_ROW.indexOf(kana) >= 0 || O_ROW.indexOf(kana) >= 0) {
            return 'う';
        }
        return 0;
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
