package org.machi.casework.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the measures need of one counter session ({@code casework.counter_session}).
 *
 * @param submittedAt     when its applications were filed; null while not (yet) filed
 * @param fieldsPrefilled answers the clerk took over from the register
 * @param fieldsTyped     answers typed by hand
 * @param procedures      the slugs of the procedures of the visit
 */
record CounterSessionFacts(Instant startedAt, Instant submittedAt, int fieldsPrefilled, int fieldsTyped, List<String> procedures) {

    boolean submitted() {
        return submittedAt != null;
    }

    Duration startToSubmit() {
        return Duration.between(startedAt, submittedAt);
    }
}
