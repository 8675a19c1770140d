package org.machi.casework.cases;

/** Why an action on a case was refused; nothing changed. Each has a translated message in {@code messages/casework}. */
public enum CaseRefusal {
    /** The case's state does not allow this action. */
    STATE_FORBIDS,
    /** A resident's reply to a case that no longer waits for one. */
    NOT_WAITING_FOR_REPLY,
    /** Approving a case that is held for review. */
    HELD,
    /** Releasing a hold on a case that is not held. */
    NOT_HELD,
    /** A request for information without a message for the resident. */
    MESSAGE_REQUIRED,
    /** A rejection, transfer or release of a hold without a reason. */
    REASON_REQUIRED,
    /** A note without text. */
    TEXT_REQUIRED,
    /** A text longer than a case keeps. */
    TEXT_TOO_LONG,
    /** A reply with neither text nor files. */
    REPLY_EMPTY,
    /** A reply with more files than a reply takes. */
    TOO_MANY_FILES,
    /** Someone other than the applicant acting as the resident. */
    NOT_APPLICANT,
    /** A clerk of another department. */
    OTHER_DEPARTMENT,
    /** A staff member without a department: no queue, no cases. */
    NO_DEPARTMENT,
    /** An assignee who is not a case worker of the case's department. */
    ASSIGNEE_NOT_IN_DEPARTMENT,
    /** A transfer to a department the city does not have. */
    UNKNOWN_DEPARTMENT,
    /** A transfer to the department that has the case already. */
    SAME_DEPARTMENT,
    /** A hold without a known reason code. */
    UNKNOWN_HOLD_REASON,
    /** No such case (or not one the person may see). */
    NOT_FOUND,
    /** Someone else changed the case in the meantime; reload and try again. */
    CHANGED_MEANWHILE;

    public String messageKey() {
        return "casework.refused." + name();
    }
}
