package org.machi.shared.crypto;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys' settings ({@code machi.crypto.*}); blank means not given. Every one is a secret, so
 * none has a constraint: a failed constraint prints the value it rejected. {@link KeyEncryptionKey}
 * and {@link Keysets} check them when they are used and name the setting, never its value.
 *
 * @param keyEncryptionKey         wraps the keysets kept in the database (32 bytes, base64)
 * @param previousKeyEncryptionKey the one being replaced, while the key-encryption key is changed
 * @param personalDataKeyset       Tink JSON keysets given in configuration instead of kept by Machi
 */
@ConfigurationProperties("machi.crypto")
record CryptoProperties(@DefaultValue("") String keyEncryptionKey, @DefaultValue("") String previousKeyEncryptionKey,
                        @DefaultValue("") String personalDataKeyset, @DefaultValue("") String lookupKeyset,
                        @DefaultValue("") String auditKeyset, @DefaultValue("") String pushSigningKeyset) {

    CryptoProperties {
        keyEncryptionKey = Objects.requireNonNullElse(keyEncryptionKey, "");
        previousKeyEncryptionKey = Objects.requireNonNullElse(previousKeyEncryptionKey, "");
        personalDataKeyset = Objects.requireNonNullElse(personalDataKeyset, "");
        lookupKeyset = Objects.requireNonNullElse(lookupKeyset, "");
        auditKeyset = Objects.requireNonNullElse(auditKeyset, "");
        pushSigningKeyset = Objects.requireNonNullElse(pushSigningKeyset, "");
    }

    /** The keyset of this kind given in configuration ({@code machi.crypto.<kind>-keyset}), or blank. */
    String keyset(Keysets.Kind kind) {
        return switch (kind) {
            case PERSONAL_DATA -> personalDataKeyset;
            case LOOKUP -> lookupKeyset;
            case AUDIT -> auditKeyset;
            case PUSH_SIGNING -> pushSigningKeyset;
        };
    }

    /** Which settings are given, never what they are: a record's own text would show the keys. */
    @Override
    public String toString() {
        return "CryptoProperties[keyEncryptionKey=" + given(keyEncryptionKey) + ", previousKeyEncryptionKey="
                + given(previousKeyEncryptionKey) + ", personalDataKeyset=" + given(personalDataKeyset) + ", lookupKeyset="
                + given(lookupKeyset) + ", auditKeyset=" + given(auditKeyset) + ", pushSigningKeyset=" + given(pushSigningKeyset) + "]";
    }

    private static String given(String secret) {
        return secret.isBlank() ? "not given" : "given";
    }
}
