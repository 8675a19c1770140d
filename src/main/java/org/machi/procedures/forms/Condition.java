package org.machi.procedures.forms;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A rule on answers given earlier in the form, deciding whether a step or field is shown or a stop
 * applies. The answers are seen as the set of values of each field: one for most fields, the ticked
 * ones for CHECKBOXES, none when unanswered.
 */
public sealed interface Condition {

    boolean holds(Function<String, Set<String>> valuesOf);

    /** The fields this condition reads. */
    Stream<String> fields();

    /** Values this condition compares a field with, by field: to check they are among its options. */
    default Stream<Comparison> comparisons() {
        return Stream.empty();
    }

    record Comparison(String field, String value) {
    }

    /** The field's value is this one (for CHECKBOXES: this box is ticked). */
    record Equals(String field, String value) implements Condition {
        @Override
        public boolean holds(Function<String, Set<String>> valuesOf) {
            return valuesOf.apply(field).contains(value);
        }

        @Override
        public Stream<String> fields() {
            return Stream.of(field);
        }

        @Override
        public Stream<Comparison> comparisons() {
            return Stream.of(new Comparison(field, value));
        }
    }

    /** The field's value is one of these (for CHECKBOXES: any of these is ticked). */
    record In(String field, List<String> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean holds(Function<String, Set<String>> valuesOf) {
            Set<String> given = valuesOf.apply(field);
            return values.stream().anyMatch(given::contains);
        }

        @Override
        public Stream<String> fields() {
            return Stream.of(field);
        }

        @Override
        public Stream<Comparison> comparisons() {
            return values.stream().map(value -> new Comparison(field, value));
        }
    }

    /** The field was answered ({@code answered: true}) or left empty ({@code answered: false}). */
    record Answered(String field, boolean answered) implements Condition {
        @Override
        public boolean holds(Function<String, Set<String>> valuesOf) {
            return valuesOf.apply(field).isEmpty() != answered;
        }

        @Override
        public Stream<String> fields() {
            return Stream.of(field);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean holds(Function<String, Set<String>> valuesOf) {
            return !condition.holds(valuesOf);
        }

        @Override
        public Stream<String> fields() {
            return condition.fields();
        }

        @Override
        public Stream<Comparison> comparisons() {
            return condition.comparisons();
        }
    }

    /** Several conditions together: they read the fields and compare the values of all of them. */
    sealed interface Combined extends Condition {

        List<Condition> conditions();

        @Override
        default Stream<String> fields() {
            return conditions().stream().flatMap(Condition::fields);
        }

        @Override
        default Stream<Comparison> comparisons() {
            return conditions().stream().flatMap(Condition::comparisons);
        }
    }

    record All(List<Condition> conditions) implements Combined {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Function<String, Set<String>> valuesOf) {
            return conditions.stream().allMatch(c -> c.holds(valuesOf));
        }
    }

    record Any(List<Condition> conditions) implements Combined {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Function<String, Set<String>> valuesOf) {
            return conditions.stream().anyMatch(c -> c.holds(valuesOf));
        }
    }
}
