package org.machi.procedures;

/** How an application reached the city: sent by the resident online, or filed by a clerk at the counter (書かない窓口). */
public enum SubmissionChannel {
    ONLINE,
    COUNTER
}
