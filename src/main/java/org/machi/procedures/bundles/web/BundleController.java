package org.machi.procedures.bundles.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.identity.Residents;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.GroupAction;
import org.machi.procedures.applying.Problem;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.bundles.Bundle;
import org.machi.procedures.bundles.Bundles;
import org.machi.procedures.lifeevents.LifeEventPlan;
import org.machi.procedures.lifeevents.LifeEventPlanner;
import org.machi.procedures.lifeevents.PlannedProcedure;
import org.machi.procedures.lifeevents.Questionnaire;
import org.machi.procedures.web.RequestStepInput;
import org.machi.procedures.web.StepPages;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A life-event bundle for a signed-in resident: started from the plan, the shared facts asked once
 * on one page, then the bundle page with each procedure's draft or receipt number. Found through the
 * signed-in account only: another account's bundle is "not found".
 */
@Controller
class BundleController {

    private final Bundles bundles;
    private final LifeEventPlanner planner;
    private final Procedures procedures;
    private final Residents residents;
    private final StepPages pages;

    BundleController(Bundles bundles, LifeEventPlanner planner, Procedures procedures, Residents residents, StepPages pages) {
        this.bundles = bundles;
        this.planner = planner;
        this.procedures = procedures;
        this.residents = residents;
        this.pages = pages;
    }

    /** Reached by a resident who was not signed in on the plan: sign-in leads here, and this back to the same plan. */
    @GetMapping("/my/bundles/start/{event}")
    String backToPlan(@PathVariable String event, HttpServletRequest request) {
        Questionnaire questionnaire = questionnaire(event);
        String query = request.getQueryString();
        return "redirect:/procedures/life-events/" + questionnaire.slug() + "/plan" + (query == null ? "" : "?" + query);
    }

    @PostMapping("/my/bundles/start/{event}")
    String start(@PathVariable String event, HttpServletRequest request) {
        Questionnaire questionnaire = questionnaire(event);
        Questionnaire.Reading reading = questionnaire.read(request.getParameterMap());
        if (!reading.ok()) {
            String query = request.getQueryString();
            return "redirect:/procedures/life-events/" + questionnaire.slug() + "/plan" + (query == null ? "" : "?" + query);
        }
        LifeEventPlan plan = planner.plan(questionnaire, reading.answers());
        UUID id = bundles.create(account(), plan.event(), plan.online().stream().map(PlannedProcedure::slug).toList());
        return "redirect:/my/bundles/" + id + "/facts";
    }

    @GetMapping("/my/bundles/{id}/facts")
    String facts(@PathVariable String id, Locale locale, Model model) {
        Bundle bundle = bundle(id);
        if (bundle.factsEntered()) {
            return "redirect:/my/bundles/" + bundle.id();
        }
        return factsPage(bundle, Answers.NONE, null, List.of(), Map.of(), locale, model);
    }

    @PostMapping("/my/bundles/{id}/facts")
    String enterFacts(@PathVariable String id, @RequestParam(required = false) String action, HttpServletRequest request,
                      Locale locale, Model model) {
        Bundle bundle = bundle(id);
        if (bundle.factsEntered()) {
            return "redirect:/my/bundles/" + bundle.id();
        }
        GroupAction groupAction = GroupAction.parse(action);
        StepInput input = RequestStepInput.of(request); // the facts page shows nothing as known: none was prefilled
        Bundles.FactsOutcome outcome = bundles.enterFacts(bundle, input, groupAction, SiteLanguage.of(locale));
        if (!outcome.saved()) {
            return factsPage(bundle, outcome.shown(), groupAction != null ? null : input,
                    groupAction != null ? List.of() : outcome.reading().problems(), outcome.reading().items(), locale, model);
        }
        Bundle started = bundles.find(account(), bundle.id()).orElseThrow();
        return Bundles.next(bundles.items(started, SiteLanguage.of(locale))).map(item -> "redirect:" + item.continueAt())
                .orElse("redirect:/my/bundles/" + bundle.id());
    }

    private String factsPage(Bundle bundle, Answers shown, StepInput posted, List<Problem> problems, Map<String, Integer> items,
                             Locale locale, Model model) {
        Bundles.FactsStep facts = bundles.factsStep(bundle);
        model.addAttribute("bundle", bundle);
        model.addAttribute("titles", titles(bundle.procedures(), locale));
        model.addAttribute("skipped", skipped(bundle, locale));
        // facts are never files (a FILE field is no shared fact), so no uploaded files to show
        model.addAttribute("fields", pages.fields(facts.rules(), facts.step(), shown, posted, problems, java.util.Set.of(), null, items,
                java.util.Map.of(), locale));
        model.addAttribute("problems", problems);
        return "procedures/bundle-facts";
    }

    @GetMapping("/my/bundles/{id}")
    String bundlePage(@PathVariable String id, @RequestParam(required = false) String sent, Locale locale, Model model) {
        Bundle bundle = bundle(id);
        if (!bundle.factsEntered()) {
            return "redirect:/my/bundles/" + bundle.id() + "/facts";
        }
        List<Bundles.Item> items = bundles.items(bundle, SiteLanguage.of(locale));
        Optional<Bundles.Item> justSent = items.stream().filter(i -> i.applicationId().toString().equals(sent) && i.receiptNumber() != null)
                .findFirst();
        model.addAttribute("bundle", bundle);
        model.addAttribute("items", items);
        model.addAttribute("titles", titles(items.stream().map(Bundles.Item::procedure).toList(), locale));
        model.addAttribute("skipped", skipped(bundle, locale));
        model.addAttribute("sent", justSent.orElse(null));
        model.addAttribute("next", Bundles.next(items).orElse(null));
        model.addAttribute("total", items.size());
        return "procedures/bundle";
    }

    /** A procedure left out, with its title and the message key of why. */
    record SkippedView(String slug, String title, String reasonKey) {
    }

    private List<SkippedView> skipped(Bundle bundle, Locale locale) {
        return bundle.skipped().stream().map(s -> new SkippedView(s.slug(), procedures.find(s.slug(), SiteLanguage.of(locale))
                .map(ProcedureView::title).orElse(s.slug()), "bundle.skipped." + s.reason().name())).toList();
    }

    private Map<String, String> titles(List<String> slugs, Locale locale) {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        slugs.forEach(slug -> titles.put(slug, procedures.find(slug, SiteLanguage.of(locale)).map(ProcedureView::title).orElse(slug)));
        return titles;
    }

    private Bundle bundle(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return bundles.find(account(), uuid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Questionnaire questionnaire(String event) {
        return planner.questionnaire(event).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private UUID account() {
        return residents.signedInAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
