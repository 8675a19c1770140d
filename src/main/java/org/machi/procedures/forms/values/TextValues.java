package org.machi.procedures.forms.values;

import org.machi.shared.IndividualNumbers;

/**
 * Free text (TEXT, one line; TEXTAREA, several): trimmed, at most so many characters counted as a
 * person counts them (code points, so 𠮷 is one), without control characters or the invisible
 * marks that reverse text direction (they can disguise what a text says), and never a My Number.
 * Line breaks of a TEXTAREA are stored as LF.
 */
public final class TextValues {

    private TextValues() {
    }

    public static FieldValue<String> line(String raw, int maxLength) {
        return parse(raw, maxLength, false);
    }

    public static FieldValue<String> lines(String raw, int maxLength) {
        return parse(raw, maxLength, true);
    }

    private static FieldValue<String> parse(String raw, int maxLength, boolean multiline) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        String text = raw.strip();
        if (multiline) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        boolean controlled = text.codePoints().anyMatch(c -> !(multiline && (c == '\n' || c == '\t')) && forbidden(c));
        if (controlled) {
            return FieldValue.refused("form.value.text.control");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return FieldValue.refused("form.value.text.tooLong", maxLength);
        }
        if (IndividualNumbers.containsOne(text)) {
            return FieldValue.refused("form.value.text.individualNumber");
        }
        return FieldValue.accepted(text, text);
    }

    private static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.SURROGATE;
    }
}
