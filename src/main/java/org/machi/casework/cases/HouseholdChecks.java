package org.machi.casework.cases;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.casework.CaseOpened;
import org.machi.casework.CaseView;
import org.machi.casework.ResidentRegister;
import org.machi.casework.RegisteredHousehold;
import org.machi.casework.RegisteredPerson;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.Applications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic checks of a benefit paid once per household (the procedures of
 * {@code machi.casework.one-per-household}), against the resident register, when its case opens:
 * the applicant is found in the register (a counter case names its register person; an online one
 * is looked up by the application's name and birth date, narrowed by its address), the household
 * has no other case of the procedure that is not rejected or withdrawn, and the applicant is the
 * household's head or its registered proxy. A failed check holds the case for review with its
 * reason; nothing is decided automatically. No manual cross-checking of lists: what halted online
 * intake in 2020.
 *
 * <p>Every other case opened online is matched to the register the same way (the first step only,
 * with its own purpose), so that the counter's one view of a resident shows what they sent online.
 *
 * <p>Two steps, each committed: first the applicant's register and household numbers are stored
 * with the case, then other cases of the household are looked for. Two applications of one
 * household checked at the same moment therefore see each other (at least the later one does):
 * a step-two read never misses a case whose step one committed before it began.
 */
@Component
class HouseholdChecks {

    /** The purpose recorded when the checks read the application and the register. */
    static final String PURPOSE = "benefit-check";

    /** The purpose recorded when an online case of another procedure is matched to the register, for the counter's one view. */
    static final String MATCH_PURPOSE = "register-match";

    private static final Logger log = LoggerFactory.getLogger(HouseholdChecks.class);

    private final CaseStore store;
    private final CaseWork work;
    private final ResidentRegister register;
    private final Applications applications;
    private final AuditTrail audit;
    private final CaseworkProperties properties;
    private final TransactionTemplate step;

    HouseholdChecks(CaseStore store, CaseWork work, ResidentRegister register, Applications applications, AuditTrail audit,
                    CaseworkProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.work = work;
        this.register = register;
        this.applications = applications;
        this.audit = audit;
        this.properties = properties;
        this.step = new TransactionTemplate(transactions);
        this.step.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Async
    @TransactionalEventListener
    void on(CaseOpened opened) {
        if (properties.onePerHousehold().contains(opened.procedureSlug())) {
            check(opened.caseId());
        } else {
            step.executeWithoutResult(status -> {
                if (store.view(opened.caseId()).orElseThrow().registerNumber() == null) {
                    identify(opened.caseId(), MATCH_PURPOSE);
                }
            });
        }
    }

    /** Runs the checks on the case; an error (the register not answering) leaves the event to be handed over again. */
    void check(UUID caseId) {
        Found found = step.execute(status -> identify(caseId, PURPOSE));
        step.executeWithoutResult(status -> judge(caseId, found));
    }

    /** Who applied, as the register knows them; empty with a reason (without personal data) when not exactly one person. */
    record Found(RegisteredPerson person, String notFound) {
    }

    private Found identify(UUID caseId, String purpose) {
        CaseView c = store.view(caseId).orElseThrow();
        Found found;
        if (c.registerNumber() != null) {
            found = register.byNumber(c.registerNumber()).map(p -> new Found(p, null))
                    .orElseGet(() -> new Found(null, "register number not in the register"));
        } else {
            ApplicantFacts facts = applications.applicantFacts(c.applicationId(), "system", purpose).orElse(ApplicantFacts.NONE);
            found = lookUp(facts);
        }
        audit.record(AuditRecord.of("system", "personal-data.read")
                .about(found.person() != null ? "register:" + found.person().registerNumber() : CaseFiles.subject(c), "casework.register")
                .because(purpose).withDetail("case " + caseId));
        if (found.person() != null) {
            store.matched(caseId, found.person().registerNumber(), found.person().householdNumber());
        }
        return found;
    }

    private Found lookUp(ApplicantFacts facts) {
        if (facts.birthDate() == null || !(has(facts.familyName()) && has(facts.givenName())
                || has(facts.familyNameKana()) && has(facts.givenNameKana()))) {
            return new Found(null, "no name and birth date in the application");
        }
        List<RegisteredPerson> candidates = has(facts.familyName()) && has(facts.givenName())
                ? register.byNameAndBirthDate(facts.familyName().strip(), facts.givenName().strip(), facts.birthDate()) : List.of();
        if (candidates.isEmpty() && has(facts.familyNameKana()) && has(facts.givenNameKana())) {
            candidates = register.byNameAndBirthDate(facts.familyNameKana().strip(), facts.givenNameKana().strip(), facts.birthDate());
        }
        if (candidates.size() > 1 && has(facts.postcode())) {
            String postcode = digits(facts.postcode());
            String line = normal(facts.addressLine());
            List<RegisteredPerson> atAddress = candidates.stream().filter(p -> postcode.equals(digits(p.postcode())))
                    .filter(p -> line.isEmpty() || line.equals(normal(p.addressLine()))).toList();
            if (!atAddress.isEmpty()) {
                candidates = atAddress;
            }
        }
        if (candidates.size() == 1) {
            return new Found(candidates.get(0), null);
        }
        return new Found(null, candidates.isEmpty() ? "nobody of that name and birth date" : candidates.size() + " people match");
    }

    private void judge(UUID caseId, Found found) {
        CaseView c = store.view(caseId).orElseThrow();
        Optional<Hold> hold = findings(c, found);
        hold.ifPresentOrElse(h -> {
            if (h.reason().name().equals(c.heldReason()) && java.util.Objects.equals(h.detail(), c.heldDetail())) {
                return; // held for this already (the event handed over again)
            }
            CaseOutcome outcome = work.hold(caseId, h.reason(), h.detail());
            for (int again = 0; again < 3 && outcome.refusal() == CaseRefusal.CHANGED_MEANWHILE; again++) {
                outcome = work.hold(caseId, h.reason(), h.detail()); // a clerk acted at the same moment: read the case again
            }
            if (outcome.refusal() == CaseRefusal.CHANGED_MEANWHILE) {
                throw new IllegalStateException("case " + caseId + " kept changing; the checks run again later");
            }
            log.info("Case {} ({}) held for review: {}{}", caseId, c.procedureSlug(), h.reason(),
                    outcome.succeeded() ? "" : " (not held: " + outcome.refusal() + ")");
        }, () -> log.info("Case {} ({}) passed the household checks", caseId, c.procedureSlug()));
    }

    record Hold(HoldReason reason, String detail) {
    }

    private Optional<Hold> findings(CaseView c, Found found) {
        if (found.person() == null) {
            return Optional.of(new Hold(HoldReason.NOT_IN_REGISTER, found.notFound()));
        }
        RegisteredPerson person = found.person();
        Optional<RegisteredHousehold> household = register.household(person.householdNumber());
        if (household.isEmpty()) {
            return Optional.of(new Hold(HoldReason.NOT_IN_REGISTER, "household not in the register"));
        }
        List<CaseView> others = store.sameHousehold(person.householdNumber(), c.procedureSlug(), c.id());
        if (!others.isEmpty()) {
            String receipts = String.join(", ", others.stream().map(CaseView::receiptNumber).toList());
            return Optional.of(new Hold(HoldReason.DUPLICATE_IN_HOUSEHOLD, receipts.length() > 200 ? receipts.substring(0, 200) : receipts));
        }
        RegisteredHousehold h = household.get();
        if (!h.headOrProxy(person.registerNumber())) {
            return Optional.of(new Hold(HoldReason.NOT_HEAD_OR_PROXY, null));
        }
        return Optional.empty();
    }

    private static boolean has(String value) {
        return value != null && !value.isBlank();
    }

    private static String digits(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
    }

    private static String normal(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("[\\s\\-‐－ー−]", "");
    }
}
