package org.machi.procedures.editor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.machi.procedures.forms.Condition;
import org.machi.procedures.forms.DateRange;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FileFormat;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.Option;
import org.machi.procedures.forms.PrefillKey;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Stop;
import org.springframework.context.MessageSourceResolvable;

/**
 * Turns what the staff member entered into a form definition. What cannot be stored at all (an id
 * with spaces, a number that is not one, a file limit over 10 MiB, a value no list offers) is a
 * problem here and nothing is saved; what only keeps the form from being published (a missing
 * language, a condition on a later field) is for {@link EditorChecks}.
 */
final class DraftReading {

    static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    static final Pattern OPTION_VALUE = Pattern.compile("[a-z0-9][a-zA-Z0-9_-]{0,39}");

    private final List<EditorProblem> problems;

    private DraftReading(List<EditorProblem> problems) {
        this.problems = problems;
    }

    /** The definition; the problems list says whether it may be saved (empty: yes). */
    static FormDefinition read(DraftForm form, List<EditorProblem> problems) {
        return new DraftReading(problems).definition(form);
    }

    private FormDefinition definition(DraftForm form) {
        List<Step> steps = new ArrayList<>();
        for (DraftForm.DraftStep step : form.steps) {
            id(step.name, step.id, step.where);
            List<Stop> stops = new ArrayList<>();
            for (DraftForm.DraftStop stop : step.stops) {
                Condition when = condition(stop.name + ".if", stop.when, stop.where);
                if (when == null && !hasProblemAt(stop.name + ".if")) {
                    problems.add(EditorProblem.at(stop.name + ".if.mode", "editor.problem.stopCondition", stop.where));
                }
                // a stop is stored only with its condition; the problem above keeps the save from happening
                stops.add(new Stop(when == null ? new Condition.Answered("x", true) : when, stop.message.toText(false)));
            }
            List<Field> fields = new ArrayList<>();
            for (DraftField field : step.fields) {
                fields.add(field(field));
            }
            steps.add(new Step(step.id, step.title.toText(false), step.intro.toText(true),
                    condition(step.name + ".if", step.showIf, step.where), stops, fields));
        }
        return new FormDefinition(form.procedure, steps, form.declaration.toText(false));
    }

