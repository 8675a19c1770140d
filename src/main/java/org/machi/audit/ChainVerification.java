package org.machi.audit;

/**
 * The outcome of checking the whole chain.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number of the first entry that does not hold, or null when intact
 * @param problem        what is wrong there, or null when intact
 */
public record ChainVerification(long entriesChecked, Long firstBrokenSeq, Problem problem) {

    /** What can be wrong with an entry. */
    public enum Problem {
        ALTERED("entry was altered"),
        MISSING("entry is missing (removed)"),
        OUT_OF_CHAIN("does not follow the previous entry (an entry before it was removed, replaced or inserted)"),
        TRUNCATED("entries after this point were removed");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
