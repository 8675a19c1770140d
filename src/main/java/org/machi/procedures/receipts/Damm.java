package org.machi.procedures.receipts;

/**
 * The Damm check digit (H. Michael Damm, 2004): one digit 0–9 that detects every single-digit error
 * and every transposition of two adjacent digits. It needs one 10×10 table of a totally
 * anti-symmetric quasigroup and no letter such as the "X" of ISO 7064 MOD 11-2, which is why the
 * receipt number uses it rather than MOD 11-10 (same detection, more arithmetic) or Verhoeff (three
 * tables).
 */
final class Damm {

    // the quasigroup of order 10 published by Damm (row: interim digit, column: next digit)
    private static final int[][] TABLE = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    private Damm() {
    }

    /** The check digit to append to {@code digits} (ASCII 0–9 only). */
    static int checkDigit(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            interim = TABLE[interim][c - '0'];
        }
        return interim;
    }

    /** Whether {@code digits}, its check digit last, is consistent: the whole string reduces to 0. */
    static boolean isConsistent(CharSequence digits) {
        return digits.length() >= 2 && checkDigit(digits) == 0;
    }
}
