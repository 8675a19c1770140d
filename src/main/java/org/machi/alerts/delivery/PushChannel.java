package org.machi.alerts.delivery;

import com.google.crypto.tink.apps.webpush.WebPushHybridEncrypt;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.machi.alerts.subscriptions.PushEndpoints;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.DataProtection;
import org.machi.shared.OutgoingMail.Outcome;
import org.machi.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Alerts and notices as Web Push notifications (RFC 8030) to the browsers that asked for them: the
 * message encrypted for the browser alone (RFC 8291, aes128gcm), the city identified by VAPID
 * (RFC 8292). Alerts go at high urgency, notices at normal. A push service that answers 404 or 410
 * has dropped the browser's subscription, and Machi forgets the endpoint.
 */
@Component
class PushChannel implements DeliveryChannel {

    /** The reason recorded when the push service no longer knows the subscription. */
    private static final Duration ALERT_TTL = Duration.ofHours(12);
    private static final Duration NOTICE_TTL = Duration.ofDays(1);

    private final HttpCalls calls;
    private final DeliveryMessages messages;
    private final DataProtection protection;
    private final PushIdentity identity;

    PushChannel(DeliveryMessages messages, WebhookAddresses addresses, PushEndpoints endpoints, DataProtection protection,
                PushIdentity identity, RateLimits rates, AlertsProperties properties) {
        this.calls = new HttpCalls(addresses, endpoints::formProblem, new RateLimit(rates, "push", properties.delivery().pushesPerSecond()),
                properties.delivery().pushConcurrency());
        this.messages = messages;
        this.protection = protection;
        this.identity = identity;
    }

    @PreDestroy
    void stop() {
        calls.close();
    }

    @Override
    public Deliveries.Channel channel() {
        return Deliveries.Channel.PUSH;
    }

    @Override
    public List<Result> send(List<Due> batch) {
        return calls.callEach(batch, due -> protection.open(due.addressSealed(), Subscriptions.PUSH_ENDPOINT_CONTEXT), this::request,
                PushChannel::judge);
    }

    private static Result judge(Due due, int status) {
        if (status >= 200 && status < 300) {
            return new Result(due, Outcome.Result.SENT, null);
        }
        if (status == 404 || status == 410) {
            return new Result(due, Outcome.Result.REFUSED, Deliveries.GONE);
        }
        // 400 malformed, 403 key mismatch, 413 too large: trying again would not help
        boolean hopeless = status == 400 || status == 403 || status == 413;
        return new Result(due, hopeless ? Outcome.Result.REFUSED : Outcome.Result.RETRY, "HTTP " + status);
    }

    private SimpleHttpRequest request(Due due, String endpoint) {
        DeliveryMessages.Rendered rendered = messages.of(due);
        Subscriptions.PushKeys keys = Subscriptions.PushKeys.parse(protection.open(due.secretSealed(), Subscriptions.PUSH_KEYS_CONTEXT));
        URI uri = URI.create(endpoint);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return SimpleRequestBuilder.post(uri)
                .setHeader("Content-Encoding", "aes128gcm")
                .setHeader("TTL", Long.toString((rendered.urgent() ? ALERT_TTL : NOTICE_TTL).toSeconds()))
                .setHeader("Urgency", rendered.urgent() ? "high" : "normal")
                .setHeader("Authorization", identity.authorization(origin))
                .setBody(encrypted(rendered.notification(), keys), ContentType.APPLICATION_OCTET_STREAM)
                .build();
    }

    private static byte[] encrypted(byte[] plaintext, Subscriptions.PushKeys keys) {
        try {
            return new WebPushHybridEncrypt.Builder()
                    .withAuthSecret(Base64.getUrlDecoder().decode(keys.auth()))
                    .withRecipientPublicKey(Base64.getUrlDecoder().decode(keys.p256dh()))
                    .build()
                    .encrypt(plaintext, null);
        } catch (GeneralSecurityException unusable) {
            throw new IllegalArgumentException("the browser's push keys cannot be used", unusable);
        }
    }
}
