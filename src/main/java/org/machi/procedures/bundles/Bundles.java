package org.machi.procedures.bundles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.applying.AfterSubmit;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.FormRules;
import org.machi.procedures.applying.GroupAction;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.applying.StepReading;
import org.machi.procedures.applying.StoredApplication;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormVersions;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Life-event bundles (connected one-stop): the online procedures of a plan done in one sitting.
 * The facts the forms share are asked once; then one ordinary draft per procedure starts with them
 * (recorded as prefilled, so each form shows them as already known), and the resident goes from one
 * draft to the next; each submit leads back to the bundle.
 */
@Service
public class Bundles implements AfterSubmit {

    private final BundleStore store;
    private final Applying applying;
    private final FormVersions forms;
    private final Clock clock;

    Bundles(BundleStore store, Applying applying, FormVersions forms, Clock clock) {
        this.store = store;
        this.applying = applying;
        this.forms = forms;
        this.clock = clock;
    }

    /** Starts a bundle of the plan's online procedures; those the resident cannot apply for online here are left out with why. */
    @Transactional
    public UUID create(UUID account, LifeEvent event, List<String> onlineProcedures) {
        List<String> included = new ArrayList<>();
        List<Bundle.Skipped> skipped = new ArrayList<>();
        for (String slug : onlineProcedures) {
            Applying.Refusal refusal = applying.check(account, slug).refusal();
            if (refusal == null) {
                included.add(slug);
            } else {
                skipped.add(new Bundle.Skipped(slug, switch (refusal) {
                    case NO_FORM -> Bundle.Reason.NO_FORM;
                    case NEEDS_CARD -> Bundle.Reason.NEEDS_CARD;
                    case NOT_A_RESIDENT -> Bundle.Reason.NOT_A_RESIDENT;
                    case NO_SUCH_PROCEDURE -> Bundle.Reason.NOT_ONLINE;
                }));
            }
        }
        UUID id = UUID.randomUUID();
        store.insert(id, account, event, included, skipped, clock.instant());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Bundle> find(UUID account, UUID id) {
        return store.find(id, account);
    }

    /** The one step that asks the bundle's shared facts, with the engine's rules for it. */
    public record FactsStep(Step step, FormRules rules) {
    }

    @Transactional(readOnly = true)
    public FactsStep factsStep(Bundle bundle) {
        List<FormDefinition> definitions = bundle.procedures().stream()
                .flatMap(slug -> forms.current(slug).map(v -> v.definition()).stream()).toList();
        Step step = SharedFacts.step(definitions, bundle.event());
        return new FactsStep(step, applying.rules(SharedFacts.form(step)));
    }

    /** What came of the facts page: problems or a group's add/remove (nothing kept), or the facts kept and the drafts started. */
    public record FactsOutcome(StepReading reading, Answers shown, boolean saved) {
    }

    /**
     * Reads the facts with the engine's rules; when they are valid, keeps them once and starts a
     * draft per procedure with them. A second submit of the page (another tab) changes nothing.
     */
    @Transactional
    public FactsOutcome enterFacts(Bundle bundle, StepInput input, GroupAction action, SiteLanguage language) {
        FactsStep facts = factsStep(bundle);
        StepReading reading = facts.rules().read(facts.step(), Answers.NONE, input, Set.of(), action, language);
        Answers entered = reading.applyTo(Answers.NONE);
        if (action != null || !reading.valid()) {
            return new FactsOutcome(reading, entered, false);
        }
        if (!store.enterFacts(bundle.id(), bundle.owner(), entered, clock.instant())) {
            return new FactsOutcome(reading, entered, true);
        }
        int order = 0;
        for (String slug : bundle.procedures()) {
            if (applying.check(bundle.owner(), slug).refusal() != null) {
                continue;
            }
            Applying.Known[] filled = new Applying.Known[1];
            UUID draft = applying.startWith(bundle.owner(), slug, rules -> filled[0] = SharedFacts.fill(rules, entered));
            store.addDraft(bundle.id(), order++, slug, draft, filled[0].fields());
        }
        return new FactsOutcome(reading, entered, true);
    }

    /** One procedure of the bundle as its page lists it: the draft (and the step to go on with) or the receipt number. */
    public record Item(int position, String procedure, UUID applicationId, ApplicationStatus status, String receiptNumber,
                       String continueAt) {

        public boolean open() {
            return status == ApplicationStatus.DRAFT;
        }

        public boolean gone() {
            return status == null;
        }
    }

    /** The bundle's drafts in order, each with its state now. */
    @Transactional(readOnly = true)
    public List<Item> items(Bundle bundle, SiteLanguage language) {
        List<Item> items = new ArrayList<>();
        for (Bundle.BundleDraft draft : bundle.drafts()) {
            Optional<StoredApplication> application = applying.application(bundle.owner(), draft.applicationId());
            ApplicationStatus status = application.map(StoredApplication::status).orElse(null);
            String continueAt = status != ApplicationStatus.DRAFT ? null
                    : applying.draft(bundle.owner(), draft.procedure(), draft.applicationId())
                    .map(d -> "/procedures/" + draft.procedure() + "/apply/" + draft.applicationId() + "/"
                            + d.rules().firstIncomplete(d.answers(), language).map(Step::id).orElse("check-answers")).orElse(null);
            items.add(new Item(items.size() + 1, draft.procedure(), draft.applicationId(), continueAt == null && status
                    == ApplicationStatus.DRAFT ? null : status, application.map(StoredApplication::receiptNumber).orElse(null),
                    continueAt));
        }
        return items;
    }

    /** The first draft still open, in the bundle's order. */
    public static Optional<Item> next(List<Item> items) {
        return items.stream().filter(Item::open).findFirst();
    }

    /** After a submit of one of a bundle's drafts, the bundle page says what was sent and what comes next. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> next(UUID account, UUID applicationId) {
        return store.bundleOf(applicationId, account).map(bundle -> "/my/bundles/" + bundle + "?sent=" + applicationId);
    }
}
