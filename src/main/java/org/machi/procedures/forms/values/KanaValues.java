package org.machi.procedures.forms.values;

import java.lang.Character.UnicodeScript;
import org.machi.shared.JapaneseInput;

/**
 * A name's reading (フリガナ) as typed in hiragana or katakana, full- or half-width, with spaces,
 * ー and ・ between: stored as full-width katakana, with one ideographic space (U+3000) wherever
 * the resident left space.
 */
public final class KanaValues {

    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private KanaValues() {
    }

    public static FieldValue<String> parse(String raw, int maxLength) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        String typed = JapaneseInput.fullWidthKana(raw.strip());
        StringBuilder kana = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); ) {
            int c = typed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!kana.isEmpty() && kana.charAt(kana.length() - 1) != IDEOGRAPHIC_SPACE) {
                    kana.append(IDEOGRAPHIC_SPACE);
                }
            } else if (c >= 'ぁ' && c <= 'ゖ') {
                kana.append((char) (c + 0x60));
            } else if ((c >= 'ァ' && c <= 'ヺ') || c == 'ー' || c == '・' || c == 'ヽ' || c == 'ヾ') {
                kana.append((char) c);
            } else {
                return FieldValue.refused(refusal(c));
            }
        }
        if (!kana.isEmpty() && kana.charAt(kana.length() - 1) == IDEOGRAPHIC_SPACE) {
            kana.setLength(kana.length() - 1);
        }
        if (kana.isEmpty()) {
            return FieldValue.refused("form.value.required");
        }
        if (kana.codePointCount(0, kana.length()) > maxLength) {
            return FieldValue.refused("form.value.kana.tooLong", maxLength);
        }
        return FieldValue.accepted(kana.toString(), kana.toString());
    }

    private static String refusal(int c) {
        UnicodeScript script = UnicodeScript.of(c);
        if (script == UnicodeScript.HAN) {
            return "form.value.kana.kanji";
        }
        if (script == UnicodeScript.LATIN) {
            return "form.value.kana.latin";
        }
        return "form.value.kana.invalid";
    }
}
