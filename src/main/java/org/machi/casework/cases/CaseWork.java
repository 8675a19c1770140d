package org.machi.casework.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.machi.casework.CaseOpened;
import org.machi.casework.CaseStateChanged;
import org.machi.identity.Permission;
import org.machi.identity.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acting on cases: a clerk's actions ({@link #act}) and the actions that come from elsewhere
 * (opening a case for a submitted application, the resident's withdrawal, the register checks'
 * holds). Every action is checked by the case, recorded as a row of its history and written only
 * if nobody changed the case meanwhile; a change of state is announced with {@link CaseStateChanged}.
 */
@Service
public class CaseWork {

    private final CaseStore store;
    private final Departments departments;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseWork(CaseStore store, Departments departments, StaffDirectory staff, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** A clerk of the case's department acts on it; refused (nothing changed) otherwise or when the case's rules forbid it. */
    @Transactional
    public CaseOutcome act(UUID caseId, String actor, CaseCommand command) {
        return act(caseId, actor, command, null);
    }

    /**
     * The same, for a page that showed the case at a version: refused with {@code CHANGED_MEANWHILE}
     * if the case changed since then (someone else acted while the clerk read it).
     */
    @Transactional
    public CaseOutcome act(UUID caseId, String actor, CaseCommand command, Integer expectedVersion) {
        try {
            Case c = store.find(caseId).orElseThrow(() -> new CaseRefused(CaseRefusal.NOT_FOUND));
            departments.requireMember(actor, c.department());
            if (expectedVersion != null && expectedVersion != c.version()) {
                throw new CaseRefused(CaseRefusal.CHANGED_MEANWHILE);
            }
            Instant now = clock.instant();
            Transition t = apply(c, actor, command, now);
            long transitionId = write(c, t);
            if (command instanceof CaseCommand.RequestInformation) {
                store.insertRequest(caseId, actor, t.reason(), now);
            }
            if (command instanceof CaseCommand.Note n) {
                store.insertNote(caseId, actor, n.text().strip(), now);
            }
            announce(c, t, transitionId);
            return CaseOutcome.done(c.state());
        } catch (CaseRefused refused) {
            return CaseOutcome.refused(refused.refusal());
        }
    }

    private Transition apply(Case c, String actor, CaseCommand command, Instant now) {
        if (command instanceof CaseCommand.StartReview) {
            return c.startReview(actor, now);
        } else if (command instanceof CaseCommand.RequestInformation r) {
            return c.requestInformation(actor, r.message(), now);
        } else if (command instanceof CaseCommand.Approve) {
            return c.approve(actor, now);
        } else if (command instanceof CaseCommand.Reject r) {
            return c.reject(actor, r.reason(), now);
        } else if (command instanceof CaseCommand.Complete) {
            return c.complete(actor, now);
        } else if (command instanceof CaseCommand.Assign a) {
            String assignee = a.assignee() == null ? "" : a.assignee().strip();
            if (Case.allows(CaseAction.ASSIGN, c.state()) && !assignee.isEmpty() && !caseWorkerOf(assignee, c.department())) {
                throw new CaseRefused(CaseRefusal.ASSIGNEE_NOT_IN_DEPARTMENT);
            }
            return c.assign(actor, assignee, now);
        } else if (command instanceof CaseCommand.Transfer tr) {
            if (!departments.exists(tr.department())) {
                throw new CaseRefused(CaseRefusal.UNKNOWN_DEPARTMENT);
            }
            return c.transfer(actor, tr.department(), tr.reason(), now);
        } else if (command instanceof CaseCommand.Note n) {
            return c.note(actor, n.text(), now);
        } else if (command instanceof CaseCommand.ReleaseHold r) {
            return c.releaseHold(actor, r.reason(), now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private boolean caseWorkerOf(String reference, String department) {
        return staff.holding(Permission.PROCESS_CASES).stream().anyMatch(s -> s.reference().equals(reference)
                && department.equals(s.department()));
    }

    // ---- actions that come from elsewhere (the listeners and the register checks)

    /** A case for a submitted application; empty if the application has one already (an event handed over twice). */
    @Transactional
    Optional<UUID> open(UUID applicationId, String receiptNumber, String procedureSlug, String department, String channel,
                        UUID applicant, String clerk, String registerNumber, Instant submittedAt, Instant dueAt) {
        Instant now = clock.instant();
        Case c = Case.open(UUID.randomUUID(), applicationId, receiptNumber, procedureSlug, department, channel, applicant, clerk,
                registerNumber, submittedAt, dueAt, now);
        if (!store.insert(c)) {
            return Optional.empty();
        }
        events.publishEvent(new CaseOpened(c.id(), applicationId, procedureSlug, department, channel, now));
        return Optional.of(c.id());
    }

    /** The resident withdrew the application; refused (and left as it is) once decided. */
    @Transactional
    CaseOutcome withdraw(UUID applicationId, UUID resident) {
        try {
            Case c = store.findByApplication(applicationId).orElseThrow(() -> new CaseRefused(CaseRefusal.NOT_FOUND));
            if (c.applicant() == null || !c.applicant().equals(resident)) {
                throw new CaseRefused(CaseRefusal.NOT_APPLICANT);
            }
            Transition t = c.withdraw("account:" + resident, clock.instant());
            announce(c, t, write(c, t));
            return CaseOutcome.done(c.state());
        } catch (CaseRefused refused) {
            return CaseOutcome.refused(refused.refusal());
        }
    }

    /** The register checks found something staff must look at. */
    @Transactional
    CaseOutcome hold(UUID caseId, HoldReason reason, String detail) {
        try {
            Case c = store.find(caseId).orElseThrow(() -> new CaseRefused(CaseRefusal.NOT_FOUND));
            Transition t = c.hold(reason, detail, clock.instant());
            write(c, t);
            return CaseOutcome.done(c.state());
        } catch (CaseRefused refused) {
            return CaseOutcome.refused(refused.refusal());
        }
    }

    /** Writes the case and its transition; refused if the case changed since it was read. */
    long write(Case c, Transition t) {
        return store.update(c, t).orElseThrow(() -> new CaseRefused(CaseRefusal.CHANGED_MEANWHILE));
    }

    void announce(Case c, Transition t, long transitionId) {
        if (t.changesState()) {
            events.publishEvent(new CaseStateChanged(c.id(), c.view().applicationId(), c.view().procedureSlug(), c.department(),
                    t.from(), t.to(), t.action(), transitionId, t.at()));
        }
    }
}
