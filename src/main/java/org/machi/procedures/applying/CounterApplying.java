package org.machi.procedures.applying;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.SubmissionChannel;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldValueParser;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormVersion;
import org.machi.procedures.forms.FormVersions;
import org.machi.procedures.forms.Step;
import org.machi.procedures.receipts.ReceiptNumbers;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying at the counter (書かない窓口): a clerk fills a draft for the resident in front of them,
 * starting from what the resident register holds, on the same step pages as residents, and files
 * every draft of the counter session at once. A counter draft belongs to its clerk: everything is
 * looked up by the clerk as well as by id, so another clerk's draft is simply not found.
 */
@Service
public class CounterApplying {

    private final ApplicationStore store;
    private final FormVersions forms;
    private final Procedures procedures;
    private final FieldValueParser parser;
    private final Applying applying;
    private final ReceiptNumbers receiptNumbers;
    private final ApplicationEventPublisher events;
    private final ProceduresProperties properties;
    private final Clock clock;

    CounterApplying(ApplicationStore store, FormVersions forms, Procedures procedures, FieldValueParser parser, Applying applying,
                    ReceiptNumbers receiptNumbers, ApplicationEventPublisher events, ProceduresProperties properties, Clock clock) {
        this.store = store;
        this.forms = forms;
        this.procedures = procedures;
        this.parser = parser;
        this.applying = applying;
        this.receiptNumbers = receiptNumbers;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Why a procedure cannot be filled at the counter with a form. */
    public enum Refusal { NO_SUCH_PROCEDURE, COUNTER_ONLY, NO_FORM }

    public Optional<Refusal> check(String slug) {
        Optional<ProcedureView> procedure = slug == null ? Optional.empty() : procedures.find(slug, SiteLanguage.REFERENCE);
        if (procedure.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_PROCEDURE);
        }
        if (!procedure.get().online()) {
            return Optional.of(Refusal.COUNTER_ONLY);
        }
        return forms.current(slug).isEmpty() ? Optional.of(Refusal.NO_FORM) : Optional.empty();
    }

    /** Starts a counter draft on the procedure's current form, filled from the register's facts; check {@link #check} first. */
    @Transactional
    public UUID start(String slug, UUID session, String clerk, String registerNumber, ApplicantFacts facts, String returnPath) {
        FormVersion version = forms.current(slug).orElseThrow(() -> new IllegalStateException("no form for " + slug));
        Map<String, Map<String, String>> prefill = new Prefill(parser).values(version.definition(),
                facts == null ? ApplicantFacts.NONE : facts);
        Map<String, String> values = new LinkedHashMap<>();
        prefill.values().forEach(values::putAll);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertCounterDraft(id, slug, version.version(), clerk, registerNumber, session, returnPath, new Answers(values),
                new LinkedHashSet<>(prefill.keySet()), now, now.plus(properties.drafts().keptFor()));
        return id;
    }

    /** The clerk's counter draft with its form; empty when there is none by that id (or it is another clerk's, or was filed). */
    @Transactional(readOnly = true)
    public Optional<Draft> draft(UUID id, String clerk) {
        return store.findAtCounter(id, clerk).filter(a -> a.status() == ApplicationStatus.DRAFT)
                .flatMap(a -> forms.publishedDefinition(a.procedure(), a.formVersion()).map(form -> new Draft(a, applying.rules(form))));
    }

    /** The clerk's counter application, draft or filed. */
    @Transactional(readOnly = true)
    public Optional<StoredApplication> application(UUID id, String clerk) {
        return store.findAtCounter(id, clerk);
    }

    /** The clerk's drafts of the session, oldest first. */
    @Transactional(readOnly = true)
    public List<Draft> drafts(UUID session, String clerk) {
        List<Draft> drafts = new ArrayList<>();
        for (StoredApplication application : store.ofCounterSession(session, clerk, false)) {
            if (application.status() == ApplicationStatus.DRAFT) {
                forms.publishedDefinition(application.procedure(), application.formVersion())
                        .ifPresent(form -> drafts.add(new Draft(application, applying.rules(form))));
            }
        }
        return drafts;
    }

