package org.machi.procedures.attachments;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.machi.shared.DataProtection;

/**
 * Each file is encrypted with a key of its own (AES-256-GCM, Tink), and that key is sealed with
 * {@link DataProtection} into the file's database row: the content is protected by the same
 * rotating keys as all personal data without passing megabytes through them, a file on disk is
 * useless without its row, and deleting the row destroys the file's key. The attachment's id is
 * the associated data, so one file cannot be swapped for another.
 */
class ContentEncryption {

    private static final String KEY_CONTEXT = "procedures.attachment.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataProtection protection;

    ContentEncryption(DataProtection protection) {
        this.protection = protection;
    }

    /** A fresh key for one file, and the same key sealed for its row. */
    FileKey newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new FileKey(key, protection.seal(Base64.getEncoder().encodeToString(key), KEY_CONTEXT));
    }

    byte[] encrypt(byte[] plaintext, FileKey key, UUID id) {
        try {
            return new AesGcmJce(key.raw()).encrypt(plaintext, associatedData(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt an attachment", e);
        }
    }

    byte[] decrypt(byte[] ciphertext, String sealedKey, UUID id) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(protection.open(sealedKey, KEY_CONTEXT));
        return new AesGcmJce(key).decrypt(ciphertext, associatedData(id));
    }

    private static byte[] associatedData(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    record FileKey(byte[] raw, String sealed) {
    }
}
