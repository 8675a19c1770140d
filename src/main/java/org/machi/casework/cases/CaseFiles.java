package org.machi.casework.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.casework.CaseView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's file for the clerks of its department: the case, its history, notes and requests with
 * the resident's replies. Opening it is a staff read of personal data (the replies, the reasons),
 * recorded in the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class CaseFiles {

    /** The purpose recorded in the audit trail when a clerk opens a case. */
    public static final String PURPOSE = "case-processing";

    private static final Set<CaseAction> CLERK_ACTIONS = EnumSet.of(CaseAction.START_REVIEW, CaseAction.REQUEST_INFORMATION,
            CaseAction.APPROVE, CaseAction.REJECT, CaseAction.COMPLETE, CaseAction.ASSIGN, CaseAction.TRANSFER, CaseAction.NOTE,
            CaseAction.RELEASE_HOLD);

    private final CaseStore store;
    private final Departments departments;
    private final AuditTrail audit;
    private final Clock clock;

    CaseFiles(CaseStore store, Departments departments, AuditTrail audit, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The case, for a clerk of its department; empty if there is no such case.
     *
     * @throws CaseRefused with {@code OTHER_DEPARTMENT} (or {@code NO_DEPARTMENT}) for anyone else; nothing is read or recorded then
     */
    @Transactional
    public Optional<CaseDetails> open(UUID caseId, String clerk) {
        Optional<CaseView> found = store.view(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseView c = found.get();
        departments.requireMember(clerk, c.department());
        audit.record(AuditRecord.of(clerk, "personal-data.read").about(subject(c), "casework.case").because(PURPOSE));
        Instant now = clock.instant();
        return Optional.of(new CaseDetails(c, CaseSummary.of(c, now), possibleActions(c), store.history(caseId), store.notes(caseId),
                store.requests(caseId)));
    }

    /**
     * The cases of a person of the resident register, newest first, for the counter's view of what a
     * resident has pending (no texts: states, procedures and receipt numbers only).
     */
    public List<CaseSummary> ofRegisterNumber(String registerNumber) {
        Instant now = clock.instant();
        return store.ofRegisterNumber(registerNumber).stream().map(c -> CaseSummary.of(c, now)).toList();
    }

    /** The actions a clerk may take on the case now (who may is checked when they act). */
    static Set<CaseAction> possibleActions(CaseView c) {
        Set<CaseAction> possible = EnumSet.noneOf(CaseAction.class);
        Arrays.stream(CaseAction.values()).filter(CLERK_ACTIONS::contains).filter(a -> Case.allows(a, c.state())).forEach(possible::add);
        if (c.held()) {
            possible.remove(CaseAction.APPROVE);
        } else {
            possible.remove(CaseAction.RELEASE_HOLD);
        }
        return possible;
    }

    /** Whose data the case is: the applicant's account, or the register person of a counter application. */
    static String subject(CaseView c) {
        if (c.applicant() != null) {
            return "account:" + c.applicant();
        }
        return c.registerNumber() == null ? null : "register:" + c.registerNumber();
    }
}
