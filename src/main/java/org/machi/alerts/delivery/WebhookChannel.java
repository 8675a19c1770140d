package org.machi.alerts.delivery;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.alerts.subscriptions.UnsubscribeLinks;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.DataProtection;
import org.machi.shared.OutgoingMail.Outcome;
import org.machi.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Alerts to webhooks (Standard Webhooks): a JSON event signed with the endpoint's secret, its
 * {@code webhook-id} being the delivery's idempotency key, so a relay to LINE, SNS or a broadcaster
 * can verify it and drop a repeat. Calls run concurrently, within a per-second limit; redirects
 * are not followed and the address is checked again before each call.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    private final HttpCalls calls;
    private final DeliveryMessages messages;
    private final DataProtection protection;
    private final Clock clock;
    private final UnsubscribeLinks unsubscribe;

    WebhookChannel(DeliveryMessages messages, WebhookAddresses addresses, DataProtection protection, Clock clock,
                   UnsubscribeLinks unsubscribe, RateLimits rates, AlertsProperties properties) {
        this.calls = new HttpCalls(addresses, addresses::formProblem, new RateLimit(rates, "webhook", properties.delivery().webhooksPerSecond()),
                properties.delivery().webhookConcurrency());
        this.messages = messages;
        this.protection = protection;
        this.clock = clock;
        this.unsubscribe = unsubscribe;
    }

    @PreDestroy
    void stop() {
        calls.close();
    }

    @Override
    public Deliveries.Channel channel() {
        return Deliveries.Channel.WEBHOOK;
    }

    @Override
    public List<Result> send(List<Due> batch) {
        return calls.callEach(batch, due -> protection.open(due.addressSealed(), Subscriptions.WEBHOOK_URL_CONTEXT), this::request,
                (due, status) -> status >= 200 && status < 300 ? new Result(due, Outcome.Result.SENT, null)
                        : status == 410 ? new Result(due, Outcome.Result.REFUSED, Deliveries.GONE)
                        : new Result(due, Outcome.Result.RETRY, "HTTP " + status));
    }

    private SimpleHttpRequest request(Due due, String url) {
        String body = payload(due);
        long timestamp = clock.instant().getEpochSecond();
        String id = due.key().text();
        String secret = protection.open(due.secretSealed(), Subscriptions.WEBHOOK_SECRET_CONTEXT);
        return SimpleRequestBuilder.post(URI.create(url))
                .setHeader("webhook-id", id)
                .setHeader("webhook-timestamp", Long.toString(timestamp))
                .setHeader("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .setBody(body.getBytes(StandardCharsets.UTF_8), ContentType.create("application/json"))
                .build();
    }

    /**
     * The event: its type, when it was sent, and the alert or notice in the subscriber's language,
     * whose JSON is written once per item and language, with this subscriber's unsubscribe link
     * added at its end. As JSON, {"type":…,"timestamp":…,"data":{…,"unsubscribe":…}}: the type, an
     * ISO-8601 instant and the link (the base address and a token) need no escaping.
     */
    private String payload(Due due) {
        DeliveryMessages.Rendered rendered = messages.of(due);
        String data = rendered.dataJson();
        return "{\"type\":\"" + rendered.eventType() + "\",\"timestamp\":\"" + clock.instant() + "\",\"data\":"
                + data.substring(0, data.length() - 1) + ",\"unsubscribe\":\"" + unsubscribeLink(due) + "\"}}";
    }

    /** Where the subscriber stops these calls in one click, as a mail's List-Unsubscribe does. */
    private String unsubscribeLink(Due due) {
        return messages.baseUrl() + unsubscribe.path(due.key().subscriptionId());
    }
}
