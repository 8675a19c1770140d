package org.machi.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.machi.shared.DataProtection;

/** Lookup hashes of a fixed length, as the real ones; nothing else of the data protection is used. */
public final class HashingOnly implements DataProtection {

    @Override
    public String lookupHash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String seal(String plaintext, String context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String open(String sealed, String context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] tag(byte[] data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean verifyTag(byte[] tag, byte[] data) {
        throw new UnsupportedOperationException();
    }
}
