package org.machi.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;

/**
 * Every state × every action, held and not held: the action either moves the case exactly as the
 * table of the issue says and records one transition, or is refused with the expected reason and
 * changes nothing. The expectation below is written out from the table, not taken from the code.
 */
class CaseStateMachineTests {

    private static final Instant SUBMITTED = Instant.parse("2026-04-01T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-02T03:00:00Z");
    private static final UUID APPLICANT = UUID.randomUUID();
    private static final String CLERK = "account:" + UUID.randomUUID();

    /** The action table: action → "from>to" for moves, "from" alone for actions that keep the state. */
    private static final Map<CaseAction, String> TABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(CaseAction.START_REVIEW, "RECEIVED>IN_REVIEW RESIDENT_REPLIED>IN_REVIEW"),
            Map.entry(CaseAction.REQUEST_INFORMATION, "IN_REVIEW>NEEDS_INFORMATION RESIDENT_REPLIED>NEEDS_INFORMATION"),
            Map.entry(CaseAction.RESIDENT_REPLY, "NEEDS_INFORMATION>RESIDENT_REPLIED"),
            Map.entry(CaseAction.APPROVE, "IN_REVIEW>APPROVED RESIDENT_REPLIED>APPROVED"),
            Map.entry(CaseAction.REJECT, "IN_REVIEW>REJECTED RESIDENT_REPLIED>REJECTED"),
            Map.entry(CaseAction.COMPLETE, "APPROVED>COMPLETED REJECTED>COMPLETED"),
            Map.entry(CaseAction.WITHDRAW, "RECEIVED>WITHDRAWN IN_REVIEW>WITHDRAWN NEEDS_INFORMATION>WITHDRAWN RESIDENT_REPLIED>WITHDRAWN"),
            Map.entry(CaseAction.ASSIGN, "RECEIVED IN_REVIEW NEEDS_INFORMATION RESIDENT_REPLIED APPROVED REJECTED"),
            Map.entry(CaseAction.TRANSFER, "RECEIVED IN_REVIEW NEEDS_INFORMATION RESIDENT_REPLIED"),
            Map.entry(CaseAction.NOTE, "RECEIVED IN_REVIEW NEEDS_INFORMATION RESIDENT_REPLIED APPROVED REJECTED COMPLETED WITHDRAWN"),
            Map.entry(CaseAction.HOLD, "RECEIVED IN_REVIEW NEEDS_INFORMATION RESIDENT_REPLIED APPROVED REJECTED"),
            Map.entry(CaseAction.RELEASE_HOLD, "RECEIVED IN_REVIEW NEEDS_INFORMATION RESIDENT_REPLIED APPROVED REJECTED COMPLETED WITHDRAWN")));

    /** Each action done with everything it needs, so that only the state (and the hold) decide. */
    private static final Map<CaseAction, BiFunction<Case, Instant, Transition>> DO = new EnumMap<>(Map.ofEntries(
            Map.entry(CaseAction.START_REVIEW, (c, at) -> c.startReview(CLERK, at)),
            Map.entry(CaseAction.REQUEST_INFORMATION, (c, at) -> c.requestInformation(CLERK, "住民票の写しを添付してください。", at)),
            Map.entry(CaseAction.RESIDENT_REPLY, (c, at) -> c.residentReply(APPLICANT, true, at)),
            Map.entry(CaseAction.APPROVE, (c, at) -> c.approve(CLERK, at)),
            Map.entry(CaseAction.REJECT, (c, at) -> c.reject(CLERK, "対象の期間外の申請です。", at)),
            Map.entry(CaseAction.COMPLETE, (c, at) -> c.complete(CLERK, at)),
            Map.entry(CaseAction.WITHDRAW, (c, at) -> c.withdraw("account:" + APPLICANT, at)),
            Map.entry(CaseAction.ASSIGN, (c, at) -> c.assign(CLERK, "account:" + UUID.randomUUID(), at)),
            Map.entry(CaseAction.TRANSFER, (c, at) -> c.transfer(CLERK, "shiminzei", "課税の担当です。", at)),
            Map.entry(CaseAction.NOTE, (c, at) -> c.note(CLERK, "電話で確認済み。", at)),
            Map.entry(CaseAction.HOLD, (c, at) -> c.hold(HoldReason.DUPLICATE_IN_HOUSEHOLD, "20260401-0001", at)),
            Map.entry(CaseAction.RELEASE_HOLD, (c, at) -> c.releaseHold(CLERK, "別世帯と確認した。", at))));

    @Test
    void everyStateTimesEveryActionHeldOrNot() {
        assertThat(DO.keySet()).containsExactlyInAnyOrder(CaseAction.values());
        List<String> checked = new ArrayList<>();
        for (boolean held : new boolean[] {false, true}) {
            for (CaseState state : CaseState.values()) {
                for (CaseAction action : CaseAction.values()) {
                    Case c = caseIn(state, held);
                    CaseView before = c.view();
                    Expected expected = expected(action, state, held);
                    String what = action + " on " + state + (held ? " (held)" : "");
                    if (expected.refusal() != null) {
                        CaseRefused refused = catchThrowableOfType(CaseRefused.class, () -> DO.get(action).apply(c, NOW));
                        assertThat(refused).as(what + " is refused").isNotNull();
                        assertThat(refused.refusal()).as(what).isEqualTo(expected.refusal());
                        assertThat(c.view()).as(what + " changes nothing").isEqualTo(before);
                    } else {
                        Transition t = DO.get(action).apply(c, NOW);
                        assertThat(t.action()).as(what).isEqualTo(action.name());
                        assertThat(t.from()).as(what).isEqualTo(state);
                        assertThat(t.to()).as(what).isEqualTo(expected.to());
                        assertThat(t.at()).isEqualTo(NOW);
                        assertThat(c.state()).as(what).isEqualTo(expected.to());
                        assertThat(t.actor()).as(what).isEqualTo(switch (action) {
                            case HOLD -> "system";
                            case RESIDENT_REPLY, WITHDRAW -> "account:" + APPLICANT;
                            default -> CLERK;
                        });
                        assertThat(t.department()).as(what).isEqualTo(c.department());
                        effects(action, state, held, before, c.view());
                    }
                    checked.add(what);
                }
            }
        }
        assertThat(checked).hasSize(2 * CaseState.values().length * CaseAction.values().length);
    }

    record Expected(CaseState to, CaseRefusal refusal) {
    }

    private static Expected expected(CaseAction action, CaseState state, boolean held) {
        Map<CaseState, CaseState> allowed = new HashMap<>();
        for (String cell : TABLE.get(action).split(" ")) {
            String[] parts = cell.split(">");
            CaseState from = CaseState.valueOf(parts[0]);
            allowed.put(from, parts.length == 2 ? CaseState.valueOf(parts[1]) : from);
        }
        if (!allowed.containsKey(state)) {
            return new Expected(null, action == CaseAction.RESIDENT_REPLY ? CaseRefusal.NOT_WAITING_FOR_REPLY : CaseRefusal.STATE_FORBIDS);
        }
        if (action == CaseAction.APPROVE && held) {
            return new Expected(null, CaseRefusal.HELD);
        }
        if (action == CaseAction.RELEASE_HOLD && !held) {
            return new Expected(null, CaseRefusal.NOT_HELD);
        }
        return new Expected(allowed.get(state), null);
    }

    /** What else an allowed action changes, and that it changes nothing else. */
    private static void effects(CaseAction action, CaseState from, boolean held, CaseView before, CaseView after) {
        assertThat(after.updatedAt()).isEqualTo(NOW);
        assertThat(after.decidedAt()).as(action + " decided at")
                .isEqualTo(action == CaseAction.APPROVE || action == CaseAction.REJECT ? NOW : before.decidedAt());
        assertThat(after.closedAt()).as(action + " closed at")
                .isEqualTo(action == CaseAction.COMPLETE || action == CaseAction.WITHDRAW ? NOW : before.closedAt());
        assertThat(after.department()).isEqualTo(action == CaseAction.TRANSFER ? "shiminzei" : before.department());
        if (action == CaseAction.TRANSFER) {
            assertThat(after.assignee()).as("a transfer leaves the case to the new department's clerks").isNull();
        } else if (action == CaseAction.ASSIGN) {
            assertThat(after.assignee()).isNotEqualTo(before.assignee()).startsWith("account:");
        } else {
            assertThat(after.assignee()).isEqualTo(before.assignee());
        }
        if (action == CaseAction.HOLD) {
            assertThat(after.heldReason()).isEqualTo("DUPLICATE_IN_HOUSEHOLD");
            assertThat(after.heldDetail()).isEqualTo("20260401-0001");
        } else if (action == CaseAction.RELEASE_HOLD) {
            assertThat(after.heldReason()).isNull();
            assertThat(after.heldDetail()).isNull();
        } else {
            assertThat(after.heldReason()).isEqualTo(before.heldReason());
        }
        assertThat(after.version()).as("the store counts versions").isEqualTo(before.version());
    }

    private static Case caseIn(CaseState state, boolean held) {
        return Case.restore(new CaseView(UUID.randomUUID(), UUID.randomUUID(), "20260401-0002", "kyufukin", "kyufukin", "ONLINE", APPLICANT,
                null, null, null, state, "account:" + UUID.randomUUID(), held ? "NOT_IN_REGISTER" : null, null, SUBMITTED,
                SUBMITTED.plusSeconds(86400 * 10), state.decided() ? SUBMITTED.plusSeconds(3600) : null,
                state.closed() ? SUBMITTED.plusSeconds(7200) : null, SUBMITTED, 3));
    }

    // ---- what each action needs besides the state

    @Test
    void requestsRejectionsTransfersNotesAndReleasesNeedTheirText() {
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).requestInformation(CLERK, "  ", NOW), CaseRefusal.MESSAGE_REQUIRED);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).reject(CLERK, null, NOW), CaseRefusal.REASON_REQUIRED);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).transfer(CLERK, "shiminzei", "", NOW), CaseRefusal.REASON_REQUIRED);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).transfer(CLERK, "kyufukin", "理由", NOW), CaseRefusal.SAME_DEPARTMENT);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).transfer(CLERK, " ", "理由", NOW), CaseRefusal.UNKNOWN_DEPARTMENT);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).note(CLERK, "\n", NOW), CaseRefusal.TEXT_REQUIRED);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, true).releaseHold(CLERK, null, NOW), CaseRefusal.REASON_REQUIRED);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).reject(CLERK, "あ".repeat(Case.MAX_TEXT + 1), NOW),
                CaseRefusal.TEXT_TOO_LONG);
        assertRefused(() -> caseIn(CaseState.IN_REVIEW, false).hold(null, null, NOW), CaseRefusal.UNKNOWN_HOLD_REASON);
        assertThat(caseIn(CaseState.IN_REVIEW, false).reject(CLERK, "  期限を過ぎています。\n", NOW).reason()).isEqualTo("期限を過ぎています。");
    }

    @Test
    void onlyTheApplicantRepliesAndOnlyWithSomething() {
        assertRefused(() -> caseIn(CaseState.NEEDS_INFORMATION, false).residentReply(UUID.randomUUID(), true, NOW), CaseRefusal.NOT_APPLICANT);
        assertRefused(() -> caseIn(CaseState.NEEDS_INFORMATION, false).residentReply(APPLICANT, false, NOW), CaseRefusal.REPLY_EMPTY);
        Case counter = Case.restore(new CaseView(UUID.randomUUID(), UUID.randomUUID(), "20260401-0003", "kyufukin", "kyufukin", "COUNTER",
                null, "account:" + UUID.randomUUID(), "0000000001", null, CaseState.NEEDS_INFORMATION, null, null, null, SUBMITTED, null,
                null, null, SUBMITTED, 0));
        assertRefused(() -> counter.residentReply(APPLICANT, true, NOW), CaseRefusal.NOT_APPLICANT);
    }

    @Test
    void unassigningLeavesNobody() {
        Case c = caseIn(CaseState.IN_REVIEW, false);
        Transition t = c.assign(CLERK, "  ", NOW);
        assertThat(c.view().assignee()).isNull();
        assertThat(t.reason()).isNull();
    }

    @Test
    void aNewCaseIsReceivedWithAnOpeningRow() {
        Case c = Case.open(UUID.randomUUID(), UUID.randomUUID(), "20260401-0004", "sodai-gomi", "kankyo-center", "ONLINE", APPLICANT, null, null,
                SUBMITTED, null, NOW);
        assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
        Transition opening = c.opening();
        assertThat(opening.action()).isEqualTo("OPEN");
        assertThat(opening.from()).isNull();
        assertThat(opening.to()).isEqualTo(CaseState.RECEIVED);
        assertThat(opening.actor()).isEqualTo("system");
        assertThat(opening.department()).isEqualTo("kankyo-center");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, CaseRefusal refusal) {
        assertThatThrownBy(action).isInstanceOfSatisfying(CaseRefused.class, r -> assertThat(r.refusal()).isEqualTo(refusal));
    }
}
