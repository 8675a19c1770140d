package org.machi.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import org.machi.shared.DataProtection;

/** {@link DataProtection} with Google Tink primitives over the configured keysets. */
class TinkDataProtection implements DataProtection {

    private final Aead personalData;
    private final Mac lookup;
    private final Mac audit;

    TinkDataProtection(KeysetHandle personalData, KeysetHandle lookup, KeysetHandle audit) throws GeneralSecurityException {
        this.personalData = personalData.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.lookup = lookup.getPrimitive(RegistryConfiguration.get(), Mac.class);
        this.audit = audit.getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    @Override
    public String seal(String plaintext, String context) {
        try {
            byte[] sealed = personalData.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new DataProtectionException("could not encrypt a value for " + context, e);
        }
    }

    @Override
    public String open(String sealed, String context) {
        try {
            byte[] plain = personalData.decrypt(Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DataProtectionException("could not decrypt a value of " + context, e);
        }
    }

    @Override
    public String lookupHash(String value) {
        try {
            return HexFormat.of().formatHex(lookup.computeMac(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new DataProtectionException("could not hash a value", e);
        }
    }

    @Override
    public byte[] tag(byte[] data) {
        try {
            return audit.computeMac(data);
        } catch (GeneralSecurityException e) {
            throw new DataProtectionException("could not tag audit data", e);
        }
    }

    @Override
    public boolean verifyTag(byte[] tag, byte[] data) {
        try {
            audit.verifyMac(tag, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
