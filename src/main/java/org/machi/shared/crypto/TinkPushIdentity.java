package org.machi.shared.crypto;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.jwt.JwtEcdsaPublicKey;
import com.google.crypto.tink.jwt.JwtPublicKeySign;
import com.google.crypto.tink.jwt.RawJwt;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.ECPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.machi.shared.PushIdentity;

/**
 * VAPID with a Tink ES256 JWT keyset. A token is valid for twelve hours (push services accept up
 * to 24) and reused for an hour per push service, so that a fan-out signs once per service.
 */
final class TinkPushIdentity implements PushIdentity {

    private static final Duration VALIDITY = Duration.ofHours(12);
    private static final Duration REUSE = Duration.ofHours(1);

    private final JwtPublicKeySign signer;
    private final String publicKey;
    private final String contact;
    private final Clock clock;
    private final LoadingCache<String, String> tokens;

    TinkPushIdentity(KeysetHandle keyset, String contact, Clock clock) throws GeneralSecurityException {
        this.signer = keyset.getPrimitive(RegistryConfiguration.get(), JwtPublicKeySign.class);
        this.publicKey = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(uncompressed(((JwtEcdsaPublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey()).getPublicPoint()));
        this.contact = contact;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder().expireAfterWrite(REUSE).maximumSize(1000).build(this::token);
    }

    @Override
    public String publicKey() {
        return publicKey;
    }

    @Override
    public String authorization(String pushServiceOrigin) {
        return "vapid t=" + tokens.get(pushServiceOrigin) + ", k=" + publicKey;
    }

    private String token(String audience) throws GeneralSecurityException {
        return signer.signAndEncode(RawJwt.newBuilder()
                .setAudience(audience)
                .setSubject(contact)
                .setExpiration(clock.instant().plus(VALIDITY))
                .build());
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
