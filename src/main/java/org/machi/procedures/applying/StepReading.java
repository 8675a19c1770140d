package org.machi.procedures.applying;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a step's inputs came to: the answers to store (and the keys to drop: fields now hidden,
 * old group items), the problems, and the number of items of each group as the page is to show it.
 */
public record StepReading(Map<String, String> changes, Set<String> removed, List<Problem> problems, Map<String, Integer> items) {

    public boolean valid() {
        return problems.isEmpty();
    }

    public Answers applyTo(Answers answers) {
        return answers.with(changes, removed);
    }
}
