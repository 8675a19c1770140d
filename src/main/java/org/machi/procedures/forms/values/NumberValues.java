package org.machi.procedures.forms.values;

import java.util.regex.Pattern;

/**
 * Whole numbers and yen amounts as typed: 1000, 1,000, １，０００, and for yen also ¥1,000, 1000円.
 * Thousands separators must be where they belong (1,000 but not 10,00). Stored as plain digits.
 */
public final class NumberValues {

    /** Amounts beyond this (a trillion yen) are no answer a form asks for, and stay far from long's limit. */
    static final long LARGEST = 999_999_999_999L;

    private static final Pattern DIGITS = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)");
    private static final Pattern DECIMAL = Pattern.compile("-?[\\d,]*\\.\\d*");
    private static final Pattern YEN_SIGNS = Pattern.compile("^[¥\\\\]|円$");

    private NumberValues() {
    }

    /** A yen amount, zero or more, within the field's bounds (null: none). */
    public static FieldValue<Long> yen(String raw, Long min, Long max) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        String typed = YEN_SIGNS.matcher(Typed.compact(raw)).replaceAll("");
        return read(typed, "form.value.yen.", min == null ? 0L : Math.max(0L, min), max);
    }

    /** A whole number within the field's bounds (null: none). */
    public static FieldValue<Long> number(String raw, Long min, Long max) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        return read(Typed.compact(raw), "form.value.number.", min, max);
    }

    private static FieldValue<Long> read(String typed, String keys, Long min, Long max) {
        if (DECIMAL.matcher(typed).matches() && typed.matches(".*\\d.*")) {
            return FieldValue.refused(keys + "decimal");
        }
        if (!DIGITS.matcher(typed).matches()) {
            return FieldValue.refused(keys + "invalid");
        }
        if (typed.startsWith("-") && keys.endsWith("yen.")) {
            return FieldValue.refused(keys + "negative");
        }
        String digits = typed.replace(",", "").replaceFirst("^(-?)0+(?=\\d)", "$1");
        boolean negative = digits.startsWith("-");
        if (digits.length() - (negative ? 1 : 0) > String.valueOf(LARGEST).length()) {
            return negative ? tooSmall(keys, min) : tooLarge(keys, max);
        }
        long value = Long.parseLong(digits);
        if (min != null && value < min) {
            return tooSmall(keys, min);
        }
        if (value < -LARGEST) {
            return tooSmall(keys, min);
        }
        if ((max != null && value > max) || value > LARGEST) {
            return tooLarge(keys, max);
        }
        return FieldValue.accepted(value, Long.toString(value));
    }

    private static FieldValue<Long> tooSmall(String keys, Long min) {
        return FieldValue.refused(keys + "tooSmall", min == null ? -LARGEST : min);
    }

    private static FieldValue<Long> tooLarge(String keys, Long max) {
        return FieldValue.refused(keys + "tooLarge", max == null ? LARGEST : max);
    }
}
