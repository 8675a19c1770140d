package org.machi.audit;

/**
 * The outcome of checking the whole chain.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number of the first entry that does not hold, or null when intact
 * @param problem        what is wrong there, or null when intact
 */
public record ChainVerification(long entriesChecked, Long firstBrokenSeq, String problem) {

    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
