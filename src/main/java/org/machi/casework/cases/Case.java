package org.machi.casework.cases;

import static org.machi.casework.CaseState.APPROVED;
import static org.machi.casework.CaseState.COMPLETED;
import static org.machi.casework.CaseState.IN_REVIEW;
import static org.machi.casework.CaseState.NEEDS_INFORMATION;
import static org.machi.casework.CaseState.RECEIVED;
import static org.machi.casework.CaseState.REJECTED;
import static org.machi.casework.CaseState.RESIDENT_REPLIED;
import static org.machi.casework.CaseState.WITHDRAWN;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;

/**
 * A case: one submitted application being dealt with by a department. It guards its own
 * transitions: every action checks the state and what it needs before anything changes, and either
 * returns the {@link Transition} it made or throws {@link CaseRefused} with nothing changed. Who the
 * actor is (department, applicant) is checked by the use cases, which know the staff directory;
 * the aggregate checks the rules that need only the case.
 */
final class Case {

    /** The longest message, reason or note a clerk may write. */
    static final int MAX_TEXT = 4000;

    private static final Map<CaseAction, Set<CaseState>> ALLOWED_FROM = new EnumMap<>(CaseAction.class);
    private static final Map<CaseAction, CaseState> MOVES_TO = new EnumMap<>(CaseAction.class);

    static {
        Set<CaseState> any = EnumSet.allOf(CaseState.class);
        allow(CaseAction.START_REVIEW, IN_REVIEW, RECEIVED, RESIDENT_REPLIED);
        allow(CaseAction.REQUEST_INFORMATION, NEEDS_INFORMATION, IN_REVIEW, RESIDENT_REPLIED);
        allow(CaseAction.RESIDENT_REPLY, RESIDENT_REPLIED, NEEDS_INFORMATION);
        allow(CaseAction.APPROVE, APPROVED, IN_REVIEW, RESIDENT_REPLIED);
        allow(CaseAction.REJECT, REJECTED, IN_REVIEW, RESIDENT_REPLIED);
        allow(CaseAction.COMPLETE, COMPLETED, APPROVED, REJECTED);
        allow(CaseAction.WITHDRAW, WITHDRAWN, RECEIVED, IN_REVIEW, NEEDS_INFORMATION, RESIDENT_REPLIED);
        ALLOWED_FROM.put(CaseAction.ASSIGN, EnumSet.complementOf(EnumSet.of(COMPLETED, WITHDRAWN)));
        ALLOWED_FROM.put(CaseAction.TRANSFER, EnumSet.of(RECEIVED, IN_REVIEW, NEEDS_INFORMATION, RESIDENT_REPLIED));
        ALLOWED_FROM.put(CaseAction.NOTE, any);
        ALLOWED_FROM.put(CaseAction.HOLD, EnumSet.complementOf(EnumSet.of(COMPLETED, WITHDRAWN)));
        ALLOWED_FROM.put(CaseAction.RELEASE_HOLD, any); // only held cases: checked on the case
    }

    private static void allow(CaseAction action, CaseState to, CaseState... from) {
        ALLOWED_FROM.put(action, EnumSet.of(from[0], from));
        MOVES_TO.put(action, to);
    }

    /** Whether the state allows the action at all (a hold, required texts and who acts are checked besides). */
    static boolean allows(CaseAction action, CaseState state) {
        return ALLOWED_FROM.get(action).contains(state);
    }

    private final UUID id;
    private final UUID applicationId;
    private final String receiptNumber;
    private final String procedureSlug;
    private final String channel;
    private final UUID applicant;
    private final String clerk;
    private final Instant submittedAt;
    private final Instant dueAt;
    private String department;
    private final String registerNumber;
    private final String householdNumber;
    private CaseState state;
    private String assignee;
    private String heldReason;
    private String heldDetail;
    private Instant decidedAt;
    private Instant closedAt;
    private Instant updatedAt;
    private int version;

