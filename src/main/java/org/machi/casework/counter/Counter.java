package org.machi.casework.counter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.ResidentRegister;
import org.machi.casework.counter.CounterCases.CaseBrief;
import org.machi.casework.counter.CounterCases.PendingCase;
import org.machi.casework.counter.CounterSessionStore.StartedApplication;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.Applications;
import org.machi.procedures.CounterDraftView;
import org.machi.procedures.CounterRefusedException;
import org.machi.procedures.CounterStart;
import org.machi.procedures.CounterSubmission;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The no-writing counter (書かない窓口): a clerk looks a resident up in the register, opens a session
 * for them, sees what they have pending, starts the procedures of the visit filled from the register,
 * and submits them all at once on the resident's behalf. Every register read that shows a resident's
 * data is recorded in the audit trail with the purpose the clerk chose. A session belongs to the
 * clerk who opened it; nobody else reads or changes it.
 */
@Service
class Counter {

    static final String AUDIT_RECORD = "casework.register";

    private final CounterSessionStore sessions;
    private final CounterCases cases;
    private final ResidentRegister register;
    private final Applications applications;
    private final Procedures procedures;
    private final AuditTrail audit;
    private final Clock clock;

    Counter(CounterSessionStore sessions, CounterCases cases, ResidentRegister register, Applications applications,
            Procedures procedures, AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.cases = cases;
        this.register = register;
        this.applications = applications;
        this.procedures = procedures;
        this.audit = audit;
        this.clock = clock;
    }

    /** The people the look-up finds; each one shown is a read of personal data, recorded with the purpose. */
    @Transactional
    public List<RegisteredPerson> lookUp(LookUp lookUp, LookUpPurpose purpose, String clerk) {
        List<RegisteredPerson> found;
        if (lookUp instanceof LookUp.ByNumber n) {
            found = register.byNumber(n.registerNumber()).map(List::of).orElse(List.of());
        } else if (lookUp instanceof LookUp.ByName n) {
            found = register.byNameAndBirthDate(n.familyName(), n.givenName(), n.birthDate());
        } else {
            LookUp.ByAddress a = (LookUp.ByAddress) lookUp;
            found = register.byAddress(a.postcode(), a.addressLine());
        }
        found.forEach(person -> audited(clerk, person.registerNumber(), purpose, lookUp.way()));
        return found;
    }

    /** A new session, or the reason there is none. */
    sealed interface Start {
        record Started(CounterSession session) implements Start {
        }

        record Refused(Problem problem) implements Start {
        }
    }

    /**
     * Opens a session for a resident the clerk has looked up.
     *
     * @param lookedUp whether this register number was among the clerk's look-up results (a session
     *                 never starts for a number typed or sent without a look-up)
     */
    @Transactional
    public Start start(String clerk, String registerNumber, LookUpPurpose purpose, boolean lookedUp) {
        if (purpose == null) {
            return new Start.Refused(Problem.of("purpose", "counter.lookUp.purpose.required"));
        }
        if (registerNumber == null || registerNumber.isBlank() || !lookedUp || register.byNumber(registerNumber).isEmpty()) {
            return new Start.Refused(Problem.of("registerNumber", "counter.refused.noResident"));
        }
        CounterSession session = new CounterSession(UUID.randomUUID(), clerk, registerNumber, purpose, clock.instant(),
                null, null, 0, 0, List.of());
        sessions.insert(session);
        return new Start.Started(session);
    }

    /** The clerk's own session; refused when there is none or it is another clerk's. */
    CounterSession session(UUID id, String clerk) {
        CounterSession session = sessions.find(id).orElseThrow(CounterRefusal::noSuchSession);
        if (!session.servedBy(clerk)) {
            throw CounterRefusal.otherClerk();
        }
        return session;
    }

    /** What the clerk's open sessions are, newest first (register numbers only: nothing is read from the register). */
    List<CounterSession> openSessions(String clerk) {
        return sessions.openOf(clerk);
    }

    /**
     * Everything of the visit on one page: the resident as the register has them, what they and their
     * household have pending, what this session has started and what other open sessions have.
     */
    record Visit(CounterSession session, RegisteredPerson person, List<PendingCase> cases, List<CounterDraftView> drafts,
                 List<Started> started, List<StartedApplication> elsewhere) {

        public boolean allComplete() {
            return !drafts.isEmpty() && drafts.stream().allMatch(CounterDraftView::complete);
        }
    }

    /** An application of the session, with its case once it is submitted (null before). */
    record Started(StartedApplication application, CaseBrief caseBrief) {
    }

    /** The visit as the clerk sees it; reading the resident's data is recorded with the session's purpose. */
    @Transactional
    public Visit visit(UUID id, String clerk) {
        CounterSession session = session(id, clerk);
        RegisteredPerson person = register.byNumber(session.registerNumber()).orElse(null);
        if (person != null) {
            audited(clerk, person.registerNumber(), session.purpose(), "counter session " + session.id());
        }
        List<PendingCase> pending = cases.pending(session.registerNumber(), person == null ? null : person.householdNumber());
        List<CounterDraftView> drafts = session.open() ? applications.counterDrafts(id, clerk) : List.of();
        List<StartedApplication> started = sessions.applicationsOf(id);
        Map<UUID, CaseBrief> opened = cases.of(started.stream().map(StartedApplication::applicationId).toList());
        return new Visit(session, person, pending, drafts,
                started.stream().map(a -> new Started(a, opened.get(a.applicationId()))).toList(),
                sessions.openElsewhere(session.registerNumber(), id));
    }

