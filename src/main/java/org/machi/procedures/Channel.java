package org.machi.procedures;

/** Where a procedure can be done: online (and at the counter), or only at the counter. */
public enum Channel {
    ONLINE,
    /** Only in person; the procedure's texts say why. */
    COUNTER_ONLY
}
