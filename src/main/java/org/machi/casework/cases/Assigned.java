package org.machi.casework.cases;

/** Which cases of a queue by assignee: anyone's, the reader's own, or nobody's yet. */
public enum Assigned { ANYONE, ME, NOBODY }
