package org.machi.procedures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What filing a counter session's drafts came to ({@link Applications#submitAtCounter}): all of them,
 * or none.
 *
 * @param receiptNumbers the receipt number (受付番号) of each filed application, in the order the drafts were started (by start time); empty unless filed
 * @param incomplete     the drafts that still have a step to answer; any of them means nothing was filed
 */
public record CounterSubmission(Outcome outcome, Map<UUID, String> receiptNumbers, List<UUID> incomplete) {

    public enum Outcome {
        SUBMITTED,
        /** Some draft has a step to answer: nothing was filed. */
        INCOMPLETE,
        /** The session has no draft of this clerk's: nothing was filed. */
        NOTHING_TO_SUBMIT
    }

    public CounterSubmission {
        receiptNumbers = Collections.unmodifiableMap(new LinkedHashMap<>(receiptNumbers));
        incomplete = List.copyOf(incomplete);
    }

    public boolean submitted() {
        return outcome == Outcome.SUBMITTED;
    }

    /** The message key (bundle {@code procedures-apply}) that tells the clerk why nothing was filed; null when filed. */
    public String messageKey() {
        return switch (outcome) {
            case SUBMITTED -> null;
            case INCOMPLETE -> "counter.refused.INCOMPLETE";
            case NOTHING_TO_SUBMIT -> "counter.refused.NOTHING_TO_SUBMIT";
        };
    }
}
