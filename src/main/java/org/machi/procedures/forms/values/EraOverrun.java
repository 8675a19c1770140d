package org.machi.procedures.forms.values;

/**
 * What to do with a date written in an era after it ended, such as 平成32年 (2020, 令和2年) or
 * 平成31年5月1日: forms and stamps printed before a change of era keep the old name for a while.
 */
public enum EraOverrun {
    /** Refused, with the date written in the right era suggested (the default: the date is certain only once the resident confirms it). */
    REFUSE,
    /** Read as the same year counted on (平成32年 is 2020); the city decides this. */
    ACCEPT
}
