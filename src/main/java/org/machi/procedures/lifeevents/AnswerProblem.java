package org.machi.procedures.lifeevents;

/**
 * An answer that could not be used: the id of the input it belongs to (the error summary links
 * there), the message key and its arguments (question labels travel as message codes, resolved in
 * the reader's language).
 */
public record AnswerProblem(String field, String key, Object... args) {
}
