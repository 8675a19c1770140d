package org.machi.procedures.forms.values;

import java.text.Normalizer;
import org.machi.shared.JapaneseInput;

/** What an IME types made plain before a value is read: full-width letters, digits and signs as ASCII, every dash as a hyphen. */
final class Typed {

    private Typed() {
    }

    /** NFKC (１，０００ → 1,000; ㋿ → 令和; ￥ → ¥), then the dashes an IME offers as '-'. */
    static String plain(String raw) {
        return JapaneseInput.asciiNumber(Normalizer.normalize(raw, Normalizer.Form.NFKC));
    }

    /** Plain, without any white space at all (for numbers, dates, postcodes). */
    static String compact(String raw) {
        return plain(raw).replaceAll("[\\s\\p{Z}]+", "");
    }

    static boolean blank(String raw) {
        return raw == null || raw.strip().isEmpty();
    }
}
