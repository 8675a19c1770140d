package org.machi.identity.account;

/** A mistake in a form and the field it belongs to, as the error summary links them. */
public record FieldProblem(String field, String key) {

    /** None of these messages takes arguments; the error summary asks for them. */
    public Object[] args() {
        return new Object[0];
    }
}
