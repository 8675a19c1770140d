package org.machi.procedures.forms;

import java.util.List;

/**
 * What became of one input: its normalised value (null when left empty), or a problem as a message
 * key with arguments. The page puts the field's label before the arguments: {@code {0}} is always
 * the label, the problem's own arguments follow from {@code {1}}.
 */
public record FieldValue(String value, String problem, List<Object> args) {

    public FieldValue {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldValue of(String value) {
        return new FieldValue(value, null, List.of());
    }

    public static FieldValue empty() {
        return new FieldValue(null, null, List.of());
    }

    public static FieldValue problem(String key, Object... args) {
        return new FieldValue(null, key, List.of(args));
    }

    public boolean ok() {
        return problem == null;
    }
}
