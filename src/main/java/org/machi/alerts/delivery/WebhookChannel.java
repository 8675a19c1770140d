package org.machi.alerts.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.DataProtection;
import org.machi.shared.OutgoingMail.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts to webhooks (Standard Webhooks): a JSON event signed with the endpoint's secret, its
 * {@code webhook-id} being the delivery's idempotency key, so a relay to LINE, SNS or a broadcaster
 * can verify it and drop a repeat. Calls run concurrently, within a per-second limit; redirects
 * are not followed and the address is checked again before each call.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    private final HttpClient http;
    private final AlertMessages messages;
    private final WebhookAddresses addresses;
    private final DataProtection protection;
    private final JsonMapper json;
    private final Clock clock;
    private final RateLimit rate;
    private final Semaphore concurrent;

    WebhookChannel(AlertMessages messages, WebhookAddresses addresses, DataProtection protection, JsonMapper json, Clock clock,
                   @Value("${machi.alerts.delivery.webhooks-per-second:5000}") int perSecond,
                   @Value("${machi.alerts.delivery.webhook-concurrency:64}") int concurrency) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.messages = messages;
        this.addresses = addresses;
        this.protection = protection;
        this.json = json;
        this.clock = clock;
        this.rate = new RateLimit(perSecond);
        this.concurrent = new Semaphore(concurrency);
    }

    @Override
    public Deliveries.Channel channel() {
        return Deliveries.Channel.WEBHOOK;
    }

    @Override
    public List<Result> send(List<Due> batch) {
        rate.take(batch.size());
        Map<String, Optional<String>> checked = new LinkedHashMap<>();
        List<CompletableFuture<Result>> calls = new ArrayList<>();
        for (Due due : batch) {
            String url = protection.open(due.webhookUrlSealed(), Subscriptions.WEBHOOK_URL_CONTEXT);
            Optional<String> problem = checked.computeIfAbsent(url, addresses::problem);
            if (problem.isPresent()) {
                calls.add(CompletableFuture.completedFuture(new Result(due, Outcome.Result.REFUSED, "address not allowed")));
            } else {
                calls.add(call(due, url));
            }
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Result> call(Due due, String url) {
        HttpRequest request;
        try {
            String body = payload(due);
            long timestamp = clock.instant().getEpochSecond();
            String id = due.key().text();
            String secret = protection.open(due.webhookSecretSealed(), Subscriptions.WEBHOOK_SECRET_CONTEXT);
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (RuntimeException unusable) {
            return CompletableFuture.completedFuture(new Result(due, Outcome.Result.REFUSED, unusable.getClass().getSimpleName()));
        }
        concurrent.acquireUninterruptibly();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    concurrent.release();
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return new Result(due, Outcome.Result.RETRY, cause.getClass().getSimpleName());
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return new Result(due, Outcome.Result.SENT, null);
                    }
                    return new Result(due, status == 410 ? Outcome.Result.REFUSED : Outcome.Result.RETRY, "HTTP " + status);
                });
    }

    /** The event: its type, when it was sent, and the alert in the subscriber's language. */
    private String payload(Due due) {
        AlertMessages.Rendered rendered = messages.of(due.key().alertId(), due.language());
        Alert alert = rendered.alert();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", alert.id().toString());
        data.put("capIdentifier", alert.capIdentifier());
        data.put("msgType", capName(alert.type().name()));
        data.put("status", alert.exercise() ? "Exercise" : "Actual");
        data.put("kind", alert.kind().name());
        data.put("label", rendered.label());
        data.put("language", rendered.reading().language().htmlLang());
        data.put("languageFallback", rendered.reading().fallback());
        data.put("headline", rendered.reading().text().headline());
        data.put("description", rendered.reading().text().description());
        data.put("instruction", rendered.reading().text().instruction());
        data.put("districts", alert.districts().stream().sorted().toList());
        data.put("effective", alert.content().effective().toString());
        data.put("expires", alert.content().expires() == null ? null : alert.content().expires().toString());
        data.put("references", alert.refersTo() == null ? null : "machi-" + alert.refersTo());
        data.put("url", rendered.url());
        data.put("cap", rendered.url() + "/cap.xml");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", switch (alert.type()) {
            case ALERT -> "alert.published";
            case UPDATE -> "alert.updated";
            case CANCEL -> "alert.cancelled";
        });
        event.put("timestamp", clock.instant().toString());
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    private static String capName(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
