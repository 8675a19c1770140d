package org.machi.identity;

/** A staff member as colleagues see them: the account reference, the display name and the department (may be null). */
public record StaffView(String reference, String displayName, String department) {

    /** The name with the department, as lists and the audit trail show it. */
    public String label() {
        return department == null ? displayName : displayName + "（" + department + "）";
    }
}
