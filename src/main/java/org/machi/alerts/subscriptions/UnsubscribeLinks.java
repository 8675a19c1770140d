package org.machi.alerts.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.machi.shared.DataProtection;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe token in every message: the subscription's id and a keyed hash of it,
 * so it cannot be guessed for someone else's subscription and needs nothing stored.
 */
@Component
public class UnsubscribeLinks {

    private final DataProtection protection;

    UnsubscribeLinks(DataProtection protection) {
        this.protection = protection;
    }

    public String token(UUID subscription) {
        return subscription + "." + mac(subscription);
    }

    /** The page that ends the subscription in one click (a mail client may POST to it, RFC 8058). */
    public String path(UUID subscription) {
        return "/alerts/unsubscribe/" + token(subscription);
    }

    /** The subscription a token names, if the token is genuine. */
    public Optional<UUID> subscription(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(token.substring(0, dot));
            boolean genuine = MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
                    token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
            return genuine ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String mac(UUID subscription) {
        return protection.lookupHash("alerts.unsubscribe:" + subscription).substring(0, 32);
    }
}
