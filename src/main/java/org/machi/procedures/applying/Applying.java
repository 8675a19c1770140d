package org.machi.procedures.applying;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.machi.identity.Assurance;
import org.machi.identity.Resident;
import org.machi.identity.Residents;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.ApplicationView;
import org.machi.procedures.ApplicationWithdrawn;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FieldValueParser;
import org.machi.procedures.receipts.ReceiptNumbers;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormVersion;
import org.machi.procedures.forms.FormVersions;
import org.machi.procedures.forms.Step;
import org.machi.shared.CaseProgress;
import org.machi.shared.SiteLanguage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying online: a resident starts (or resumes) a draft of a procedure's current form, answers it
 * step by step, checks the answers and submits it once; later they may withdraw it while staff
 * have not decided. Everything is looked up by the resident's account as well as by id, so another
 * account's application is simply not found.
 */
@Service
public class Applying {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int EARLIER_APPLICATIONS = 10;

    private final ApplicationStore store;
    private final FormVersions forms;
    private final Procedures procedures;
    private final Residents residents;
    private final FieldValueParser parser;
    private final ObjectProvider<AttachmentIntake> attachments;
    private final ReceiptNumbers receiptNumbers;
    private final ApplicationEventPublisher events;
    private final ProceduresProperties properties;
    private final Clock clock;
    private final ObjectProvider<CaseProgress> cases;

