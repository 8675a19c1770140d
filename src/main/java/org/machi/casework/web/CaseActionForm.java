package org.machi.casework.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.machi.casework.cases.CaseAction;
import org.machi.casework.cases.CaseCommand;

/**
 * The clerk's actions as the case page's small forms send them: the address of each
 * ({@code /staff/cases/{id}/actions/<slug>}), its inputs, and the command it makes. A required
 * input left empty or one too long is a problem linked to its field; nothing is sent then.
 */
enum CaseActionForm {

    START_REVIEW("start-review", CaseAction.START_REVIEW),
    REQUEST_INFORMATION("request-information", CaseAction.REQUEST_INFORMATION, "message"),
    APPROVE("approve", CaseAction.APPROVE),
    REJECT("reject", CaseAction.REJECT, "reason"),
    COMPLETE("complete", CaseAction.COMPLETE),
    ASSIGN("assign", CaseAction.ASSIGN, "assignee"),
    TRANSFER("transfer", CaseAction.TRANSFER, "department", "reason"),
    NOTE("note", CaseAction.NOTE, "text"),
    RELEASE_HOLD("release-hold", CaseAction.RELEASE_HOLD, "reason");

    /** The longest text a case keeps (a message, a reason, a note). */
    static final int MAX_TEXT = 4000;

    private final String slug;
    private final CaseAction action;
    private final List<String> inputs;

    CaseActionForm(String slug, CaseAction action, String... inputs) {
        this.slug = slug;
        this.action = action;
        this.inputs = List.of(inputs);
    }

    public String slug() {
        return slug;
    }

    public CaseAction action() {
        return action;
    }

    /** The id of an input of this form, e.g. {@code reject-reason}. */
    public String inputId(String input) {
        return slug + "-" + input;
    }

    /** The id of the form itself, where a refusal links to. */
    public String formId() {
        return "action-" + slug;
    }

    static Optional<CaseActionForm> bySlug(String slug) {
        return Arrays.stream(values()).filter(form -> form.slug.equals(slug)).findFirst();
    }

    static Optional<CaseActionForm> of(CaseAction action) {
        return Arrays.stream(values()).filter(form -> form.action == action).findFirst();
    }

    /** What the form sent, read: the command, or the problems that stop it. */
    record Reading(CaseCommand command, List<CaseProblem> problems) {
    }

    Reading read(java.util.function.Function<String, String> parameter) {
        List<CaseProblem> problems = new ArrayList<>();
        String message = text(parameter, "message", "casePages.required.message", problems);
        String reason = text(parameter, "reason", "casePages.required.reason", problems);
        String note = text(parameter, "text", "casePages.required.text", problems);
        String assignee = text(parameter, "assignee", "casePages.required.assignee", problems);
        String department = text(parameter, "department", "casePages.required.department", problems);
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        CaseCommand command = switch (this) {
            case START_REVIEW -> new CaseCommand.StartReview();
            case REQUEST_INFORMATION -> new CaseCommand.RequestInformation(message);
            case APPROVE -> new CaseCommand.Approve();
            case REJECT -> new CaseCommand.Reject(reason);
            case COMPLETE -> new CaseCommand.Complete();
            case ASSIGN -> new CaseCommand.Assign(assignee);
            case TRANSFER -> new CaseCommand.Transfer(department, reason);
            case NOTE -> new CaseCommand.Note(note);
            case RELEASE_HOLD -> new CaseCommand.ReleaseHold(reason);
        };
        return new Reading(command, List.of());
    }

    private String text(java.util.function.Function<String, String> parameter, String input, String requiredKey,
                        List<CaseProblem> problems) {
        if (!inputs.contains(input)) {
            return null;
        }
        String value = parameter.apply(input);
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            problems.add(new CaseProblem(inputId(input), requiredKey, new Object[0]));
        } else if (value.length() > MAX_TEXT) {
            problems.add(new CaseProblem(inputId(input), "casePages.tooLong", new Object[] {Integer.toString(MAX_TEXT)}));
        }
        return value;
    }
}
