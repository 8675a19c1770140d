package org.machi.procedures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.AfterSubmit;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.Draft;
import org.machi.procedures.applying.GroupAction;
import org.machi.procedures.applying.Problem;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.drafts.SaveForLater;
import org.machi.procedures.forms.Step;
import org.machi.identity.Residents;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applying online, one page per step, without script. Everything is found through the signed-in
 * resident's account: an id of another account's draft is "not found", exactly like one that never
 * existed. A step can only be reached once every step before it is answered.
 */
@Controller
class ApplyController {

    /** The value of a FILE field's "remove" button, before the field's id. */
    static final String REMOVE_FILE = "removeFile:";

    private final Applying applying;
    private final Procedures procedures;
    private final Residents residents;
    private final StepPages pages;
    private final SaveForLater saveForLater;
    private final List<AfterSubmit> afterSubmit;

    ApplyController(Applying applying, Procedures procedures, Residents residents, StepPages pages, SaveForLater saveForLater,
                    List<AfterSubmit> afterSubmit) {
        this.applying = applying;
        this.procedures = procedures;
        this.residents = residents;
        this.pages = pages;
        this.saveForLater = saveForLater;
        this.afterSubmit = afterSubmit;
    }

    @GetMapping("/procedures/{slug}/apply")
    String start(@PathVariable String slug, Locale locale, Model model, HttpServletResponse response) {
        UUID account = account();
        ProcedureView procedure = procedure(slug, locale);
        Applying.Start start = applying.check(account, slug);
        model.addAttribute("procedure", procedure);
        model.addAttribute("refusal", start.refusal() == null ? null : start.refusal().name());
        model.addAttribute("draft", start.existingDraft());
        if (start.refusal() != null) {
            response.setStatus(start.refusal() == Applying.Refusal.NEEDS_CARD || start.refusal() == Applying.Refusal.NOT_A_RESIDENT
                    ? HttpStatus.FORBIDDEN.value() : HttpStatus.NOT_FOUND.value());
        }
        return "procedures/apply-start";
    }

