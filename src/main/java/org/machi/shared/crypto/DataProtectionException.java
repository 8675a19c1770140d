package org.machi.shared.crypto;

/** A key or ciphertext problem: a configuration fault or tampered data, never a user's mistake. */
class DataProtectionException extends IllegalStateException {

    DataProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
