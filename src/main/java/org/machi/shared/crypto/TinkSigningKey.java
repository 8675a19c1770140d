package org.machi.shared.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.jwt.JwtEcdsaPublicKey;
import com.google.crypto.tink.jwt.JwtPublicKeySign;
import com.google.crypto.tink.jwt.RawJwt;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.ECPoint;
import java.time.Instant;
import org.machi.shared.SigningKey;

/** The signing key as a Tink ES256 JWT keyset. */
final class TinkSigningKey implements SigningKey {

    private final JwtPublicKeySign signer;
    private final byte[] publicPoint;

    TinkSigningKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.signer = keyset.getPrimitive(RegistryConfiguration.get(), JwtPublicKeySign.class);
        this.publicPoint = uncompressed(((JwtEcdsaPublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey()).getPublicPoint());
    }

    @Override
    public byte[] publicPoint() {
        return publicPoint.clone();
    }

    @Override
    public String signedJwt(String audience, String subject, Instant expires) {
        try {
            return signer.signAndEncode(RawJwt.newBuilder().setAudience(audience).setSubject(subject).setExpiration(expires).build());
        } catch (GeneralSecurityException failed) {
            throw new DataProtectionException("could not sign a token", failed);
        }
    }

    /** 0x04, then X and Y as 32 bytes each (SEC 1, uncompressed). */
    static byte[] uncompressed(ECPoint point) {
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        copy32(point.getAffineX(), encoded, 1);
        copy32(point.getAffineY(), encoded, 33);
        return encoded;
    }

    private static void copy32(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
