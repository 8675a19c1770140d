package org.machi.procedures.applying;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;

/**
 * An application's answers: normalised values by key. A field's key is its id; an ADDRESS field
 * has {@code id.postcode}, {@code id.line} and {@code id.district}; CHECKBOXES hold the ticked values
 * joined by commas (option values have none); a GROUP holds its number of items under its id and
 * each child as {@code id[0].child}.
 */
public record Answers(Map<String, String> values) {

    public static final Answers NONE = new Answers(Map.of());

    public Answers {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String get(String key) {
        return values.get(key);
    }

    public Answers with(Map<String, String> changes, Set<String> removed) {
        Map<String, String> next = new LinkedHashMap<>(values);
        removed.forEach(key -> next.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + ".") || k.startsWith(key + "[")));
        changes.forEach((key, value) -> {
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
        });
        return new Answers(next);
    }

    /** The values a condition sees for a top-level field: the ticked boxes, the one value, or none. */
    public Set<String> conditionValues(FormDefinition form, String fieldId) {
        Field field = form.field(fieldId).orElse(null);
        if (field == null) {
            return Set.of();
        }
        if (field.type() == FieldType.ADDRESS) {
            String line = values.get(fieldId + ".line");
            return line == null ? Set.of() : Set.of(line);
        }
        String value = values.get(fieldId);
        if (value == null || value.isEmpty() || (field.type() == FieldType.GROUP && value.equals("0"))) {
            return Set.of();
        }
        return field.type() == FieldType.CHECKBOXES ? new LinkedHashSet<>(Arrays.asList(value.split(","))) : Set.of(value);
    }

    public int items(String groupId) {
        String count = values.get(groupId);
        return count == null ? 0 : Integer.parseInt(count);
    }

    public static String itemKey(String groupId, int index, String childId) {
        return groupId + "[" + index + "]." + childId;
    }
}
