package org.machi.alerts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.machi.alerts.domain.AlertKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The alerts module's settings ({@code machi.alerts.*}), checked at start: a bad one stops the
 * application with the setting named.
 *
 * @param preApprovedKinds kinds an operator may publish alone at the highest urgency, if the text
 *                         is the template's word for word (the four-eyes exception); none by default
 * @param renewalWarning   how long before its CAP review horizon (or its end) an alert in force is
 *                         pointed out to staff, so that an order is renewed before receivers drop it
 */
@ConfigurationProperties("machi.alerts")
@Validated
public record AlertsProperties(@NotNull @DefaultValue List<AlertKind> preApprovedKinds, @Valid @DefaultValue Delivery delivery,
                               @Valid @DefaultValue Subscribe subscribe, @Valid @DefaultValue Push push,
                               @Valid @DefaultValue Webhooks webhooks,
                               @NotNull @DurationMin(minutes = 5) @DurationMax(hours = 24) @DefaultValue("3h") Duration renewalWarning) {

    /**
     * @param enabled            false on a node that must not deliver (another node does)
     * @param batchSize          deliveries a worker claims at a time
     * @param lease              how long a claim holds before another worker may take it over
     * @param workers            workers delivering in parallel; 0: one per processor
     * @param checkEvery         how often the scheduler looks for due deliveries besides right after a publication
     * @param mailPerSecond      what the city's mail relay accepts
     * @param webhooksPerSecond  what the webhook receivers accept, all together
     * @param webhookConcurrency webhook calls at a time
     * @param pushesPerSecond    what the push services accept, all together
     * @param pushConcurrency    push calls at a time
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @Positive @DefaultValue("200") int batchSize,
            @NotNull @DurationMin(millis = 100) @DefaultValue("2m") Duration lease,
            @PositiveOrZero @DefaultValue("0") int workers,
            @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration checkEvery,
            @Positive @DefaultValue("5000") int mailPerSecond,
            @Positive @DefaultValue("5000") int webhooksPerSecond,
            @Positive @DefaultValue("64") int webhookConcurrency,
            @Positive @DefaultValue("5000") int pushesPerSecond,
            @Positive @DefaultValue("64") int pushConcurrency) {
    }

    /**
     * How often anyone may ask to subscribe (the confirmation mails cannot flood a mailbox).
     *
     * @param requestsPerAddress       requests per client address an hour
     * @param mailsPerAddressAndClient confirmation mails to one mail address asked from one client, a day
     * @param mailsPerAddress          confirmation mails to one mail address from anywhere, a day
     */
    public record Subscribe(@Positive @DefaultValue("20") int requestsPerAddress,
                            @Positive @DefaultValue("3") int mailsPerAddressAndClient,
                            @Positive @DefaultValue("10") int mailsPerAddress) {
    }

    /**
     * Browser push subscriptions.
     *
     * @param allowedHosts           the push services' hosts an endpoint may be on ({@code *.example.com}: any name under
     *                               example.com); written comma-separated in configuration
     * @param subscriptionsPerClient subscriptions one client address may make per window (they are active at once)
     * @param subscriptionsWindow    what those are counted over
     */
    public record Push(@NotEmpty @DefaultValue({"fcm.googleapis.com", "updates.push.services.mozilla.com", "*.notify.windows.com",
                               "web.push.apple.com", "*.push.apple.com"}) List<@NotBlank String> allowedHosts,
                       @Positive @DefaultValue("20") int subscriptionsPerClient,
                       @NotNull @DurationMin(minutes = 1) @DefaultValue("1d") Duration subscriptionsWindow) {
    }

    /** @param allowHttpLocalhost plain http to this machine, for developing a receiver; never in production */
    public record Webhooks(@DefaultValue("false") boolean allowHttpLocalhost) {
    }
}
