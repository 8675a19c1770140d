package org.machi.procedures.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.machi.procedures.forms.Condition;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSourceResolvable;

/**
 * What keeps a saved draft from being published, each linked to the input to change and said in
 * the staff member's language. The rules are those of {@link FormDefinition#problems()}, which stays
 * the judge: anything it finds that these checks do not name is shown as it says it.
 */
final class EditorChecks {

    private final List<EditorProblem> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    static List<EditorProblem> of(DraftForm form, FormDefinition definition) {
        EditorChecks checks = new EditorChecks();
        checks.check(form, definition);
        if (checks.problems.isEmpty()) {
            for (String problem : definition.problems()) {
                checks.problems.add(new EditorProblem("editor", "editor.problem.other", new Object[] {problem}));
            }
        }
        return checks.problems;
    }

    private void check(DraftForm form, FormDefinition definition) {
        if (form.steps.isEmpty()) {
            problems.add(new EditorProblem("add-step", "editor.problem.noSteps", new Object[0]));
        }
        text("declaration", form.declaration, EditorProblem.message("editor.where.declaration"), true);
        Set<String> stepIds = new HashSet<>();
        Map<String, Field> earlier = new HashMap<>();
        for (int i = 0; i < form.steps.size(); i++) {
            DraftForm.DraftStep step = form.steps.get(i);
            Step defined = definition.steps().get(i);
            if (!stepIds.add(step.id)) {
                problems.add(EditorProblem.at(step.name + ".id", "editor.problem.duplicateId", step.where, step.id));
            }
            text(step.name + ".title", step.title, EditorProblem.part(step.where, "editor.part.title"), true);
            text(step.name + ".intro", step.intro, EditorProblem.part(step.where, "editor.part.intro"), false);
            condition(step.name + ".if", defined.showIf(), step.where, earlier);
            if (step.fields.isEmpty()) {
                problems.add(new EditorProblem(EditorProblem.inputId(step.name + ".add-field"), "editor.problem.noFields",
                        new Object[] {step.where}));
            }
            for (int j = 0; j < step.fields.size(); j++) {
                field(step.fields.get(j), defined.fields().get(j), earlier, false);
                earlier.put(defined.fields().get(j).id(), defined.fields().get(j));
            }
            for (int n = 0; n < step.stops.size(); n++) {
                DraftForm.DraftStop stop = step.stops.get(n);
                condition(stop.name + ".if", defined.stops().get(n).when(), stop.where, earlier);
                text(stop.name + ".message", stop.message, EditorProblem.part(stop.where, "editor.part.message"), true);
            }
        }
    }

    private void field(DraftField draft, Field field, Map<String, Field> earlier, boolean child) {
        MessageSourceResolvable where = draft.where;
        if (!ids.add(field.id())) {
            problems.add(EditorProblem.at(draft.name + ".id", "editor.problem.duplicateId", where, field.id()));
        }
        FieldType type = field.type();
        text(draft.name + ".label", draft.label, EditorProblem.part(where, "editor.part.label"), true);
        text(draft.name + ".hint", draft.hint, EditorProblem.part(where, "editor.part.hint"), false);
        condition(draft.name + ".if", field.showIf(), where, earlier);
        if (child && (type == FieldType.GROUP || type == FieldType.FILE)) {
            problems.add(EditorProblem.at(draft.name + ".type", "editor.problem.groupChild", where));
        }
        if (field.prefill() != null && (!field.prefill().fits(type) || type == FieldType.GROUP)) {
            problems.add(EditorProblem.at(draft.name + ".prefill", "editor.problem.prefill", where, field.prefill().name()));
        }
        if (field.fact() != null && (child ? EditorChoices.CHILD_FACTS : EditorChoices.FACTS).get(field.fact()) != type) {
            problems.add(EditorProblem.at(draft.name + ".fact", "editor.problem.fact", where, field.fact()));
        }
        if (field.min() != null && field.max() != null && field.min() > field.max()) {
            problems.add(EditorProblem.at(draft.name + ".min", "editor.problem.minMax", where));
        }
        if (type.hasOptions()) {
            if (field.options().size() < (type == FieldType.CHOICE ? 2 : 1)) {
                problems.add(new EditorProblem(EditorProblem.inputId(draft.name + ".add-option"), "editor.problem.options",
                        new Object[] {where}));
            }
            Set<String> values = new HashSet<>();
            for (int n = 0; n < draft.options.size(); n++) {
                DraftField.DraftOption option = draft.options.get(n);
                if (!values.add(option.value)) {
                    problems.add(EditorProblem.at(option.name + ".value", "editor.problem.duplicateOption", where, option.value));
                }
                text(option.name + ".label", option.label, EditorProblem.part(where, "editor.part.option", n + 1), true);
            }
        }
        if (type == FieldType.FILE) {
            if (field.accept().isEmpty()) {
                problems.add(EditorProblem.at(draft.name + ".accept", "editor.problem.accept", where));
            }
            if (field.maxBytes() == null) {
                problems.add(EditorProblem.at(draft.name + ".maxBytes", "editor.problem.maxBytes", where, FormDefinition.MAX_FILE_BYTES));
            }
        }
        if (type == FieldType.GROUP) {
            if (field.fields().isEmpty()) {
                problems.add(new EditorProblem(EditorProblem.inputId(draft.name + ".add-child"), "editor.problem.groupEmpty",
                        new Object[] {where}));
            }
            text(draft.name + ".itemLabel", draft.itemLabel, EditorProblem.part(where, "editor.part.itemLabel"), true);
            int min = field.effectiveMinItems();
            int max = field.effectiveMaxItems();
            if (min < 0 || max < 1 || min > max || max > FormDefinition.MAX_GROUP_ITEMS) {
                problems.add(EditorProblem.at(draft.name + ".minItems", "editor.problem.items", where, FormDefinition.MAX_GROUP_ITEMS));
            }
            for (int k = 0; k < draft.children.size(); k++) {
                field(draft.children.get(k), field.fields().get(k), earlier, true);
            }
        }
    }

    private void condition(String name, Condition condition, MessageSourceResolvable where, Map<String, Field> earlier) {
        if (condition == null) {
            return;
        }
        MessageSourceResolvable at = EditorProblem.part(where, "editor.part.condition");
        condition.fields().distinct().filter(id -> !earlier.containsKey(id)).forEach(id ->
                problems.add(EditorProblem.at(name + ".field", "editor.problem.laterField", at, id)));
        condition.comparisons().forEach(comparison -> {
            Field field = earlier.get(comparison.field());
            if (field != null && field.type().hasOptions() && field.option(comparison.value()).isEmpty()) {
                problems.add(EditorProblem.at(name + ".value", "editor.problem.notAnOption", at, comparison.value(), comparison.field()));
            }
        });
    }

    /** A required text in all nine languages; an optional one either empty or in all nine. */
    private void text(String name, DraftText text, MessageSourceResolvable where, boolean required) {
        if (!required && text.blank()) {
            return;
        }
        List<SiteLanguage> missing = java.util.Arrays.stream(SiteLanguage.values()).filter(text::missing).toList();
        if (!missing.isEmpty()) {
            String languages = missing.stream().map(SiteLanguage::nativeName).collect(Collectors.joining("、"));
            problems.add(EditorProblem.at(name + "." + missing.get(0).code(), "editor.problem.language", where, languages));
        }
    }
}
