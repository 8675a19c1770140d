package org.machi.procedures.applying;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machi.procedures.forms.Condition;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FieldValue;
import org.machi.procedures.forms.FieldValueParser;
import org.machi.procedures.forms.FieldValueParser.Part;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Stop;
import org.machi.shared.SiteLanguage;

/**
 * The rules of one form applied to answers: which steps and fields are shown, what a step's inputs
 * come to, and whether everything up to a step has been answered as the form requires.
 */
public final class FormRules {

    private final FormDefinition form;
    private final FieldValueParser parser;
    private final boolean attachmentsAvailable;

    FormRules(FormDefinition form, FieldValueParser parser, boolean attachmentsAvailable) {
        this.form = form;
        this.parser = parser;
        this.attachmentsAvailable = attachmentsAvailable;
    }

    public FormDefinition form() {
        return form;
    }

    public boolean holds(Condition condition, Answers answers) {
        return condition == null || condition.holds(id -> answers.conditionValues(form, id));
    }

    public boolean shown(Step step, Answers answers) {
        return holds(step.showIf(), answers);
    }

    public List<Step> shownSteps(Answers answers) {
        return form.steps().stream().filter(step -> shown(step, answers)).toList();
    }

    /** The step's stop that applies to these answers, if any. */
    public Optional<Stop> stop(Step step, Answers answers) {
        return step.stops().stream().filter(stop -> stop.when() != null && holds(stop.when(), answers)).findFirst();
    }

