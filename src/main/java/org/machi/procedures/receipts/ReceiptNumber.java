package org.machi.procedures.receipts;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The receipt number (受付番号) a resident quotes on the phone or at the counter, e.g.
 * {@code 2026-000123-4}: the year of submission, a sequence number of at least six digits, and a
 * Damm check digit over all the digits before it. Digits only, so it reads aloud in any language
 * and types on a phone keypad; the hyphens group it for reading and are optional when typed.
 *
 * <p>The sequence is unique on its own (one database sequence for all years); the year is there so
 * that people can tell an old receipt from this year's. Past 999,999 the sequence part grows to
 * seven digits and more, so the format never runs out; a sequence part written with more than six
 * digits never starts with 0, so that every number has exactly one spelling.
 *
 * @param year     the year of submission in the city's time zone, 2000–9999
 * @param sequence the number drawn from {@code procedures.receipt_number_seq}, 1 or more
 */
public record ReceiptNumber(int year, long sequence) {

    private static final int SEQUENCE_DIGITS = 6;

    public ReceiptNumber {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
    }

    /** The check digit (0–9) over the year and the sequence part as written. */
    public int checkDigit() {
        return Damm.checkDigit(digitsWithoutCheck());
    }

    /** The canonical form, {@code 2026-000123-4}. */
    @Override
    public String toString() {
        return year + "-" + sequencePart() + "-" + checkDigit();
    }

    /** The digits alone, {@code 20260001234}, e.g. for a file name or a phone keypad. */
    public String digits() {
        return digitsWithoutCheck() + checkDigit();
    }

    /**
     * Reads a number as people type it: full-width digits (２０２６), spaces and hyphens of any
     * kind anywhere or not at all. Empty when it is not a receipt number or its check digit is wrong.
     */
    public static Optional<ReceiptNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\-\u2010-\u2015\u2212\u30FC\uFF70]", "");
        if (!digits.matches("[0-9]{11,19}") || !Damm.isConsistent(digits)) {
            return Optional.empty();
        }
        String sequencePart = digits.substring(4, digits.length() - 1);
        if (sequencePart.length() > SEQUENCE_DIGITS && sequencePart.charAt(0) == '0') {
            return Optional.empty();
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        long sequence = Long.parseLong(sequencePart);
        if (year < 2000 || sequence < 1) {
            return Optional.empty();
        }
        return Optional.of(new ReceiptNumber(year, sequence));
    }

    /** Whether {@code typed} is a receipt number with the right check digit (see {@link #parse}). */
    public static boolean isValid(String typed) {
        return parse(typed).isPresent();
    }

    private String sequencePart() {
        String plain = Long.toString(sequence);
        return plain.length() >= SEQUENCE_DIGITS ? plain : "0".repeat(SEQUENCE_DIGITS - plain.length()) + plain;
    }

    private String digitsWithoutCheck() {
        return year + sequencePart();
    }
}
