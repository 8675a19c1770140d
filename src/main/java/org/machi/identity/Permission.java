package org.machi.identity;

/**
 * What a signed-in person may do. Endpoints are guarded by permissions, never by role names, so
 * that a city can change which role holds what without touching code.
 */
public enum Permission {

    /** A resident's own account and data. */
    OWN_ACCOUNT,
    /** Entering the back office at all. */
    BACK_OFFICE,
    /** Creating staff accounts and granting roles. */
    MANAGE_STAFF,
    /** Reading and verifying the audit trail. */
    READ_AUDIT_TRAIL,
    /** Serving a resident at the counter (書かない窓口), including reading their data with a purpose. */
    SERVE_AT_COUNTER,
    /** Processing the applications and reports of one's own departments. */
    PROCESS_CASES,
    /** Publishing notices and datasets of one's own departments. */
    PUBLISH_INFORMATION,
    /** Drafting emergency alerts. */
    DRAFT_ALERTS,
    /** Approving and publishing emergency alerts drafted by someone else. */
    APPROVE_ALERTS,
    /** The inventory of the city's information systems and security inspections. */
    GOVERN_SYSTEMS,
    /**
     * Editing the forms of online procedures: drafting a new version of a procedure's form and
     * publishing it (a published version never changes; applications keep the version they began with).
     */
    MANAGE_PROCEDURES,
    /**
     * Importing extracts of the resident register (住民基本台帳) from the city's core system: each
     * import replaces the register that counter staff and the benefit checks read.
     */
    IMPORT_REGISTER,
    /** Reading the plan's measures, KPIs and evaluations. */
    VIEW_PLAN,
    /** Recording the plan's progress and evaluations (PDCA). */
    EVALUATE_PLAN;

    /** The Spring Security authority that stands for this permission. */
    public String authority() {
        return name();
    }
}
