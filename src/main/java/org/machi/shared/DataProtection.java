package org.machi.shared;

/**
 * Protection of personal data at rest, for every module: AEAD encryption (AES-256-GCM) of the
 * fields that identify a person, keyed hashes for looking such a field up without decrypting it,
 * and tamper-evident tags for the audit chain. Keys come from Tink keysets in configuration and
 * can be rotated: new data uses the primary key, older data still opens with the older keys.
 */
public interface DataProtection {

    /**
     * Encrypts a value. The context (for example {@code "identity.account.email"}) is bound to the
     * ciphertext as associated data, so a value cannot be moved to another field unnoticed.
     */
    String seal(String plaintext, String context);

    /** Decrypts what {@link #seal} produced with the same context. */
    String open(String sealed, String context);

    /** A stable keyed hash (HMAC-SHA256, hex) of a value, for equality lookups. */
    String lookupHash(String value);

    /** A tag over the bytes, made with the audit key (rotation-safe). */
    byte[] tag(byte[] data);

    /** Whether the tag was made over these bytes with one of the audit keys. */
    boolean verifyTag(byte[] tag, byte[] data);
}
