package org.machi.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key-encryption key (KEK) that wraps the keysets kept in the database: 32 random bytes,
 * base64, given in configuration (generated with {@code openssl rand -base64 32}). Each wrapped
 * keyset is bound to its kind, so that one cannot be passed off as another. Neither the KEK nor
 * anything it opens ever appears in a message.
 */
final class KeyEncryptionKey {

    static final String PROPERTY = "machi.crypto.key-encryption-key";
    static final String PREVIOUS_PROPERTY = "machi.crypto.previous-key-encryption-key";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    private KeyEncryptionKey(Aead aead) {
        this.aead = aead;
    }

    /** The KEK in configuration under {@code property}; the value is never repeated in the error. */
    static KeyEncryptionKey parse(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new KeysUnavailableException("The key-encryption key (" + property + ") is not 32 bytes in base64.",
                    "Generate one with 'openssl rand -base64 32' and give the same value to every node.");
        }
        try {
            AesGcmKey aesGcm = AesGcmKey.builder()
                    .setParameters(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                            .setVariant(AesGcmParameters.Variant.NO_PREFIX).build())
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build();
            KeysetHandle handle = KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(aesGcm).withRandomId().makePrimary()).build();
            return new KeyEncryptionKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    String wrap(KeysetHandle keyset, Keysets.Kind kind) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, aead, associatedData(kind));
    }

    /** Throws when the text was wrapped with another KEK, for another kind, or altered. */
    KeysetHandle unwrap(String wrapped, Keysets.Kind kind) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, associatedData(kind));
    }

    private static byte[] associatedData(Keysets.Kind kind) {
        return ("machi.keyset." + kind.name).getBytes(StandardCharsets.UTF_8);
    }
}
