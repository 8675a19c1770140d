package org.machi.procedures.lifeevents.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.lifeevents.AnswerProblem;
import org.machi.procedures.lifeevents.Answers;
import org.machi.procedures.lifeevents.LifeEventPlan;
import org.machi.procedures.lifeevents.LifeEventPlanner;
import org.machi.procedures.lifeevents.Question;
import org.machi.procedures.lifeevents.Questionnaire;
import org.machi.shared.SharedPage;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Life events for residents: choose an event, answer a few questions on one page, and get every
 * procedure that applies in the order to do it. The form is sent by GET: nothing is stored, the
 * answers identify no one, and the plan's address can be bookmarked and shared.
 */
@Controller
class LifeEventsController {

    /** Longer than any valid answer; a forged value is echoed back only this far. */
    private static final int ECHO_LIMIT = 10;

    private final LifeEventPlanner planner;
    private final Procedures procedures;

    LifeEventsController(LifeEventPlanner planner, Procedures procedures) {
        this.planner = planner;
        this.procedures = procedures;
    }

    @SharedPage
    @GetMapping("/procedures/life-events")
    String events(Model model) {
        model.addAttribute("questionnaires", planner.questionnaires());
        return "procedures/life-events";
    }

    @SharedPage
    @GetMapping("/procedures/life-events/{event}")
    String questions(@PathVariable String event, jakarta.servlet.http.HttpServletRequest request, Model model) {
        Questionnaire questionnaire = find(event);
        return questionsPage(questionnaire, request.getParameterMap(), List.of(), model);
    }

    @SharedPage
    @GetMapping("/procedures/life-events/{event}/plan")
    String plan(@PathVariable String event, jakarta.servlet.http.HttpServletRequest request, Locale locale, Model model) {
        Questionnaire questionnaire = find(event);
        Questionnaire.Reading reading = questionnaire.read(request.getParameterMap());
        if (!reading.ok()) {
            return questionsPage(questionnaire, request.getParameterMap(), reading.problems(), model);
        }
        SiteLanguage language = SiteLanguage.of(locale);
        LifeEventPlan plan = planner.plan(questionnaire, reading.answers());
        List<PlanItem> items = plan.procedures().stream().flatMap(planned -> procedures.find(planned.slug(), language).stream()
                .map(procedure -> new PlanItem(planned, procedure, procedure.online() && !planned.online()))).toList();
        String query = query(questionnaire, reading.answers());
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("answers", reading.answers());
        model.addAttribute("answered", answered(questionnaire, reading.answers()));
        model.addAttribute("plan", plan);
        model.addAttribute("items", items);
        model.addAttribute("onlineItems", items.stream().filter(i -> i.planned().online()).toList());
        model.addAttribute("changeLink", "/procedures/life-events/" + questionnaire.slug() + query);
        model.addAttribute("referenceLink", language == SiteLanguage.REFERENCE ? null
                : "/procedures/life-events/" + questionnaire.slug() + "/plan" + query + "&lang=" + SiteLanguage.REFERENCE.code());
        return "procedures/life-event-plan";
    }

    private Questionnaire find(String event) {
        return planner.questionnaire(event).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String questionsPage(Questionnaire questionnaire, Map<String, String[]> parameters, List<AnswerProblem> problems, Model model) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, List<AnswerProblem>> problemsByQuestion = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            for (String option : question.options()) {
                String parameter = question.parameter(option);
                values.computeIfAbsent(parameter, p -> Optional.ofNullable(parameters.get(p)).map(List::of).orElse(List.<String>of())
                        .stream().map(v -> v.length() > ECHO_LIMIT ? v.substring(0, ECHO_LIMIT) : v).toList());
                String input = question.inputId(option);
                problems.stream().filter(p -> p.field().equals(input))
                        .forEach(p -> problemsByQuestion.computeIfAbsent(question.id(), q -> new java.util.ArrayList<>()).add(p));
            }
        }
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("problemsByQuestion", problemsByQuestion);
        model.addAttribute("invalidFields", problems.stream().map(AnswerProblem::field).collect(java.util.stream.Collectors.toSet()));
        return "procedures/life-event-questions";
    }

    /** The answers as a query string, the same for the same answers: for "change your answers" and the Japanese reference. */
    private static String query(Questionnaire questionnaire, Answers answers) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (Question question : questionnaire.questions()) {
            switch (question.kind()) {
                case CHOICE -> query.add(question.id(), answers.choices().get(question.id()));
                case FLAGS -> question.options().stream().filter(o -> answers.ticked(question.id(), o)).forEach(o -> query.add(question.id(), o));
                case COUNTS -> question.options().forEach(part -> query.add(part, String.valueOf(answers.count(part))));
            }
        }
        return UriComponentsBuilder.newInstance().queryParams(query).encode().build().toUriString();
    }

    /** The message keys of the options chosen or ticked, per question (COUNTS are shown from the answers). */
    private static Map<String, List<String>> answered(Questionnaire questionnaire, Answers answers) {
        Map<String, List<String>> answered = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            answered.put(question.id(), question.options().stream()
                    .filter(o -> answers.chose(question.id(), o) || answers.ticked(question.id(), o))
                    .map(question::optionKey).toList());
        }
        return answered;
    }
}
