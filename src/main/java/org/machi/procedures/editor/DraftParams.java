package org.machi.procedures.editor;

import java.util.List;
import org.machi.shared.SiteLanguage;
import org.springframework.util.MultiValueMap;

/**
 * Reads the editor page's inputs back into a {@link DraftForm}. Counts and indexes come from the
 * page; a count that is not a number or beyond the limits is a forged or broken post, refused as a
 * whole (nothing of it is saved).
 */
final class DraftParams {

    static final int MAX_STEPS = 40;
    static final int MAX_FIELDS = 60;
    static final int MAX_STOPS = 10;
    static final int MAX_OPTIONS = 60;
    static final int MAX_CHILDREN = 20;
    static final int MAX_TEXT = 4000;

    private final MultiValueMap<String, String> params;
    private final List<EditorProblem> problems;

    private DraftParams(MultiValueMap<String, String> params, List<EditorProblem> problems) {
        this.params = params;
        this.problems = problems;
    }

    /** The posted form, or null (with a problem) when its structure is forged. */
    static DraftForm read(String procedure, MultiValueMap<String, String> params, List<EditorProblem> problems) {
        return new DraftParams(params, problems).form(procedure);
    }

    private DraftForm form(String procedure) {
        DraftForm form = new DraftForm(procedure);
        Integer steps = count("steps", MAX_STEPS);
        if (steps == null) {
            return null;
        }
        for (int i = 0; i < steps; i++) {
            String s = "s" + i;
            DraftForm.DraftStep step = new DraftForm.DraftStep();
            step.id = one(s + ".id");
            step.title = text(s + ".title");
            step.intro = text(s + ".intro");
            step.showIf = condition(s + ".if");
            Integer stops = count(s + ".stops", MAX_STOPS);
            Integer fields = count(s + ".fields", MAX_FIELDS);
            if (stops == null || fields == null) {
                return null;
            }
            for (int n = 0; n < stops; n++) {
                DraftForm.DraftStop stop = new DraftForm.DraftStop();
                stop.when = condition(s + ".x" + n + ".if");
                stop.message = text(s + ".x" + n + ".message");
                step.stops.add(stop);
            }
            for (int j = 0; j < fields; j++) {
                DraftField field = field(s + ".f" + j, true);
                if (field == null) {
                    return null;
                }
                step.fields.add(field);
            }
            form.steps.add(step);
        }
        form.declaration = text("declaration");
        return form.number();
    }

    private DraftField field(String f, boolean mayHaveChildren) {
        DraftField field = new DraftField();
        field.id = one(f + ".id");
        field.type = one(f + ".type");
        field.label = text(f + ".label");
        field.hint = text(f + ".hint");
        field.required = params.containsKey(f + ".required");
        field.showIf = condition(f + ".if");
        field.prefill = one(f + ".prefill");
        field.fact = one(f + ".fact");
        field.maxLength = one(f + ".maxLength");
        field.min = one(f + ".min");
        field.max = one(f + ".max");
        field.dates = one(f + ".dates");
        field.outsideCity = params.containsKey(f + ".outsideCity");
        List<String> accept = params.get(f + ".accept");
        if (accept != null) {
            field.accept.addAll(accept);
        }
        field.maxBytes = one(f + ".maxBytes");
        field.minItems = one(f + ".minItems");
        field.maxItems = one(f + ".maxItems");
        field.itemLabel = text(f + ".itemLabel");
        Integer options = count(f + ".options", MAX_OPTIONS);
        Integer children = mayHaveChildren ? count(f + ".children", MAX_CHILDREN) : Integer.valueOf(0);
        if (options == null || children == null) {
            return null;
        }
        for (int n = 0; n < options; n++) {
            DraftField.DraftOption option = new DraftField.DraftOption();
            option.value = one(f + ".o" + n + ".value");
            option.label = text(f + ".o" + n + ".label");
            field.options.add(option);
        }
        for (int k = 0; k < children; k++) {
            DraftField child = field(f + ".c" + k, false);
            if (child == null) {
                return null;
            }
            field.children.add(child);
        }
        return field;
    }

    private DraftCondition condition(String c) {
        DraftCondition condition = new DraftCondition();
        String mode = one(c + ".mode");
        try {
            condition.mode = mode.isEmpty() ? DraftCondition.Mode.NONE : DraftCondition.Mode.valueOf(mode);
        } catch (IllegalArgumentException unknown) {
            problems.add(EditorProblem.at(c + ".mode", "editor.problem.choose"));
        }
        condition.field = one(c + ".field");
        condition.value = one(c + ".value");
        condition.kept = one(c + ".kept");
        return condition;
    }

    private DraftText text(String name) {
        DraftText text = new DraftText();
        for (SiteLanguage language : SiteLanguage.values()) {
            String value = one(name + "." + language.code());
            if (value.length() > MAX_TEXT) {
                problems.add(EditorProblem.at(name + "." + language.code(), "editor.problem.tooLong", MAX_TEXT));
                value = value.substring(0, MAX_TEXT);
            }
            text.put(language.code(), value);
        }
        return text;
    }

    private String one(String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private Integer count(String name, int limit) {
        try {
            int count = Integer.parseInt(one(name));
            if (count >= 0 && count <= limit) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        problems.add(new EditorProblem("editor", "editor.problem.forged", new Object[0]));
        return null;
    }
}
