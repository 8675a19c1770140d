package org.machi.procedures.forms;

/** Which dates a DATE field accepts, counted from today in the city's time zone. */
public enum DateRange {
    /** Today or before (a birth date, a date of death). */
    PAST,
    /** Today or after (a collection date, a moving date announced in advance). */
    FUTURE,
    ANY
}
