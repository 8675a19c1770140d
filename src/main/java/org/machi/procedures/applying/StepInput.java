package org.machi.procedures.applying;

import java.util.List;

/** The inputs of one step: as posted by the resident, or as stored (to check a whole application again before it is submitted). */
public interface StepInput {

    /** The single value of an input, null when it was not sent. */
    String value(String name);

    /** Every value of an input sent more than once (ticked checkboxes). */
    List<String> values(String name);

    /** Whether the page showed this field as "already known" (its stored, prefilled value is kept). */
    boolean keptAsKnown(String fieldId);

    /** Whether a file was sent for this input. */
    boolean fileSent(String name);

    /** The stored answers read as if they had just been posted. */
    static StepInput of(Answers answers) {
        return new StepInput() {
            @Override
            public String value(String name) {
                return name.endsWith(".count") ? answers.get(name.substring(0, name.length() - ".count".length())) : answers.get(name);
            }

            @Override
            public List<String> values(String name) {
                String value = answers.get(name);
                return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
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
}