    public boolean complete(Draft draft) {
        return draft.rules().firstIncomplete(draft.answers(), SiteLanguage.REFERENCE).isEmpty();
    }

    /** The answered fields of the shown steps that were typed in, not taken from the register. */
    public int typed(Draft draft) {
        return (int) answered(draft).stream().filter(id -> !draft.application().prefilled().contains(id)).count();
    }

    /** The answered fields of the shown steps that still hold what the register gave. */
    public int prefilled(Draft draft) {
        return (int) answered(draft).stream().filter(draft.application().prefilled()::contains).count();
    }

    private Set<String> answered(Draft draft) {
        Answers answers = draft.answers();
        Set<String> answered = new LinkedHashSet<>();
        for (Step step : draft.rules().shownSteps(answers)) {
            for (Field field : step.fields()) {
                if (draft.rules().holds(field.showIf(), answers) && answered(field, answers)) {
                    answered.add(field.id());
                }
            }
        }
        return answered;
    }

    private static boolean answered(Field field, Answers answers) {
        return switch (field.type()) {
            case ADDRESS -> answers.get(field.id() + ".line") != null;
            case GROUP -> answers.items(field.id()) > 0;
            default -> answers.get(field.id()) != null && !answers.get(field.id()).isEmpty();
        };
    }

    /** What filing a session's drafts came to: receipt numbers by application, or the drafts still incomplete (nothing filed). */
    public record Filed(Map<UUID, String> receiptNumbers, List<UUID> incomplete) {
    }

    /**
     * Files every draft of the clerk's session in one transaction, each with a receipt number and an
     * {@link ApplicationSubmitted} of channel COUNTER; if any draft is incomplete, none is filed.
     */
    @Transactional
    public Filed submit(UUID session, String clerk) {
        List<StoredApplication> locked = store.ofCounterSession(session, clerk, true).stream()
                .filter(a -> a.status() == ApplicationStatus.DRAFT).toList();
        List<UUID> incomplete = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        for (StoredApplication application : locked) {
            Optional<FormDefinition> form = forms.publishedDefinition(application.procedure(), application.formVersion());
            Draft draft = form.map(f -> new Draft(application, applying.rules(f))).orElse(null);
            if (draft == null || !complete(draft)) {
                incomplete.add(application.id());
            } else {
                drafts.add(draft);
            }
        }
        if (!incomplete.isEmpty() || drafts.isEmpty()) {
            return new Filed(Map.of(), incomplete);
        }
        Map<UUID, String> receipts = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (Draft draft : drafts) {
            StoredApplication application = draft.application();
            Answers answers = applying.shownAnswers(draft.rules(), application.answers());
            Set<String> prefilled = new LinkedHashSet<>(application.prefilled());
            prefilled.retainAll(topLevelKeys(answers));
            String receipt = receiptNumbers.next(now).toString();
            Long fee = applying.feeDue(draft.form(), answers).map(FeeDue::yen).orElse(null);
            if (!store.markSubmittedAtCounter(application.id(), clerk, answers, prefilled, receipt, fee, now)) {
                throw new Applying.DraftGoneException();
            }
            events.publishEvent(new ApplicationSubmitted(application.id(), receipt, application.procedure(), application.formVersion(), null,
                    now, fee, SubmissionChannel.COUNTER, clerk, application.registerNumber(), session));
            receipts.put(application.id(), receipt);
        }
        return new Filed(receipts, List.of());
    }

    private static Set<String> topLevelKeys(Answers answers) {
        Set<String> keys = new LinkedHashSet<>();
        answers.values().keySet().forEach(key -> keys.add(key.split("[.\\[]", 2)[0]));
        return keys;
    }
}