    @PostMapping("/procedures/{slug}/apply")
    String begin(@PathVariable String slug, Locale locale) {
        UUID account = account();
        procedure(slug, locale);
        if (applying.check(account, slug).refusal() != null) {
            return "redirect:/procedures/" + slug + "/apply";
        }
        UUID id = applying.start(account, slug);
        Draft draft = applying.draft(account, slug, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return redirectTo(slug, id, draft.rules().firstIncomplete(draft.answers(), SiteLanguage.of(locale)).orElse(null));
    }

    @GetMapping("/procedures/{slug}/apply/{id}/{stepId}")
    String step(@PathVariable String slug, @PathVariable String id, @PathVariable String stepId,
                @RequestParam(required = false) String change, Locale locale, Model model) {
        Draft draft = draft(slug, id);
        SiteLanguage language = SiteLanguage.of(locale);
        Step step = draft.form().step(stepId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<String> elsewhere = outOfOrder(draft, step, language);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return stepPage(draft, step, draft.answers(), null, List.of(), change, Map.of(), locale, model);
    }

    @PostMapping("/procedures/{slug}/apply/{id}/{stepId}")
    String saveStep(@PathVariable String slug, @PathVariable String id, @PathVariable String stepId,
                    @RequestParam(required = false) String action, @RequestParam(required = false) String formVersion,
                    HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
        Draft draft = draft(slug, id);
        SiteLanguage language = SiteLanguage.of(locale);
        if (!Integer.toString(draft.application().formVersion()).equals(formVersion)) {
            redirect.addFlashAttribute("notice", "apply.notice.formChanged");
            return redirectTo(slug, draft.application().id(), draft.rules().firstIncomplete(draft.answers(), language).orElse(null));
        }
        Step step = draft.form().step(stepId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<String> elsewhere = outOfOrder(draft, step, language);
        if (elsewhere.isPresent()) {
            redirect.addFlashAttribute("notice", "apply.notice.stepsInOrder");
            return elsewhere.get();
        }
        if (action != null && action.startsWith(REMOVE_FILE)) {
            try {
                applying.removeFile(draft, action.substring(REMOVE_FILE.length()));
            } catch (Applying.DraftGoneException gone) {
                return "redirect:/my/procedures";
            }
            return redirectTo(slug, draft.application().id(), step);
        }
        boolean forLater = SaveForLater.ACTION.equals(action);
        GroupAction groupAction = forLater ? null : GroupAction.parse(action);
        RequestStepInput input = RequestStepInput.of(request);
        Applying.StepOutcome outcome;
        try {
            outcome = applying.saveStep(draft, step, input, groupAction, language);
        } catch (Applying.DraftGoneException gone) {
            return "redirect:/my/procedures";
        }
        if (forLater) {
            return saveForLater.handle(draft, step, outcome.saved(), outcome.stopMessageStep() != null ? step : outcome.next(), language,
                    redirect);
        }
        if (!outcome.saved()) {
            // add or remove: the page again with the items changed and what was typed; problems: the same with the problems
            StepInput shownInput = groupAction != null ? null : input;
            List<Problem> problems = groupAction != null ? List.of() : outcome.reading().problems();
            return stepPage(draft, step, outcome.shown(), shownInput, problems, null, outcome.reading().items(), locale, model);
        }
        if (outcome.stopMessageStep() != null) {
            model.addAttribute("procedure", procedure(slug, locale));
            model.addAttribute("step", step);
            model.addAttribute("app", draft.application());
            model.addAttribute("message", draft.rules().stop(step, outcome.shown()).orElseThrow().message().in(language));
            model.addAttribute("stepTitle", step.title().in(language));
            return "procedures/apply-stop";
        }
        return redirectTo(slug, draft.application().id(), outcome.next());
    }

    @GetMapping("/procedures/{slug}/apply/{id}/check-answers")
    String checkAnswers(@PathVariable String slug, @PathVariable String id, Locale locale, Model model) {
        Draft draft = draft(slug, id);
        SiteLanguage language = SiteLanguage.of(locale);
        Optional<Step> incomplete = draft.rules().firstIncomplete(draft.answers(), language);
        if (incomplete.isPresent()) {
            return redirectTo(slug, draft.application().id(), incomplete.get());
        }
        return checkPage(draft, locale, model, false);
    }

    private String checkPage(Draft draft, Locale locale, Model model, boolean declarationMissing) {
        SiteLanguage language = SiteLanguage.of(locale);
        model.addAttribute("procedure", procedure(draft.application().procedure(), locale));
        model.addAttribute("app", draft.application());
        model.addAttribute("rows", pages.rows(draft.rules(), draft.answers(), draft.application().prefilled(),
                applying.files(draft.application().id()), locale));
        model.addAttribute("feeDue", applying.feeDue(draft.form(), draft.answers()).map(due -> pages.fee(due, locale)).orElse(null));
        model.addAttribute("declaration", draft.form().declaration().in(language));
        model.addAttribute("submitKey", applying.newSubmitKey(draft));
        model.addAttribute("problems", declarationMissing ? List.of(new Problem("declaration", "apply.check.declarationMissing", List.of()))
                : List.of());
        return "procedures/apply-check";
    }

    @PostMapping("/procedures/{slug}/apply/{id}/check-answers")
    String submit(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String submitKey,
                  @RequestParam(required = false) String declaration, Locale locale, Model model, RedirectAttributes redirect) {
        UUID account = account();
        UUID applicationId = uuid(id);
        SiteLanguage language = SiteLanguage.of(locale);
        if (!"confirmed".equals(declaration)) {
            Optional<Draft> draft = applying.draft(account, slug, applicationId);
            if (draft.isPresent()) {
                return checkPage(draft.get(), locale, model, true);
            }
        }
        Applying.Submission submission = applying.submit(account, slug, applicationId, submitKey, language);
        switch (submission.result()) {
            case SUBMITTED, ALREADY_SUBMITTED -> {
                return afterSubmit.stream().flatMap(next -> next.next(account, applicationId).stream()).findFirst()
                        .map(next -> "redirect:" + next).orElse("redirect:/my/procedures/" + applicationId + "?sent=1");
            }
            case STALE_KEY -> {
                redirect.addFlashAttribute("notice", "apply.notice.checkAgain");
                return "redirect:/procedures/" + slug + "/apply/" + applicationId + "/check-answers";
            }
            case INCOMPLETE -> {
                redirect.addFlashAttribute("notice", "apply.notice.stepsInOrder");
                return redirectTo(slug, applicationId, submission.incomplete());
            }
            case FORM_GONE -> {
                redirect.addFlashAttribute("notice", "apply.notice.formChanged");
                return "redirect:/my/procedures";
            }
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String stepPage(Draft draft, Step step, org.machi.procedures.applying.Answers answers, StepInput posted, List<Problem> problems,
                            String change, Map<String, Integer> items, Locale locale, Model model) {
        model.addAttribute("procedure", procedure(draft.application().procedure(), locale));
        model.addAttribute("app", draft.application());
        pages.stepModel(draft, step, answers, posted, problems, change, items, applying.files(draft.application().id()), locale, model);
        return "procedures/apply-step";
    }

    /** Where to go instead of this step: a hidden step leads on, a step after an unanswered one leads back to that. */
    private Optional<String> outOfOrder(Draft draft, Step step, SiteLanguage language) {
        if (!draft.rules().shown(step, draft.answers())) {
            return Optional.of(redirectTo(draft.application().procedure(), draft.application().id(),
                    draft.rules().next(step, draft.answers()).orElse(null)));
        }
        if (!draft.rules().reachable(step, draft.answers(), language)) {
            return Optional.of(redirectTo(draft.application().procedure(), draft.application().id(),
                    draft.rules().firstIncomplete(draft.answers(), language).orElse(null)));
        }
        return Optional.empty();
    }

    private static String redirectTo(String slug, UUID id, Step step) {
        return "redirect:/procedures/" + slug + "/apply/" + id + "/" + (step == null ? "check-answers" : step.id());
    }

    private Draft draft(String slug, String id) {
        return applying.draft(account(), slug, uuid(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ProcedureView procedure(String slug, Locale locale) {
        return procedures.find(slug, SiteLanguage.of(locale)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private UUID account() {
        return residents.signedInAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
