package org.machi.procedures.lifeevents;

import java.util.Map;
import java.util.Set;

/**
 * What a resident answered, already checked against the questions: one option per CHOICE, the
 * ticked options of each FLAGS question, and a number (0 to {@value Question#MAX_COUNT}) per COUNTS part.
 */
public record Answers(Map<String, String> choices, Map<String, Set<String>> ticked, Map<String, Integer> counts) {

    public Answers {
        choices = Map.copyOf(choices);
        ticked = Map.copyOf(ticked);
        counts = Map.copyOf(counts);
    }

    public boolean chose(String question, String option) {
        return option.equals(choices.get(question));
    }

    public boolean ticked(String question, String option) {
        return ticked.getOrDefault(question, Set.of()).contains(option);
    }

    public int count(String part) {
        return counts.getOrDefault(part, 0);
    }
}