    private Field field(DraftField field) {
        id(field.name, field.id, field.where);
        FieldType type = constant(FieldType.class, field.type, field.name + ".type", field.where, "editor.part.type");
        if (type == null) {
            type = FieldType.TEXT;
        }
        PrefillKey prefill = field.prefill.isEmpty() ? null
                : constant(PrefillKey.class, field.prefill, field.name + ".prefill", field.where, "editor.part.prefill");
        DateRange dates = type != FieldType.DATE || field.dates.isEmpty() ? null
                : constant(DateRange.class, field.dates, field.name + ".dates", field.where, "editor.part.dates");
        Long maxLength = type.defaultMaxLength() == null ? null : number(field.name + ".maxLength", field.maxLength, field.where,
                "editor.part.maxLength");
        if (maxLength != null && (maxLength < 1 || maxLength > 10000)) {
            problems.add(EditorProblem.at(field.name + ".maxLength", "editor.problem.maxLength", field.where));
        }
        Long min = type.hasRange() ? number(field.name + ".min", field.min, field.where, "editor.part.min") : null;
        Long max = type.hasRange() ? number(field.name + ".max", field.max, field.where, "editor.part.max") : null;
        List<Option> options = new ArrayList<>();
        if (type.hasOptions()) {
            for (DraftField.DraftOption option : field.options) {
                if (!OPTION_VALUE.matcher(option.value).matches()) {
                    problems.add(EditorProblem.at(option.name + ".value", "editor.problem.optionValue", field.where, option.value));
                }
                options.add(new Option(option.value, option.label.toText(false)));
            }
        }
        Set<FileFormat> accept = EnumSet.noneOf(FileFormat.class);
        Long maxBytes = null;
        if (type == FieldType.FILE) {
            for (String kind : field.accept) {
                FileFormat format = constant(FileFormat.class, kind, field.name + ".accept", field.where, "editor.part.accept");
                if (format != null) {
                    accept.add(format);
                }
            }
            maxBytes = number(field.name + ".maxBytes", field.maxBytes, field.where, "editor.part.maxBytes");
            if (maxBytes != null && (maxBytes < 1 || maxBytes > FormDefinition.MAX_FILE_BYTES)) {
                problems.add(EditorProblem.at(field.name + ".maxBytes", "editor.problem.maxBytes", field.where,
                        FormDefinition.MAX_FILE_BYTES));
            }
        }
        List<Field> children = new ArrayList<>();
        Long minItems = null;
        Long maxItems = null;
        boolean group = type == FieldType.GROUP;
        if (group) {
            for (DraftField child : field.children) {
                children.add(field(child));
            }
            minItems = number(field.name + ".minItems", field.minItems, field.where, "editor.part.items");
            maxItems = number(field.name + ".maxItems", field.maxItems, field.where, "editor.part.items");
        }
        String fact = field.fact.isEmpty() ? null : field.fact;
        if (fact != null && !EditorChoices.FACTS.containsKey(fact) && !EditorChoices.CHILD_FACTS.containsKey(fact)) {
            problems.add(EditorProblem.at(field.name + ".fact", "editor.problem.choose",
                    EditorProblem.part(field.where, "editor.part.fact")));
            fact = null;
        }
        return new Field(field.id, type, field.label.toText(false), field.hint.toText(true), field.required,
                condition(field.name + ".if", field.showIf, field.where), prefill, fact,
                maxLength == null ? null : (int) Math.min(maxLength, Integer.MAX_VALUE), min, max, dates, options,
                type == FieldType.ADDRESS && field.outsideCity, accept, maxBytes, children,
                minItems == null ? null : (int) Math.max(Math.min(minItems, 1000), -1),
                maxItems == null ? null : (int) Math.max(Math.min(maxItems, 1000), -1), group ? field.itemLabel.toText(false) : null);
    }

    private Condition condition(String name, DraftCondition condition, MessageSourceResolvable where) {
        Object at = EditorProblem.part(where, "editor.part.condition");
        switch (condition.mode) {
            case NONE:
                return null;
            case KEPT: {
                Condition kept = KeptConditions.read(condition.kept);
                if (kept == null) {
                    problems.add(EditorProblem.at(name + ".mode", "editor.problem.choose", at));
                }
                return kept;
            }
            default:
                break;
        }
        if (condition.field.isEmpty()) {
            problems.add(EditorProblem.at(name + ".field", "editor.problem.conditionField", at));
            return null;
        }
        switch (condition.mode) {
            case EQUALS:
                if (condition.value.isEmpty()) {
                    problems.add(EditorProblem.at(name + ".value", "editor.problem.conditionValue", at));
                    return null;
                }
                return new Condition.Equals(condition.field, condition.value);
            case IN:
                if (condition.values().isEmpty()) {
                    problems.add(EditorProblem.at(name + ".value", "editor.problem.conditionValue", at));
                    return null;
                }
                return new Condition.In(condition.field, condition.values());
            case ANSWERED:
                return new Condition.Answered(condition.field, true);
            default:
                return new Condition.Answered(condition.field, false);
        }
    }

    private void id(String name, String id, MessageSourceResolvable where) {
        if (!ID.matcher(id).matches()) {
            problems.add(EditorProblem.at(name + ".id", "editor.problem.id", where, id));
        }
    }

    private Long number(String name, String value, MessageSourceResolvable where, String part) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            problems.add(EditorProblem.at(name, "editor.problem.number",
                    EditorProblem.part(where, part)));
            return null;
        }
    }

    private <E extends Enum<E>> E constant(Class<E> type, String value, String name, MessageSourceResolvable where, String part) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(EditorProblem.at(name, "editor.problem.choose",
                EditorProblem.part(where, part)));
        return null;
    }

    private boolean hasProblemAt(String name) {
        String id = EditorProblem.inputId(name);
        return problems.stream().anyMatch(p -> p.field().startsWith(id));
    }
}
