package org.machi.procedures.forms.values;

import java.util.Optional;

/**
 * What became of one typed answer: accepted as a value (with the text to store, the same for every
 * way of typing it), or refused with the {@link Problem} to show. Parsing never throws for what a
 * resident types.
 */
public sealed interface FieldValue<T> permits FieldValue.Accepted, FieldValue.Refused {

    /** @param stored the normalised text kept in the application's answers ({@code 2025-04-01}, {@code 2430018}) */
    record Accepted<T>(T value, String stored) implements FieldValue<T> {
    }

    record Refused<T>(Problem problem) implements FieldValue<T> {
    }

    static <T> FieldValue<T> accepted(T value, String stored) {
        return new Accepted<>(value, stored);
    }

    static <T> FieldValue<T> refused(String key, Object... arguments) {
        return new Refused<>(Problem.of(key, arguments));
    }

    static <T> FieldValue<T> refused(Problem problem) {
        return new Refused<>(problem);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The value, if accepted. */
    default Optional<T> accepted() {
        return this instanceof Accepted<T> accepted ? Optional.of(accepted.value()) : Optional.empty();
    }

    /** The text to store, if accepted. */
    default Optional<String> storedText() {
        return this instanceof Accepted<T> accepted ? Optional.of(accepted.stored()) : Optional.empty();
    }

    /** Why it was refused, if it was. */
    default Optional<Problem> refusal() {
        return this instanceof Refused<T> refused ? Optional.of(refused.problem()) : Optional.empty();
    }
}