    private Case(CaseView v) {
        this.id = Objects.requireNonNull(v.id());
        this.applicationId = Objects.requireNonNull(v.applicationId());
        this.receiptNumber = v.receiptNumber();
        this.procedureSlug = v.procedureSlug();
        this.department = v.department();
        this.channel = v.channel();
        this.applicant = v.applicant();
        this.clerk = v.clerk();
        this.registerNumber = v.registerNumber();
        this.householdNumber = v.householdNumber();
        this.state = Objects.requireNonNull(v.state());
        this.assignee = v.assignee();
        this.heldReason = v.heldReason();
        this.heldDetail = v.heldDetail();
        this.submittedAt = v.submittedAt();
        this.dueAt = v.dueAt();
        this.decidedAt = v.decidedAt();
        this.closedAt = v.closedAt();
        this.updatedAt = v.updatedAt();
        this.version = v.version();
    }

    /** A case as stored. */
    static Case restore(CaseView stored) {
        return new Case(stored);
    }

    /** A new case for a submitted application, in state RECEIVED; the opening transition is {@link #opening()}. */
    static Case open(UUID id, UUID applicationId, String receiptNumber, String procedureSlug, String department, String channel,
                     UUID applicant, String clerk, String registerNumber, Instant submittedAt, Instant dueAt, Instant now) {
        return new Case(new CaseView(id, applicationId, receiptNumber, procedureSlug, department, channel, applicant, clerk,
                registerNumber, null, RECEIVED, null, null, null, submittedAt, dueAt, null, null, now, 0));
    }

    /** The first row of the history. */
    Transition opening() {
        return new Transition(CaseAction.OPEN, null, RECEIVED, "system", null, department, updatedAt);
    }

    Transition startReview(String actor, Instant at) {
        return move(CaseAction.START_REVIEW, actor, null, at);
    }

    Transition requestInformation(String actor, String message, Instant at) {
        String text = required(message, CaseRefusal.MESSAGE_REQUIRED);
        return move(CaseAction.REQUEST_INFORMATION, actor, text, at);
    }

    /** The applicant answered the open request; the reply itself is kept with the request, not in the history. */
    Transition residentReply(UUID resident, boolean hasContent, Instant at) {
        if (applicant == null || !applicant.equals(resident)) {
            throw new CaseRefused(CaseRefusal.NOT_APPLICANT);
        }
        if (!allows(CaseAction.RESIDENT_REPLY, state)) {
            throw new CaseRefused(CaseRefusal.NOT_WAITING_FOR_REPLY);
        }
        if (!hasContent) {
            throw new CaseRefused(CaseRefusal.REPLY_EMPTY);
        }
        return move(CaseAction.RESIDENT_REPLY, "account:" + resident, null, at);
    }

    Transition approve(String actor, Instant at) {
        allowedIn(CaseAction.APPROVE);
        if (held()) {
            throw new CaseRefused(CaseRefusal.HELD);
        }
        return move(CaseAction.APPROVE, actor, null, at);
    }

    Transition reject(String actor, String reason, Instant at) {
        allowedIn(CaseAction.REJECT);
        return move(CaseAction.REJECT, actor, required(reason, CaseRefusal.REASON_REQUIRED), at);
    }

    Transition complete(String actor, Instant at) {
        return move(CaseAction.COMPLETE, actor, null, at);
    }

    /** The resident withdrew the application (procedures refuse it once decided; a late one is refused here too). */
    Transition withdraw(String actor, Instant at) {
        return move(CaseAction.WITHDRAW, actor, null, at);
    }

    /** Gives the case to a clerk (null: to nobody); that the clerk is of the department is checked by the caller. */
    Transition assign(String actor, String newAssignee, Instant at) {
        allowedIn(CaseAction.ASSIGN);
        String to = newAssignee == null || newAssignee.isBlank() ? null : newAssignee.strip();
        Transition done = stay(CaseAction.ASSIGN, actor, to, at);
        assignee = to;
        return done;
    }