    /** The procedures a session may start: those that can be done online (counter-only ones have no form to fill). */
    List<ProcedureView> choosable(SiteLanguage language) {
        return procedures.all(language).stream().filter(ProcedureView::online).toList();
    }

    /** The online procedures of a life event, in catalog order. */
    List<ProcedureView> forLifeEvent(LifeEvent event, SiteLanguage language) {
        return procedures.forLifeEvent(event, language).stream().filter(ProcedureView::online).toList();
    }

    /**
     * Starts the picked procedures in the session, each a draft filled from the register. A
     * procedure already started in the session is not started again. Refused as a whole, nothing
     * started, when none is picked, one is not an online procedure, or the session is not open.
     */
    @Transactional
    public List<Problem> pick(UUID id, String clerk, List<String> slugs) {
        CounterSession session = session(id, clerk);
        if (!session.open()) {
            return List.of(Problem.of("procedure", "counter.refused.notOpen"));
        }
        Set<String> picked = new LinkedHashSet<>(slugs == null ? List.of() : slugs.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
        if (picked.isEmpty()) {
            return List.of(Problem.of("procedure", "counter.refused.noProcedures"));
        }
        List<String> online = choosable(SiteLanguage.REFERENCE).stream().map(ProcedureView::slug).toList();
        if (!online.containsAll(picked)) {
            return List.of(Problem.of("procedure", "counter.refused.notOnline"));
        }
        RegisteredPerson person = register.byNumber(session.registerNumber()).orElse(null);
        if (person == null) {
            return List.of(Problem.of("procedure", "counter.refused.noResident"));
        }
        picked.removeAll(session.procedures());
        ApplicantFacts facts = new ApplicantFacts(person.familyName(), person.givenName(), person.familyNameKana(),
                person.givenNameKana(), person.birthDate(), person.postcode(), person.addressLine(), person.district());
        Instant now = clock.instant();
        for (String slug : picked) {
            UUID application;
            try {
                application = applications.startAtCounter(new CounterStart(slug, id, clerk, session.registerNumber(), facts,
                        "/counter/sessions/" + id));
            } catch (CounterRefusedException refused) {
                // the transaction rolls back: none of the picked procedures is started
                throw new NotStarted(slug, refused.messageKey());
            }
            sessions.started(id, application, slug, now);
        }
        List<String> all = new ArrayList<>(session.procedures());
        all.addAll(picked);
        sessions.procedures(id, clerk, all);
        return List.of();
    }

    /** A picked procedure the procedures module would not start at the counter (no form); nothing of the pick was started. */
    static final class NotStarted extends RuntimeException {

        private final String slug;
        private final String messageKey;

        NotStarted(String slug, String messageKey) {
            super("not started at the counter: " + slug, null, false, false);
            this.slug = slug;
            this.messageKey = messageKey;
        }

        String slug() {
            return slug;
        }

        /** A key of the procedures module's bundle, taking the procedure's title. */
        String messageKey() {
            return messageKey;
        }
    }

    /** The outcome of submitting: receipt numbers by application, or the reason nothing was submitted. */
    record Submitted(Map<UUID, String> receipts, List<Problem> problems) {
    }

    /**
     * Submits every application of the session on the resident's behalf, once the resident has
     * checked and signed the summary; records the measures (time from start, fields prefilled and
     * typed). Nothing is submitted if any application is incomplete.
     */
    @Transactional
    public Submitted submit(UUID id, String clerk, boolean signed) {
        CounterSession session = session(id, clerk);
        if (!session.open()) {
            return new Submitted(Map.of(), List.of(Problem.of("signed", "counter.refused.notOpen")));
        }
        List<CounterDraftView> drafts = applications.counterDrafts(id, clerk);
        if (drafts.isEmpty()) {
            return new Submitted(Map.of(), List.of(Problem.of("procedure", "counter.refused.nothingToSubmit")));
        }
        List<Problem> problems = new ArrayList<>();
        drafts.stream().filter(d -> !d.complete())
                .forEach(d -> problems.add(Problem.of("draft-" + d.applicationId(), "counter.refused.incomplete", d.title())));
        if (!signed) {
            problems.add(Problem.of("signed", "counter.refused.notSigned"));
        }
        if (!problems.isEmpty()) {
            return new Submitted(Map.of(), problems);
        }
        int prefilled = drafts.stream().mapToInt(CounterDraftView::fieldsPrefilled).sum();
        int typed = drafts.stream().mapToInt(CounterDraftView::fieldsTyped).sum();
        CounterSubmission submission = applications.submitAtCounter(id, clerk);
        if (!submission.submitted()) {
            // a draft changed since it was read (another tab of the same clerk): nothing was filed
            return new Submitted(Map.of(), List.of(Problem.of("drafts", submission.messageKey())));
        }
        if (!sessions.submitted(id, clerk, clock.instant(), prefilled, typed)) {
            throw new IllegalStateException("counter session " + id + " was filed but is no longer open");
        }
        return new Submitted(submission.receiptNumbers(), List.of());
    }

    /** Ends the session without submitting (the resident left); its drafts stay the clerk's until they expire. */
    @Transactional
    public boolean close(UUID id, String clerk) {
        session(id, clerk);
        return sessions.closed(id, clerk, clock.instant());
    }

    Optional<RegisteredPerson> person(CounterSession session) {
        return register.byNumber(session.registerNumber());
    }

    /** A read of a register person's data for this clerk, with why. */
    void audited(String clerk, String registerNumber, LookUpPurpose purpose, String detail) {
        audit.record(AuditRecord.of(clerk, "personal-data.read").about("register:" + registerNumber, AUDIT_RECORD)
                .because(purpose.auditPurpose()).withDetail(detail));
    }
}
