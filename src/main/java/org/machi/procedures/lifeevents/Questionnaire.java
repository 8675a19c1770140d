package org.machi.procedures.lifeevents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.machi.procedures.LifeEvent;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The questions about one life event, and how the answers in a request are read and checked. */
public final class Questionnaire {

    /** What was read from a request: the answers, or the problems that stop a plan. */
    public record Reading(Answers answers, List<AnswerProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final LifeEventPolicy policy;

    Questionnaire(LifeEventPolicy policy) {
        this.policy = policy;
    }

    public LifeEvent event() {
        return policy.event();
    }

    /** The event as it appears in addresses: {@code /procedures/life-events/moving}. */
    public String slug() {
        return policy.event().name().toLowerCase(Locale.ROOT);
    }

    public List<Question> questions() {
        return policy.questions();
    }

    LifeEventPolicy policy() {
        return policy;
    }

    /**
     * Reads the answers from request parameters. Every choice must be one of its options, each
     * count a whole number from 0 to {@value Question#MAX_COUNT} (blank is 0; full-width digits are
     * fine); parameters no question asks for are ignored.
     */
    public Reading read(Map<String, String[]> parameters) {
        List<AnswerProblem> problems = new ArrayList<>();
        Map<String, String> choices = new HashMap<>();
        Map<String, Set<String>> ticked = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Question question : questions()) {
            var legend = new DefaultMessageSourceResolvable(question.legendKey());
            String firstInput = question.inputId(question.options().get(0));
            switch (question.kind()) {
                case CHOICE -> {
                    String[] values = parameters.getOrDefault(question.id(), new String[0]);
                    if (values.length == 0 || values[0].isBlank()) {
                        problems.add(new AnswerProblem(firstInput, "lifeEvents.problem.choose", legend));
                    } else if (values.length > 1 || !question.options().contains(values[0])) {
                        problems.add(new AnswerProblem(firstInput, "lifeEvents.problem.unknown", legend));
                    } else {
                        choices.put(question.id(), values[0]);
                    }
                }
                case FLAGS -> {
                    Set<String> chosen = new LinkedHashSet<>();
                    for (String value : parameters.getOrDefault(question.id(), new String[0])) {
                        if (question.options().contains(value)) {
                            chosen.add(value);
                        } else {
                            problems.add(new AnswerProblem(firstInput, "lifeEvents.problem.unknown", legend));
                            break;
                        }
                    }
                    ticked.put(question.id(), chosen);
                }
                case COUNTS -> {
                    for (String part : question.options()) {
                        Integer count = count(parameters.get(question.parameter(part)));
                        if (count == null) {
                            problems.add(new AnswerProblem(question.inputId(part), "lifeEvents.problem.count",
                                    new DefaultMessageSourceResolvable(question.optionKey(part)), Question.MAX_COUNT));
                        } else {
                            counts.put(part, count);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        Answers answers = new Answers(choices, ticked, counts);
        return new Reading(answers, policy.check(answers));
    }

    /** A count from 0 to the maximum, null for anything else. */
    private static Integer count(String[] values) {
        if (values == null || values.length == 0) {
            return 0;
        }
        if (values.length > 1) {
            return null;
        }
        String typed = Normalizer.normalize(values[0], Normalizer.Form.NFKC).strip();
        if (typed.isEmpty()) {
            return 0;
        }
        if (!typed.matches("[0-9]{1,3}")) {
            return null;
        }
        int count = Integer.parseInt(typed);
        return count <= Question.MAX_COUNT ? count : null;
    }
}
