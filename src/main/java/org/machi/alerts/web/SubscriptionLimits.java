package org.machi.alerts.web;

import java.time.Duration;
import java.util.Locale;
import org.machi.alerts.AlertsProperties;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.springframework.stereotype.Component;

/**
 * How often anyone may ask to subscribe: per client address (forms and browsers alike), and per
 * mail address, so that the form cannot be used to flood someone's mailbox with confirmation
 * mails. The mail address is counted per client (a few a day) and overall (more): a stranger's
 * three requests no longer keep the owner of the address from subscribing for a day. The budgets
 * are the shared {@link RateLimits} (one budget across nodes on PostgreSQL, keyed by hashes).
 */
@Component
class SubscriptionLimits {

    private final RateLimits rates;
    private final Limit perClient;
    private final Limit perMail;
    private final Limit perMailAndClient;

    SubscriptionLimits(AlertsProperties properties, RateLimits rates) {
        AlertsProperties.Subscribe subscribe = properties.subscribe();
        this.rates = rates;
        this.perClient = new Limit("alerts.subscribe.per-client", subscribe.requestsPerAddress(), Duration.ofHours(1));
        this.perMailAndClient = new Limit("alerts.subscribe.per-mail-and-client", subscribe.mailsPerAddressAndClient(), Duration.ofDays(1));
        this.perMail = new Limit("alerts.subscribe.per-mail", subscribe.mailsPerAddress(), Duration.ofDays(1));
    }

    /** Whether this client may make one more request now; counts it if so. */
    boolean allowClient(String clientAddress) {
        return rates.tryTake(perClient, clientAddress);
    }

    /** Whether one more confirmation mail may go to this address today, asked from this client; counts it if so. */
    boolean allowMail(String email, String clientAddress) {
        String mail = email.strip().toLowerCase(Locale.ROOT);
        return rates.tryTake(perMailAndClient, mail, clientAddress) && rates.tryTake(perMail, mail);
    }
}
