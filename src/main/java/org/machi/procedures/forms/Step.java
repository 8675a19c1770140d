package org.machi.procedures.forms;

import java.util.List;
import java.util.Optional;

/** One page of a form: its heading is the question when the step asks one thing. */
public record Step(String id, Text title, Text intro, Condition showIf, List<Stop> stops, List<Field> fields) {

    public Step {
        stops = stops == null ? List.of() : List.copyOf(stops);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<Field> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }
}
