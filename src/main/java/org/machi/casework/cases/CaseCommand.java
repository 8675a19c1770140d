package org.machi.casework.cases;

/** What a clerk asks of a case, one record per action (see {@link CaseWork#act}). */
public sealed interface CaseCommand {

    CaseAction action();

    record StartReview() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.START_REVIEW;
        }
    }

    /** @param message what the resident is asked for; they read it on their reply page */
    record RequestInformation(String message) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.REQUEST_INFORMATION;
        }
    }

    record Approve() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.APPROVE;
        }
    }

    /** @param reason why, for the resident (shown on their application page) */
    record Reject(String reason) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.REJECT;
        }
    }

    record Complete() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.COMPLETE;
        }
    }

    /** @param assignee an account reference of a clerk of the case's department; null or blank: nobody */
    record Assign(String assignee) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.ASSIGN;
        }
    }

    /** @param department the code of the department to hand the case to */
    record Transfer(String department, String reason) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.TRANSFER;
        }
    }

    /** @param text an internal note, never shown to the resident */
    record Note(String text) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.NOTE;
        }
    }

    record ReleaseHold(String reason) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.RELEASE_HOLD;
        }
    }
}
