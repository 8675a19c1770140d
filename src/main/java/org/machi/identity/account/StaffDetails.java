package org.machi.identity.account;

/**
 * How colleagues know a staff member: a display name, a department and a work mail address (both
 * optional). The department is the code of a department of the city profile; rows written before
 * departments had codes hold a Japanese name instead, which {@code StaffDirectory} reads as the
 * department of that name.
 */
public record StaffDetails(String displayName, String department, String email) {

    public static final int MAX_NAME = 50;
    public static final int MAX_DEPARTMENT = 100;
}
