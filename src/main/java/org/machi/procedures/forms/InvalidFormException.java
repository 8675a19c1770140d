package org.machi.procedures.forms;

import java.util.List;

/** A form definition that cannot be published or seeded, with every problem {@link FormDefinition#problems()} found. */
public class InvalidFormException extends RuntimeException {

    private final List<String> problems;

    public InvalidFormException(List<String> problems) {
        super("the form has problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
