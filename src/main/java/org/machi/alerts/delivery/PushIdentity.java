package org.machi.alerts.delivery;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.machi.alerts.PushProperties;
import org.machi.shared.CityProfile;
import org.machi.shared.SigningKey;
import org.springframework.stereotype.Component;

/**
 * The city's application-server identity for Web Push (VAPID, RFC 8292), signed with the city's
 * {@link SigningKey}, which every node shares, so that a browser subscribed through one node
 * accepts pushes from all of them. A token is valid for twelve hours (push services accept up to
 * 24) and reused for an hour per push service, so that a fan-out signs once per service.
 */
@Component
public class PushIdentity {

    private static final Duration VALIDITY = Duration.ofHours(12);
    private static final Duration REUSE = Duration.ofHours(1);

    private final SigningKey key;
    private final String publicKey;
    private final String contact;
    private final Clock clock;
    private final LoadingCache<String, String> tokens;

    PushIdentity(SigningKey key, PushProperties push, CityProfile city, Clock clock) {
        this.key = key;
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicPoint());
        this.contact = push.contact() != null ? push.contact() : city.website().toString();
        this.clock = clock;
        this.tokens = Caffeine.newBuilder().expireAfterWrite(REUSE).maximumSize(1000).build(this::token);
    }

    /** The public key as browsers take it (applicationServerKey): the uncompressed point, base64url. */
    public String publicKey() {
        return publicKey;
    }

    /**
     * The {@code Authorization} header for a push service: {@code vapid t=<signed JWT>, k=<public key>},
     * the token addressed to the service's origin (e.g. {@code https://fcm.googleapis.com}).
     */
    public String authorization(String pushServiceOrigin) {
        return "vapid t=" + tokens.get(pushServiceOrigin) + ", k=" + publicKey;
    }

    private String token(String audience) {
        return key.signedJwt(audience, contact, clock.instant().plus(VALIDITY));
    }
}
