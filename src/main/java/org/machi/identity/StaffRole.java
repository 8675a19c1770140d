package org.machi.identity;

import java.util.EnumSet;
import java.util.Set;

/** The staff roles of the plan's promotion structure (第5章 推進体制), each with its permissions. */
public enum StaffRole {

    CIO(Permission.VIEW_PLAN, Permission.EVALUATE_PLAN, Permission.GOVERN_SYSTEMS),
    CIO_DEPUTY(Permission.VIEW_PLAN, Permission.EVALUATE_PLAN),
    COMMITTEE_MEMBER(Permission.VIEW_PLAN),
    INFORMATION_POLICY(Permission.VIEW_PLAN, Permission.EVALUATE_PLAN, Permission.GOVERN_SYSTEMS, Permission.READ_AUDIT_TRAIL),
    DEPARTMENT_STAFF(Permission.PROCESS_CASES, Permission.PUBLISH_INFORMATION),
    COUNTER_STAFF(Permission.SERVE_AT_COUNTER),
    ALERT_OPERATOR(Permission.DRAFT_ALERTS),
    ALERT_APPROVER(Permission.APPROVE_ALERTS),
    /**
     * The owners of the online procedures' forms (手続フォーム管理担当): a role of its own, granted to
     * the few people of the information-policy division and of the departments who answer for a
     * procedure's wording, because a published form changes what every resident is asked.
     */
    PROCEDURE_OWNER(Permission.MANAGE_PROCEDURES),
    SYSTEM_ADMINISTRATOR(Permission.MANAGE_STAFF, Permission.READ_AUDIT_TRAIL, Permission.IMPORT_REGISTER);

    private final Set<Permission> permissions;

    StaffRole(Permission... permissions) {
        var all = EnumSet.of(Permission.BACK_OFFICE, permissions);
        this.permissions = Set.copyOf(all);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
