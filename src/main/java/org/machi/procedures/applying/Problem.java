package org.machi.procedures.applying;

import java.util.List;

/** What is wrong with one input: the id of the input it links to, and a message key with its arguments (the field's label first). */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }
}
