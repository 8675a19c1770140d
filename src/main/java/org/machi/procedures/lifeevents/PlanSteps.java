package org.machi.procedures.lifeevents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a policy decides: procedures in order with why, when and what to bring, and notes. The planner adds whether each is online. */
final class PlanSteps {

    /** One procedure a policy puts on the plan. */
    record Step(String slug, String why, String when, List<String> bring) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();

    PlanSteps add(String slug, String why, String when, String... bring) {
        if (steps.stream().anyMatch(s -> s.slug().equals(slug))) {
            throw new IllegalStateException("a plan names a procedure once: " + slug);
        }
        steps.add(new Step(slug, "lifeEvents.why." + why, "lifeEvents.when." + when,
                java.util.Arrays.stream(bring).map(b -> "lifeEvents.bring." + b).toList()));
        return this;
    }

    PlanSteps note(String note) {
        notes.add("lifeEvents.note." + note);
        return this;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
