package org.machi.casework.counter;

/** A mistake in a counter form, or a refusal, and the field it belongs to, as the error summary links them. */
record Problem(String field, String key, Object... args) {

    static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, args);
    }
}
