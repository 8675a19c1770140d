package org.machi.casework.register;

import java.util.List;

/**
 * What is wrong with one row of a register extract: its line in the file (1 is the header; 0 for
 * the file as a whole) and a message key of {@code messages/casework-register} with its arguments.
 * The arguments never repeat a cell's value, which may be personal data.
 */
public record RowProblem(int line, String key, List<Object> args) {

    public RowProblem {
        args = List.copyOf(args);
    }

    static RowProblem of(int line, String reason, Object... args) {
        return new RowProblem(line, "casework.register.problem." + reason, List.of(args));
    }

    /** The arguments as an array, for {@code #messages.msgWithParams}. */
    public Object[] arguments() {
        return args.toArray();
    }
}
