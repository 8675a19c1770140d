package org.machi.casework.register;

import java.util.List;

/** What an import of a register extract came to: a new current snapshot, or the file refused whole. */
public sealed interface ImportResult {

    /** The extract became the current snapshot. */
    record Imported(RegisterSnapshot snapshot) implements ImportResult {
    }

    /**
     * Nothing was imported. {@code problems} lists the first {@link RegisterImports#PROBLEMS_SHOWN}
     * problems in the order of the file; {@code problemCount} counts them all.
     */
    record Refused(List<RowProblem> problems, int problemCount) implements ImportResult {

        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
