package org.machi.identity;

/**
 * A staff member as colleagues see them.
 *
 * @param reference      the account reference
 * @param displayName    the display name (the staff ID when none was given)
 * @param department     the code of their department in the city profile, or null if they have none
 *                       (or one recorded before departments had codes that matches none of the profile's)
 * @param departmentName their department's Japanese name; for a department recorded before departments
 *                       had codes that matches none of the profile's, the text as recorded; null if none
 */
public record StaffView(String reference, String displayName, String department, String departmentName) {

    /** The name with the department, as lists and the audit trail show it ("厚木 太郎（危機管理課）"). */
    public String label() {
        return departmentName == null ? displayName : displayName + "（" + departmentName + "）";
    }
}
