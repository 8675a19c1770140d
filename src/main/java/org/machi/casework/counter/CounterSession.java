package org.machi.casework.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One visit of a resident to the counter, served by one clerk: the register person it is for, the
 * procedures picked, and the measures (time from start to submit, fields prefilled against typed).
 *
 * @param procedures the slugs of the procedures started in the session, in the order they were picked
 */
record CounterSession(UUID id, String clerk, String registerNumber, LookUpPurpose purpose, Instant startedAt,
                      Instant submittedAt, Instant closedAt, int fieldsPrefilled, int fieldsTyped, List<String> procedures) {

    CounterSession {
        procedures = List.copyOf(procedures);
    }

    /** Still being served: neither submitted nor closed. */
    public boolean open() {
        return submittedAt == null && closedAt == null;
    }

    public boolean servedBy(String reference) {
        return clerk.equals(reference);
    }

    /** From start to submit; null until submitted. */
    public Duration timeToSubmit() {
        return submittedAt == null ? null : Duration.between(startedAt, submittedAt);
    }
}
