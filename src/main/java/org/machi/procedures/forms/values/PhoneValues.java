package org.machi.procedures.forms.values;

import java.util.regex.Pattern;

/**
 * Japanese telephone numbers as typed: 046-223-1511, 0462231511, ０９０－１２３４－５６７８,
 * +81 46 223 1511, +81 (0)90 1234 5678. Stored as the domestic number without hyphens. The length
 * follows the number plan: mobiles, 050 and 0800 numbers have 11 digits, every other number 10.
 */
public final class PhoneValues {

    private static final Pattern SEPARATORS = Pattern.compile("[-()]");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("0(?:[5789]0|800).*");

    private PhoneValues() {
    }

    public static FieldValue<String> parse(String raw) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        String typed = Typed.compact(raw);
        if (typed.startsWith("+81")) {
            typed = "0" + typed.substring(3).replaceFirst("^-?\\(0\\)|^-?0", "");
        }
        String digits = SEPARATORS.matcher(typed).replaceAll("");
        if (!digits.matches("0\\d+")) {
            return FieldValue.refused("form.value.phone.invalid");
        }
        int expected = ELEVEN_DIGITS.matcher(digits).matches() ? 11 : 10;
        if (digits.length() != expected) {
            return FieldValue.refused("form.value.phone.length", expected);
        }
        return FieldValue.accepted(digits, digits);
    }

    /**
     * A stored number with hyphens where its kind is known (mobile and 050: 3-4-4; 0120: 4-3-3;
     * Atsugi's 046-2xx numbers: 3-3-4, as 0463 to 0467 are other
     * areas' four-digit codes); as stored otherwise, since area codes vary in length.
     */
    public static String display(String stored) {
        if (stored.length() == 11 && stored.matches("0[5789]0\\d{8}")) {
            return stored.substring(0, 3) + "-" + stored.substring(3, 7) + "-" + stored.substring(7);
        }
        if (stored.length() == 10 && (stored.startsWith("0120") || stored.startsWith("0570"))) {
            return stored.substring(0, 4) + "-" + stored.substring(4, 7) + "-" + stored.substring(7);
        }
        if (stored.length() == 10 && stored.startsWith("0462")) {
            return stored.substring(0, 3) + "-" + stored.substring(3, 6) + "-" + stored.substring(6);
        }
        return stored;
    }
}
