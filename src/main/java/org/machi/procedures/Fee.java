package org.machi.procedures;

/**
 * What a procedure costs: nothing, a fixed amount in yen (per copy or per item, as its note says),
 * or an amount that depends on the case (the note says on what).
 */
public record Fee(Kind kind, Integer yen) {

    public enum Kind { NONE, FIXED, VARIES }

    public static final Fee NONE = new Fee(Kind.NONE, null);

    public Fee {
        if ((kind == Kind.FIXED) != (yen != null) || (yen != null && yen <= 0)) {
            throw new IllegalArgumentException("a fixed fee needs a positive amount, and only a fixed fee has one");
        }
    }
}
