package org.machi.procedures.forms.values;

/** Which dates a DATE field accepts, counted from today in the city's time zone (the same constants as the form definition's). */
public enum DatesAllowed {
    /** Today or before. */
    PAST,
    /** Today or after. */
    FUTURE,
    ANY
}