    /** The first shown step that is not answered as required (or that stops the resident); empty when all are. */
    public Optional<Step> firstIncomplete(Answers answers, SiteLanguage language) {
        for (Step step : shownSteps(answers)) {
            if (!complete(step, answers, language)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** Whether every shown step before this one is complete: a resident cannot skip ahead. */
    public boolean reachable(Step target, Answers answers, SiteLanguage language) {
        for (Step step : shownSteps(answers)) {
            if (step.id().equals(target.id())) {
                return true;
            }
            if (!complete(step, answers, language)) {
                return false;
            }
        }
        return false;
    }

    public boolean complete(Step step, Answers answers, SiteLanguage language) {
        StepReading reading = read(step, answers, StepInput.of(answers), Set.of(), null, language);
        return reading.valid() && reading.changes().entrySet().stream().allMatch(e -> e.getValue().equals(answers.get(e.getKey())))
                && stop(step, answers).isEmpty();
    }

    /** The next shown step after this one, given the answers; empty after the last. */
    public Optional<Step> next(Step current, Answers answers) {
        boolean after = false;
        for (Step step : form.steps()) {
            if (after && shown(step, answers)) {
                return Optional.of(step);
            }
            after = after || step.id().equals(current.id());
        }
        return Optional.empty();
    }

    /** Reads a step's inputs against the answers so far; fields hidden by the answers are dropped. */
    public StepReading read(Step step, Answers before, StepInput input, Set<String> prefilled, GroupAction action, SiteLanguage language) {
        Map<String, String> changes = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        Answers working = before;
        for (Field field : step.fields()) {
            if (!holds(field.showIf(), working)) {
                removed.add(field.id());
                working = working.with(Map.of(), Set.of(field.id()));
                continue;
            }
            Map<String, String> fieldChanges = new LinkedHashMap<>();
            String label = field.label().in(language);
            switch (field.type()) {
                case GROUP -> group(field, before, input, action, language, fieldChanges, problems, items);
                case ADDRESS -> address(field, input, label, fieldChanges, problems);
                case CHECKBOXES -> checkboxes(field, input, label, fieldChanges, problems);
                case FILE -> file(field, before, input, label, fieldChanges, problems);
                default -> {
                    if (input.keptAsKnown(field.id()) && prefilled.contains(field.id()) && before.get(field.id()) != null) {
                        fieldChanges.put(field.id(), before.get(field.id()));
                    } else {
                        single(field, field.id(), input.value(field.id()), label, fieldChanges, problems);
                    }
                }
            }
            removed.add(field.id());
            changes.putAll(fieldChanges);
            working = working.with(fieldChanges, Set.of(field.id()));
        }
        changes.keySet().forEach(removed::remove);
        return new StepReading(changes, removed, problems, items);
    }

    private void single(Field field, String key, String raw, String label, Map<String, String> changes, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            if (field.required()) {
                problems.add(new Problem(key, field.type().hasOptions() ? "apply.value.choose" : "apply.value.required", List.of(label)));
            }
            return;
        }
        FieldValue value = parser.parse(field, Part.VALUE, raw);
        if (value.ok()) {
            if (value.value() != null) {
                changes.put(key, value.value());
            }
        } else {
            problems.add(problem(key, label, value));
        }
    }

    private void address(Field field, StepInput input, String label, Map<String, String> changes, List<Problem> problems) {
        String postcode = input.value(field.id() + ".postcode");
        String line = input.value(field.id() + ".line");
        boolean blank = (postcode == null || postcode.isBlank()) && (line == null || line.isBlank());
        if (blank) {
            if (field.required()) {
                problems.add(new Problem(field.id() + ".postcode", "apply.value.required", List.of(label)));
            }
            return;
        }
        if (postcode == null || postcode.isBlank()) {
            problems.add(new Problem(field.id() + ".postcode", "apply.value.postcodeMissing", List.of(label)));
        } else {
            FieldValue value = parser.parse(field, Part.POSTCODE, postcode);
            if (value.ok()) {
                changes.put(field.id() + ".postcode", value.value());
            } else {
                problems.add(problem(field.id() + ".postcode", label, value));
            }
        }
        if (line == null || line.isBlank()) {
            problems.add(new Problem(field.id() + ".line", "apply.value.addressMissing", List.of(label)));
        } else {
            FieldValue value = parser.parse(field, Part.ADDRESS_LINE, line);
            if (value.ok()) {
                changes.put(field.id() + ".line", value.value());
            } else {
                problems.add(problem(field.id() + ".line", label, value));
            }
        }
        String district = input.value(field.id() + ".district");
        if (district != null && !district.isBlank() && changes.containsKey(field.id() + ".postcode")) {
            changes.put(field.id() + ".district", district);
        }
    }

    private static void checkboxes(Field field, StepInput input, String label, Map<String, String> changes, List<Problem> problems) {
        List<String> ticked = input.values(field.id()).stream().filter(v -> !v.isBlank()).distinct().toList();
        if (ticked.isEmpty()) {
            if (field.required()) {
                problems.add(new Problem(field.id(), "apply.value.tick", List.of(label)));
            }
            return;
        }
        if (ticked.stream().anyMatch(v -> field.option(v).isEmpty())) {
            problems.add(new Problem(field.id(), "apply.value.choice", List.of(label)));
            return;
        }
        // in the order of the options, so that the same boxes are the same answer
        changes.put(field.id(), String.join(",", field.options().stream().map(o -> o.value()).filter(ticked::contains).toList()));
    }

    private void file(Field field, Answers before, StepInput input, String label, Map<String, String> changes, List<Problem> problems) {
        String stored = before.get(field.id());
        if (stored != null && !input.fileSent(field.id())) {
            changes.put(field.id(), stored);
            return;
        }
        if (!attachmentsAvailable && (field.required() || input.fileSent(field.id()))) {
            problems.add(new Problem(field.id(), "apply.file.unavailable", List.of(label)));
        } else if (field.required()) {
            problems.add(new Problem(field.id(), "apply.file.required", List.of(label)));
        }
    }

    private void group(Field group, Answers before, StepInput input, GroupAction action, SiteLanguage language,
                       Map<String, String> changes, List<Problem> problems, Map<String, Integer> items) {
        int max = group.effectiveMaxItems();
        int min = group.effectiveMinItems();
        int count;
        try {
            String posted = input.value(group.id() + ".count");
            count = posted == null ? Math.max(before.items(group.id()), Math.max(min, 1)) : Integer.parseInt(posted);
        } catch (NumberFormatException forged) {
            count = Math.max(min, 1);
        }
        count = Math.max(0, Math.min(count, max));
        int removedIndex = -1;
        if (action != null && action.group().equals(group.id())) {
            if (action.kind() == GroupAction.Kind.ADD && count < max) {
                count++;
            } else if (action.kind() == GroupAction.Kind.REMOVE && action.index() >= 0 && action.index() < count) {
                removedIndex = action.index();
            }
        }
        String itemLabel = group.itemLabel() == null ? group.label().in(language) : group.itemLabel().in(language);
        int index = 0;
        for (int i = 0; i < count; i++) {
            if (i == removedIndex) {
                continue;
            }
            for (Field child : group.fields()) {
                String label = itemLabel + " " + (index + 1) + " " + child.label().in(language);
                String postedKey = Answers.itemKey(group.id(), i, child.id());
                String key = Answers.itemKey(group.id(), index, child.id());
                Map<String, String> childChanges = new LinkedHashMap<>();
                List<Problem> childProblems = new ArrayList<>();
                if (child.type() == FieldType.CHECKBOXES) {
                    checkboxes(child, renamed(input, postedKey, child.id()), label, childChanges, childProblems);
                    childChanges.forEach((k, v) -> changes.put(key, v));
                } else if (child.type() == FieldType.ADDRESS) {
                    address(child, renamed(input, postedKey, child.id()), label, childChanges, childProblems);
                    childChanges.forEach((k, v) -> changes.put(key + k.substring(child.id().length()), v));
                } else {
                    single(child, key, input.value(postedKey), label, childChanges, childProblems);
                    changes.putAll(childChanges);
                }
                childProblems.forEach(p -> problems.add(new Problem(key + p.field().substring(
                        child.type() == FieldType.ADDRESS || child.type() == FieldType.CHECKBOXES ? child.id().length() : key.length()),
                        p.key(), p.args())));
            }
            index++;
        }
        items.put(group.id(), index);
        changes.put(group.id(), Integer.toString(index));
        if (index < min) {
            problems.add(new Problem(group.id(), "apply.group.tooFew", List.of(group.label().in(language), min)));
        }
    }

    /** The inputs of one group item as if they were the child's own (for the shared readers of checkboxes and addresses). */
    private static StepInput renamed(StepInput input, String itemKey, String childId) {
        return new StepInput() {
            @Override
            public String value(String name) {
                return input.value(itemKey + name.substring(childId.length()));
            }

            @Override
            public List<String> values(String name) {
                return input.values(itemKey + name.substring(childId.length()));
            }

            @Override
            public boolean keptAsKnown(String fieldId) {
                return false;
            }

            @Override
            public boolean fileSent(String name) {
                return false;
            }
        };
    }

    private static Problem problem(String key, String label, FieldValue value) {
        List<Object> args = new ArrayList<>();
        args.add(label);
        args.addAll(value.args());
        return new Problem(key, value.problem(), args);
    }
}
