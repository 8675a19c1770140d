package org.machi.procedures.attachments;

/** Checks a file for malware before it is stored. */
public interface VirusScanner {

    /**
     * The verdict on these bytes.
     *
     * @throws ScannerUnavailableException when no verdict could be had (the file is then refused, never let through)
     */
    Verdict scan(byte[] content);

    /** @param signature the malware found, as the scanner names it; null when clean */
    record Verdict(boolean clean, String signature) {

        public static final Verdict CLEAN = new Verdict(true, null);

        public static Verdict infected(String signature) {
            return new Verdict(false, signature);
        }
    }

    /** The scanner could not be reached or gave no verdict in time. */
    class ScannerUnavailableException extends RuntimeException {

        public ScannerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What runs when no scanner is configured: every file passes. */
    VirusScanner NONE = content -> Verdict.CLEAN;
}