    /** Hands the case to another department; whether the department exists is checked by the caller. The assignee goes. */
    Transition transfer(String actor, String toDepartment, String reason, Instant at) {
        allowedIn(CaseAction.TRANSFER);
        if (toDepartment == null || toDepartment.isBlank()) {
            throw new CaseRefused(CaseRefusal.UNKNOWN_DEPARTMENT);
        }
        if (toDepartment.equals(department)) {
            throw new CaseRefused(CaseRefusal.SAME_DEPARTMENT);
        }
        String why = required(reason, CaseRefusal.REASON_REQUIRED);
        department = toDepartment;
        assignee = null;
        return stay(CaseAction.TRANSFER, actor, why, at);
    }

    /** An internal note; its text is kept as a note, not in the history (which records that one was written). */
    Transition note(String actor, String text, Instant at) {
        allowedIn(CaseAction.NOTE);
        required(text, CaseRefusal.TEXT_REQUIRED);
        return stay(CaseAction.NOTE, actor, null, at);
    }

    /** The register checks hold the case for review; the detail carries no personal data (e.g. another receipt number). */
    Transition hold(HoldReason reason, String detail, Instant at) {
        allowedIn(CaseAction.HOLD);
        if (reason == null) {
            throw new CaseRefused(CaseRefusal.UNKNOWN_HOLD_REASON);
        }
        String shortDetail = detail == null || detail.isBlank() ? null : detail.strip();
        if (shortDetail != null && shortDetail.length() > 200) {
            shortDetail = shortDetail.substring(0, 200);
        }
        Transition done = stay(CaseAction.HOLD, "system", shortDetail == null ? reason.name() : reason.name() + " " + shortDetail, at);
        heldReason = reason.name();
        heldDetail = shortDetail;
        return done;
    }

    Transition releaseHold(String actor, String reason, Instant at) {
        allowedIn(CaseAction.RELEASE_HOLD);
        if (!held()) {
            throw new CaseRefused(CaseRefusal.NOT_HELD);
        }
        String why = required(reason, CaseRefusal.REASON_REQUIRED);
        heldReason = null;
        heldDetail = null;
        return stay(CaseAction.RELEASE_HOLD, actor, why, at);
    }

    private Transition move(CaseAction action, String actor, String reason, Instant at) {
        allowedIn(action);
        CaseState from = state;
        CaseState to = MOVES_TO.get(action);
        state = to;
        if (to == APPROVED || to == REJECTED) {
            decidedAt = at;
        }
        if (to.closed()) {
            closedAt = at;
        }
        updatedAt = at;
        return new Transition(action.name(), from, to, actor, reason, department, at);
    }

    private Transition stay(CaseAction action, String actor, String reason, Instant at) {
        updatedAt = at;
        return new Transition(action.name(), state, state, actor, reason, department, at);
    }

    private void allowedIn(CaseAction action) {
        if (!allows(action, state)) {
            throw new CaseRefused(CaseRefusal.STATE_FORBIDS);
        }
    }

    private static String required(String text, CaseRefusal whenMissing) {
        if (text == null || text.isBlank()) {
            throw new CaseRefused(whenMissing);
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new CaseRefused(CaseRefusal.TEXT_TOO_LONG);
        }
        return stripped;
    }

    boolean held() {
        return heldReason != null;
    }

    UUID id() {
        return id;
    }

    UUID applicant() {
        return applicant;
    }

    String department() {
        return department;
    }

    CaseState state() {
        return state;
    }

    int version() {
        return version;
    }

    /** After the store wrote the change. */
    void stored() {
        version++;
    }

    CaseView view() {
        return new CaseView(id, applicationId, receiptNumber, procedureSlug, department, channel, applicant, clerk, registerNumber,
                householdNumber, state, assignee, heldReason, heldDetail, submittedAt, dueAt, decidedAt, closedAt, updatedAt, version);
    }
}