    Applying(ApplicationStore store, FormVersions forms, Procedures procedures, Residents residents, FieldValueParser parser,
             ObjectProvider<AttachmentIntake> attachments, ReceiptNumbers receiptNumbers, ApplicationEventPublisher events,
             ProceduresProperties properties, Clock clock, ObjectProvider<CaseProgress> cases) {
        this.cases = cases;
        this.store = store;
        this.forms = forms;
        this.procedures = procedures;
        this.residents = residents;
        this.parser = parser;
        this.attachments = attachments;
        this.receiptNumbers = receiptNumbers;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Why a resident cannot apply for a procedure online; null when they can. */
    public enum Refusal { NO_SUCH_PROCEDURE, NO_FORM, NEEDS_CARD, NOT_A_RESIDENT }

    public record Start(Refusal refusal, UUID existingDraft) {
    }

    /** Whether the resident may apply, and their draft of it if they have one. */
    @Transactional(readOnly = true)
    public Start check(UUID account, String slug) {
        Optional<ProcedureView> procedure = procedures.find(slug, SiteLanguage.REFERENCE).filter(ProcedureView::online);
        if (procedure.isEmpty()) {
            return new Start(Refusal.NO_SUCH_PROCEDURE, null);
        }
        if (forms.current(slug).isEmpty()) {
            return new Start(Refusal.NO_FORM, null);
        }
        Optional<Assurance> assurance = residents.assurance(account);
        if (assurance.isEmpty()) {
            return new Start(Refusal.NOT_A_RESIDENT, null);
        }
        if (procedure.get().assurance() == Assurance.CARD_VERIFIED && assurance.get() != Assurance.CARD_VERIFIED) {
            return new Start(Refusal.NEEDS_CARD, null);
        }
        return new Start(null, store.draftOf(account, slug).orElse(null));
    }

    /** Starts a draft on the current form, filled with what the city holds; or returns the draft the resident has already. */
    @Transactional
    public UUID start(UUID account, String slug) {
        Start start = check(account, slug);
        if (start.refusal() != null) {
            throw new IllegalStateException("refused: " + start.refusal());
        }
        if (start.existingDraft() != null) {
            return start.existingDraft();
        }
        return insertDraft(account, slug, rules -> new Known(Map.of(), Set.of()));
    }

    /** Answers a resident has just given elsewhere for a form's fields, and the ids of the fields they fill. */
    public record Known(Map<String, String> answers, Set<String> fields) {
    }

    /**
     * Starts a new draft on the current form (even when the resident has one already) with answers
     * given elsewhere, such as a life-event bundle's shared facts: they win over the profile's and are
     * recorded as prefilled, so the steps show them as already known.
     */
    @Transactional
    public UUID startWith(UUID account, String slug, Function<FormRules, Known> known) {
        Start start = check(account, slug);
        if (start.refusal() != null) {
            throw new IllegalStateException("refused: " + start.refusal());
        }
        return insertDraft(account, slug, known);
    }

    private UUID insertDraft(UUID account, String slug, Function<FormRules, Known> known) {
        FormVersion version = forms.current(slug).orElseThrow();
        Resident resident = residents.find(account).orElseThrow();
        Map<String, Map<String, String>> prefill = new Prefill(parser).values(version.definition(), resident,
                store.earlierAnswers(account, EARLIER_APPLICATIONS));
        Known given = known.apply(rules(version.definition()));
        prefill.keySet().removeAll(given.fields());
        Map<String, String> values = new LinkedHashMap<>();
        prefill.values().forEach(values::putAll);
        values.putAll(given.answers());
        Set<String> prefilled = new LinkedHashSet<>(prefill.keySet());
        prefilled.addAll(given.fields());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertDraft(id, slug, version.version(), account, new Answers(values), prefilled, now,
                now.plus(properties.drafts().keptFor()));
        return id;
    }

    /** The resident's draft of this procedure, with its form; empty when there is none by that id (or it is another's). */
    @Transactional(readOnly = true)
    public Optional<Draft> draft(UUID account, String slug, UUID id) {
        return store.find(id, account).filter(a -> a.procedure().equals(slug) && a.status() == ApplicationStatus.DRAFT)
                .flatMap(a -> forms.publishedDefinition(slug, a.formVersion()).map(form -> new Draft(a, rules(form))));
    }

    /** The resident's application, any status; empty when it is not theirs. */
    @Transactional(readOnly = true)
    public Optional<StoredApplication> application(UUID account, UUID id) {
        return store.find(id, account);
    }

    @Transactional(readOnly = true)
    public Optional<FormDefinition> formOf(StoredApplication application) {
        return forms.publishedDefinition(application.procedure(), application.formVersion());
    }

    /** What came of a step's inputs: saved and where to go next, a stop, or problems to show (nothing saved). */
    public record StepOutcome(StepReading reading, Answers shown, String stopMessageStep, Step next, boolean saved) {
    }

    /**
     * Reads and, when valid, saves one step. A group's add or remove button re-shows the step with
     * the items changed and saves nothing; so does any problem.
     */
    @Transactional
    public StepOutcome saveStep(Draft draft, Step step, StepInput input, GroupAction action, SiteLanguage language) {
        StoredApplication application = draft.application();
        FormRules rules = draft.rules();
        List<Problem> fileProblems = new ArrayList<>();
        Answers withFiles = uploads(application, step, input, language, fileProblems);
        StepReading reading = rules.read(step, withFiles, input, application.prefilled(), action, language);
        if (!fileProblems.isEmpty()) {
            List<Problem> all = new ArrayList<>(fileProblems);
            all.addAll(reading.problems());
            reading = new StepReading(reading.changes(), reading.removed(), all, reading.items());
        }
        Answers after = reading.applyTo(withFiles);
        if (action != null || !reading.valid()) {
            return new StepOutcome(reading, after, null, null, false);
        }
        Set<String> prefilled = new LinkedHashSet<>(application.prefilled());
        // a prefilled value the resident changed is theirs now; one they left as it was stays recorded as prefilled
        prefilled.removeIf(id -> step.field(id).isPresent() && !input.keptAsKnown(id)
                && !samePrefix(application.answers(), after, id));
        Instant now = clock.instant();
        if (!store.saveDraft(application, after, prefilled, now, now.plus(properties.drafts().keptFor()))) {
            throw new DraftGoneException();
        }
        if (rules.stop(step, after).isPresent()) {
            return new StepOutcome(reading, after, step.id(), null, true);
        }
        return new StepOutcome(reading, after, null, rules.next(step, after).orElse(null), true);
    }

    /**
     * Takes the files sent with a step. An accepted file is kept with the draft at once (and replaces
     * the field's earlier file), even if another input of the step has a problem, so the resident
     * does not send it again; a refused one becomes the field's problem.
     */
    private Answers uploads(StoredApplication application, Step step, StepInput input, SiteLanguage language, List<Problem> problems) {
        AttachmentIntake intake = attachments.getIfAvailable();
        Answers answers = application.answers();
        boolean changed = false;
        for (org.machi.procedures.forms.Field field : step.fields()) {
            StepInput.Upload upload = field.type() == FieldType.FILE ? input.file(field.id()) : null;
            if (upload == null) {
                continue;
            }
            String label = field.label().in(language);
            if (intake == null) {
                problems.add(new Problem(field.id(), "apply.file.unavailable", List.of(label)));
                continue;
            }
            AttachmentIntake.Result result = intake.accept(application.fileOwner(), application.id(), field.accept(), field.maxBytes(),
                    upload.filename(), upload.declaredType(), upload.body().get());
            if (result.attachmentId() == null) {
                problems.add(new Problem(field.id(), "apply.file.refused", List.of(label,
                        new DefaultMessageSourceResolvable(new String[] {result.refusalKey()}, result.refusalArgs().toArray()))));
                continue;
            }
            String earlier = answers.get(field.id());
            answers = answers.with(Map.of(field.id(), result.attachmentId().toString()), Set.of());
            if (earlier != null) {
                intake.remove(UUID.fromString(earlier), application.fileOwner());
            }
            changed = true;
        }
        if (changed) {
            Instant now = clock.instant();
            if (!store.saveDraft(application, answers, application.prefilled(), now,
                    now.plus(properties.drafts().keptFor()))) {
                throw new DraftGoneException();
            }
        }
        return answers;
    }

    /** Takes a file off the draft (the step's "remove" button) and deletes it; false when the field had none. */
    @Transactional
    public boolean removeFile(Draft draft, String fieldId) {
        StoredApplication application = draft.application();
        String stored = application.answers().get(fieldId);
        boolean isFile = draft.form().field(fieldId).map(f -> f.type() == FieldType.FILE).orElse(false);
        if (!isFile || stored == null) {
            return false;
        }
        Instant now = clock.instant();
        if (!store.saveDraft(application, application.answers().with(Map.of(), Set.of(fieldId)),
                application.prefilled(), now, now.plus(properties.drafts().keptFor()))) {
            throw new DraftGoneException();
        }
        AttachmentIntake intake = attachments.getIfAvailable();
        if (intake != null) {
            intake.remove(UUID.fromString(stored), application.fileOwner());
        }
        return true;
    }

    /** The files of a draft or application, by id. */
    public Map<UUID, AttachmentIntake.FileInfo> files(UUID applicationId) {
        AttachmentIntake intake = attachments.getIfAvailable();
        Map<UUID, AttachmentIntake.FileInfo> files = new LinkedHashMap<>();
        if (intake != null) {
            intake.files(applicationId).forEach(file -> files.put(file.id(), file));
        }
        return files;
    }

    /** A file of the resident's own application, to download. */
    @Transactional(readOnly = true)
    public Optional<AttachmentIntake.Download> file(UUID account, UUID applicationId, UUID fileId) {
        AttachmentIntake intake = attachments.getIfAvailable();
        if (intake == null || store.find(applicationId, account).isEmpty()) {
            return Optional.empty();
        }
        return intake.open(fileId, account, applicationId);
    }

    private static boolean samePrefix(Answers before, Answers after, String id) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        before.values().forEach((k, v) -> {
            if (k.equals(id) || k.startsWith(id + ".")) {
                a.put(k, v);
            }
        });
        after.values().forEach((k, v) -> {
            if (k.equals(id) || k.startsWith(id + ".")) {
                b.put(k, v);
            }
        });
        return a.equals(b);
    }

