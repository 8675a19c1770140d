package org.machi.procedures;

/**
 * A procedure that cannot be filled at the counter with a form ({@link Applications#startAtCounter}):
 * unknown, counter-only (done on paper at its own desk) or without a form. Nothing was started.
 */
public class CounterRefusedException extends RuntimeException {

    public enum Reason { NO_SUCH_PROCEDURE, COUNTER_ONLY, NO_FORM }

    private final Reason reason;

    public CounterRefusedException(Reason reason) {
        super("not filled at the counter: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message key (bundle {@code procedures-apply}) telling the clerk why, with the procedure's title as its argument. */
    public String messageKey() {
        return "counter.refused." + reason.name();
    }
}
