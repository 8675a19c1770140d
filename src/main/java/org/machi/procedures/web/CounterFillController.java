package org.machi.procedures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.procedures.Applications;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.CounterApplying;
import org.machi.procedures.applying.Draft;
import org.machi.procedures.applying.GroupAction;
import org.machi.procedures.applying.Problem;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk fills a counter draft (書かない窓口) on the residents' own step pages, under
 * {@code /counter/applications/<id>}: what the register gave shows as already known, every answer
 * is checked by the same rules, and the last page is the check of the answers, which leads back to
 * the counter's page (filing is done there, for the whole session at once). Only the clerk who
 * started the draft finds it; for anyone else it is "not found".
 */
@Controller
@PreAuthorize("hasAuthority('SERVE_AT_COUNTER')")
class CounterFillController {

    private final CounterApplying counter;
    private final Applying applying;
    private final Procedures procedures;
    private final StepPages pages;

    CounterFillController(CounterApplying counter, Applying applying, Procedures procedures, StepPages pages) {
        this.counter = counter;
        this.applying = applying;
        this.procedures = procedures;
        this.pages = pages;
    }

    /** Where a draft is taken up: the first step still to answer, or the check when all are answered. */
    @GetMapping("/counter/applications/{id}")
    String resume(@PathVariable String id, Principal clerk, Locale locale) {
        Draft draft = draft(id, clerk);
        return redirectTo(draft, draft.rules().firstIncomplete(draft.answers(), SiteLanguage.of(locale)).orElse(null));
    }

    @GetMapping("/counter/applications/{id}/{stepId}")
    String step(@PathVariable String id, @PathVariable String stepId, @RequestParam(required = false) String change, Principal clerk,
                Locale locale, Model model) {
        Draft draft = draft(id, clerk);
        Step step = draft.form().step(stepId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<String> elsewhere = outOfOrder(draft, step, SiteLanguage.of(locale));
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return stepPage(draft, step, draft.answers(), null, List.of(), change, Map.of(), locale, model);
    }

    @PostMapping("/counter/applications/{id}/{stepId}")
    String saveStep(@PathVariable String id, @PathVariable String stepId, @RequestParam(required = false) String action,
                    @RequestParam(required = false) String formVersion, Principal clerk, HttpServletRequest request, Locale locale,
                    Model model, RedirectAttributes redirect) {
        Draft draft = draft(id, clerk);
        SiteLanguage language = SiteLanguage.of(locale);
        if (!Integer.toString(draft.application().formVersion()).equals(formVersion)) {
            redirect.addFlashAttribute("notice", "apply.notice.formChanged");
            return redirectTo(draft, draft.rules().firstIncomplete(draft.answers(), language).orElse(null));
        }
        Step step = draft.form().step(stepId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<String> elsewhere = outOfOrder(draft, step, language);
        if (elsewhere.isPresent()) {
            redirect.addFlashAttribute("notice", "apply.notice.stepsInOrder");
            return elsewhere.get();
        }
        try {
            if (action != null && action.startsWith(ApplyController.REMOVE_FILE)) {
                applying.removeFile(draft, action.substring(ApplyController.REMOVE_FILE.length()));
                return redirectTo(draft, step);
            }
            GroupAction groupAction = GroupAction.parse(action);
            RequestStepInput input = RequestStepInput.of(request);
            Applying.StepOutcome outcome = applying.saveStep(draft, step, input, groupAction, language);
            if (!outcome.saved()) {
                StepInput shownInput = groupAction != null ? null : input;
                List<Problem> problems = groupAction != null ? List.of() : outcome.reading().problems();
                return stepPage(draft, step, outcome.shown(), shownInput, problems, null, outcome.reading().items(), locale, model);
            }
            if (outcome.stopMessageStep() != null) {
                counterModel(draft, locale, model);
                model.addAttribute("step", step);
                model.addAttribute("message", draft.rules().stop(step, outcome.shown()).orElseThrow().message().in(language));
                model.addAttribute("stepTitle", step.title().in(language));
                return "procedures/apply-stop";
            }
            return redirectTo(draft, outcome.next());
        } catch (Applying.DraftGoneException gone) {
            return "redirect:" + draft.application().returnPath();
        }
    }

    @GetMapping("/counter/applications/{id}/check-answers")
    String checkAnswers(@PathVariable String id, Principal clerk, Locale locale, Model model) {
        Draft draft = draft(id, clerk);
        Optional<Step> incomplete = draft.rules().firstIncomplete(draft.answers(), SiteLanguage.of(locale));
        if (incomplete.isPresent()) {
            return redirectTo(draft, incomplete.get());
        }
        counterModel(draft, locale, model);
        model.addAttribute("rows", pages.rows(draft.rules(), draft.answers(), draft.application().prefilled(),
                applying.files(draft.application().id()), locale));
        model.addAttribute("feeDue", applying.feeDue(draft.form(), draft.answers()).map(due -> pages.fee(due, locale)).orElse(null));
        model.addAttribute("problems", List.of());
        return "procedures/apply-check";
    }

    private String stepPage(Draft draft, Step step, Answers answers, StepInput posted, List<Problem> problems, String change,
                            Map<String, Integer> items, Locale locale, Model model) {
        counterModel(draft, locale, model);
        pages.stepModel(draft, step, answers, posted, problems, change, items, applying.files(draft.application().id()), locale, model);
        return "procedures/apply-step";
    }

    /** What every counter page shows: the procedure, the draft, where its pages live and the way back to the counter. */
    private void counterModel(Draft draft, Locale locale, Model model) {
        model.addAttribute("procedure", procedure(draft.application().procedure(), locale));
        model.addAttribute("app", draft.application());
        model.addAttribute("stepBase", Applications.COUNTER_PATH + draft.application().id());
        model.addAttribute("atCounter", true);
        model.addAttribute("returnPath", draft.application().returnPath());
    }

    private Optional<String> outOfOrder(Draft draft, Step step, SiteLanguage language) {
        if (!draft.rules().shown(step, draft.answers())) {
            return Optional.of(redirectTo(draft, draft.rules().next(step, draft.answers()).orElse(null)));
        }
        if (!draft.rules().reachable(step, draft.answers(), language)) {
            return Optional.of(redirectTo(draft, draft.rules().firstIncomplete(draft.answers(), language).orElse(null)));
        }
        return Optional.empty();
    }

    private static String redirectTo(Draft draft, Step step) {
        return "redirect:" + Applications.COUNTER_PATH + draft.application().id() + "/" + (step == null ? "check-answers" : step.id());
    }

    private Draft draft(String id, Principal clerk) {
        UUID draftId = ApplyController.uuid(id);
        return counter.draft(draftId, clerk.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ProcedureView procedure(String slug, Locale locale) {
        return procedures.find(slug, SiteLanguage.of(locale)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