    /** A fresh key for the check-your-answers page just shown; only a submit with the latest key is taken. */
    @Transactional
    public String newSubmitKey(Draft draft) {
        String key = HexFormat.of().formatHex(randomBytes());
        if (!store.setSubmitKey(draft.application().id(), draft.application().applicant(), key)) {
            throw new DraftGoneException();
        }
        return key;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public enum SubmitResult { SUBMITTED, ALREADY_SUBMITTED, STALE_KEY, INCOMPLETE, NOT_FOUND, FORM_GONE }

    public record Submission(SubmitResult result, StoredApplication application, Step incomplete) {
    }

    /**
     * Submits the draft once. The row is locked first, so a double click, a retry or a second tab
     * waits for the first submit and then finds the application submitted: it gets the same receipt.
     */
    @Transactional
    public Submission submit(UUID account, String slug, UUID id, String key, SiteLanguage language) {
        Optional<StoredApplication> locked = store.lock(id, account).filter(a -> a.procedure().equals(slug));
        if (locked.isEmpty()) {
            return new Submission(SubmitResult.NOT_FOUND, null, null);
        }
        StoredApplication application = locked.get();
        if (application.status() != ApplicationStatus.DRAFT) {
            return new Submission(application.status() == ApplicationStatus.WITHDRAWN || application.receiptNumber() == null
                    ? SubmitResult.NOT_FOUND : SubmitResult.ALREADY_SUBMITTED, application, null);
        }
        Optional<FormDefinition> form = forms.publishedDefinition(slug, application.formVersion());
        if (form.isEmpty()) {
            return new Submission(SubmitResult.FORM_GONE, application, null);
        }
        if (key == null || !key.equals(application.submitKey())) {
            return new Submission(SubmitResult.STALE_KEY, application, null);
        }
        FormRules rules = rules(form.get());
        Optional<Step> incomplete = rules.firstIncomplete(application.answers(), language);
        if (incomplete.isPresent()) {
            return new Submission(SubmitResult.INCOMPLETE, application, incomplete.get());
        }
        Answers answers = shownAnswers(rules, application.answers());
        Set<String> prefilled = new LinkedHashSet<>(application.prefilled());
        prefilled.retainAll(topLevelKeys(answers));
        Instant now = clock.instant();
        String receipt = receiptNumbers.next(now).toString();
        Long fee = feeDue(form.get(), answers).map(FeeDue::yen).orElse(null);
        if (!store.markSubmitted(id, account, key, answers, prefilled, receipt, fee, now)) {
            throw new DraftGoneException();
        }
        events.publishEvent(new ApplicationSubmitted(id, receipt, slug, application.formVersion(), account, now, fee));
        return new Submission(SubmitResult.SUBMITTED, store.find(id, account).orElseThrow(), null);
    }

    /** The fee these answers owe under the procedure's catalog fee and the form's rule; empty when nothing is due. */
    public Optional<FeeDue> feeDue(FormDefinition form, Answers answers) {
        return FeeDue.of(procedures.find(form.procedure(), SiteLanguage.REFERENCE).map(ProcedureView::fee).orElse(null), form, answers);
    }

    /** Only the answers of steps and fields the final answers show: what a hidden question got earlier is not sent. */
    public Answers shownAnswers(FormRules rules, Answers answers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Step step : rules.shownSteps(answers)) {
            StepReading reading = rules.read(step, answers, StepInput.of(answers), Set.of(), null, SiteLanguage.REFERENCE);
            kept.putAll(reading.changes());
        }
        return new Answers(kept);
    }

