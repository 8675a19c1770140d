package org.machi.shared;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a My Number (個人番号, the 12-digit individual number) in free text, so that Machi can refuse
 * it before anything is stored or logged. A number counts when its twelfth digit is the check digit
 * the law prescribes (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条);
 * full-width digits and the 4-4-4 grouping printed on the card (spaces or hyphens) are found too.
 * Twelve digits inside a longer run of digits (an account or phone number) do not count.
 */
public final class IndividualNumbers {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9])([0-9]{4})[ \\-]?([0-9]{4})[ \\-]?([0-9]{4})(?![0-9])");

    private IndividualNumbers() {
    }

    /** True when the text contains a valid individual number. */
    public static boolean containsOne(CharSequence text) {
        if (text == null || text.length() < 12) {
            return false;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Matcher matcher = CANDIDATE.matcher(normalized);
        int from = 0;
        while (from < normalized.length() && matcher.find(from)) {
            String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
            if (isValid(digits)) {
                return true;
            }
            from = matcher.start() + 1;
        }
        return false;
    }

    /** True when the twelve digits form an individual number with a correct check digit. */
    public static boolean isValid(String twelveDigits) {
        if (twelveDigits == null || !twelveDigits.matches("[0-9]{12}")) {
            return false;
        }
        return twelveDigits.charAt(11) - '0' == checkDigit(twelveDigits.substring(0, 11));
    }

    /**
     * The check digit for the first eleven digits: with P(n) the n-th digit counted from the right
     * and Q(n) = n + 1 for n ≤ 6 and n − 5 for n ≥ 7, the remainder r of Σ P(n)·Q(n) by 11 gives
     * 0 when r ≤ 1 and 11 − r otherwise.
     */
    static int checkDigit(String elevenDigits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int digit = elevenDigits.charAt(11 - n) - '0';
            int weight = n <= 6 ? n + 1 : n - 5;
            sum += digit * weight;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }
}
