package org.machi.identity.account;

/** How colleagues know a staff member: a display name, a department and a work mail address (both optional). */
public record StaffDetails(String displayName, String department, String email) {

    public static final int MAX_NAME = 50;
    public static final int MAX_DEPARTMENT = 100;
}