    private static Set<String> topLevelKeys(Answers answers) {
        Set<String> keys = new HashSet<>();
        answers.values().keySet().forEach(key -> keys.add(key.split("[.\\[]", 2)[0]));
        return keys;
    }

    @Transactional(readOnly = true)
    public List<ApplicationView> mine(UUID account) {
        return store.list(account);
    }

    /** Where staff are with these applications, where casework runs; empty without it or for applications without a case. */
    public Map<UUID, CaseProgress.Progress> progress(Collection<UUID> applicationIds) {
        CaseProgress progress = cases.getIfAvailable();
        return progress == null || applicationIds.isEmpty() ? Map.of() : progress.of(applicationIds);
    }

    public Optional<CaseProgress.Progress> progress(UUID applicationId) {
        return Optional.ofNullable(progress(List.of(applicationId)).get(applicationId));
    }

    /** Whether the resident may still withdraw it: sent, and neither the application nor its case decided. */
    public boolean withdrawable(StoredApplication application) {
        return application.status().withdrawable() && progress(application.id()).map(p -> !p.decided()).orElse(true);
    }

    @Transactional
    public boolean withdraw(UUID account, UUID id) {
        Optional<StoredApplication> application = store.find(id, account);
        if (application.isEmpty() || !withdrawable(application.get())) {
            return false;
        }
        Instant now = clock.instant();
        if (!store.withdraw(id, account, now)) {
            return false;
        }
        StoredApplication a = application.get();
        events.publishEvent(new ApplicationWithdrawn(id, a.receiptNumber(), a.procedure(), account, now));
        return true;
    }

    @Transactional
    public boolean deleteDraft(UUID account, UUID id) {
        if (!store.deleteDraft(id, account)) {
            return false;
        }
        AttachmentIntake intake = attachments.getIfAvailable();
        if (intake != null) {
            intake.deleteAttachedTo(id);
        }
        return true;
    }

    public FormRules rules(FormDefinition form) {
        return new FormRules(form, parser, attachments.getIfAvailable() != null);
    }

    /** The draft was submitted, withdrawn or deleted meanwhile (another tab): the page is reloaded. */
    public static class DraftGoneException extends RuntimeException {
    }
}
