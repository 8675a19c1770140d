package org.machi.procedures.editor;

import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A button of the editor page other than save: add, remove or move a step, field, option or stop,
 * named {@code verb:indexes} (e.g. {@code up-field:0.2}). Indexes come from the page, so an index
 * that points nowhere is refused rather than trusted.
 */
final class EditorAction {

    private EditorAction() {
    }

    /** Applies the action to the form; false when it is unknown or its indexes point nowhere. */
    static boolean apply(String action, DraftForm form) {
        int colon = action.indexOf(':');
        String verb = colon < 0 ? action : action.substring(0, colon);
        int[] at;
        try {
            at = colon < 0 ? new int[0] : java.util.Arrays.stream(action.substring(colon + 1).split("\\.")).mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException notIndexes) {
            return false;
        }
        boolean done = switch (verb) {
            case "add-step" -> at.length == 0 && add(form.steps, DraftParams.MAX_STEPS, () -> newStep(form));
            case "remove-step", "up-step", "down-step" -> at.length == 1 && change(verb, form.steps, at[0]);
            case "add-field" -> at.length == 1 && in(form.steps, at[0])
                    && add(form.steps.get(at[0]).fields, DraftParams.MAX_FIELDS, () -> newField(form, "field"));
            case "remove-field", "up-field", "down-field" -> at.length == 2 && in(form.steps, at[0])
                    && change(verb, form.steps.get(at[0]).fields, at[1]);
            case "add-child" -> at.length == 2 && field(form, at[0], at[1]) != null
                    && add(field(form, at[0], at[1]).children, DraftParams.MAX_CHILDREN, () -> newField(form, "item"));
            case "remove-child", "up-child", "down-child" -> at.length == 3 && field(form, at[0], at[1]) != null
                    && change(verb, field(form, at[0], at[1]).children, at[2]);
            case "add-option" -> optionsOf(form, at, 0) != null
                    && add(optionsOf(form, at, 0), DraftParams.MAX_OPTIONS, DraftField.DraftOption::new);
            case "remove-option", "up-option", "down-option" -> optionsOf(form, at, 1) != null
                    && change(verb, optionsOf(form, at, 1), at[at.length - 1]);
            case "add-stop" -> at.length == 1 && in(form.steps, at[0])
                    && add(form.steps.get(at[0]).stops, DraftParams.MAX_STOPS, DraftForm.DraftStop::new);
            case "remove-stop" -> at.length == 2 && in(form.steps, at[0]) && change(verb, form.steps.get(at[0]).stops, at[1]);
            default -> false;
        };
        form.number();
        return done;
    }

    /** The options of the field the indexes name (step.field or step.field.child), ignoring the last {@code trailing} indexes. */
    private static List<DraftField.DraftOption> optionsOf(DraftForm form, int[] at, int trailing) {
        int length = at.length - trailing;
        DraftField field = length == 2 ? field(form, at[0], at[1]) : length == 3 ? child(form, at[0], at[1], at[2]) : null;
        return field == null ? null : field.options;
    }

    private static DraftField field(DraftForm form, int step, int field) {
        return in(form.steps, step) && in(form.steps.get(step).fields, field) ? form.steps.get(step).fields.get(field) : null;
    }

    private static DraftField child(DraftForm form, int step, int field, int child) {
        DraftField parent = field(form, step, field);
        return parent != null && in(parent.children, child) ? parent.children.get(child) : null;
    }

    private static boolean in(List<?> list, int index) {
        return index >= 0 && index < list.size();
    }

    private static <T> boolean add(List<T> list, int limit, Supplier<T> item) {
        if (list.size() >= limit) {
            return false;
        }
        list.add(item.get());
        return true;
    }

    private static boolean change(String verb, List<?> list, int index) {
        if (!in(list, index)) {
            return false;
        }
        if (verb.startsWith("remove")) {
            list.remove(index);
        } else if (verb.startsWith("up")) {
            if (index == 0) {
                return false;
            }
            Collections.swap(list, index, index - 1);
        } else {
            if (index == list.size() - 1) {
                return false;
            }
            Collections.swap(list, index, index + 1);
        }
        return true;
    }

    private static DraftForm.DraftStep newStep(DraftForm form) {
        DraftForm.DraftStep step = new DraftForm.DraftStep();
        int n = form.steps.size() + 1;
        while (true) {
            String id = "step" + n;
            if (form.steps.stream().noneMatch(s -> s.id.equals(id))) {
                step.id = id;
                return step;
            }
            n++;
        }
    }

    /** A new TEXT field with an id not yet used in the form, so that the draft can be saved at once. */
    private static DraftField newField(DraftForm form, String prefix) {
        java.util.Set<String> used = new java.util.HashSet<>();
        form.steps.forEach(s -> s.fields.forEach(f -> {
            used.add(f.id);
            f.children.forEach(c -> used.add(c.id));
        }));
        int n = 1;
        while (used.contains(prefix + n)) {
            n++;
        }
        DraftField field = new DraftField();
        field.id = prefix + n;
        return field;
    }
}
