package org.machi.alerts.subscriptions;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.delivery.Deliveries;
import org.machi.alerts.delivery.WebhookSignature;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.shared.DataProtection;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' subscriptions to alerts: asked for, confirmed from a link in the mail (double opt-in),
 * ended in one click. Nothing is sent to an address before its owner confirmed it.
 */
@Service
@Transactional
public class Subscriptions {

    public static final String EMAIL_CONTEXT = "alerts.subscription.email";
    public static final String WEBHOOK_URL_CONTEXT = "alerts.subscription.webhook-url";
    public static final String WEBHOOK_SECRET_CONTEXT = "alerts.subscription.webhook-secret";
    public static final String PUSH_ENDPOINT_CONTEXT = "alerts.subscription.push-endpoint";
    public static final String PUSH_KEYS_CONTEXT = "alerts.subscription.push-keys";
    static final Duration CONFIRMATION_LIFETIME = Duration.ofHours(24);
    private static final String TOKEN_CONTEXT = "alerts.subscription.confirm";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final ApplicationEventPublisher events;
    private final Deliveries deliveries;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, DataProtection protection, ApplicationEventPublisher events, Deliveries deliveries, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.protection = protection;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a resident asks for; checked by the form before it gets here.
     *
     * @param categories the notice categories wanted besides emergency alerts (which always come)
     */
    public record Request(String email, SiteLanguage language, boolean wholeCity, Set<String> districts, boolean byEmail,
                          String webhookUrl, Set<NoticeCategory> categories) {
    }

    /** Stores the request unconfirmed and has the confirmation mail sent (after commit). */
    public UUID request(Request request) {
        UUID id = UUID.randomUUID();
        String token = randomToken();
        Instant now = clock.instant();
        String email = request.email().strip();
        jdbc.sql("INSERT INTO alerts.subscription (id, email_hash, email_sealed, language, whole_city, by_email, webhook_url_sealed, "
                        + "webhook_secret_sealed, status, hard_bounces, confirm_hash, confirm_sealed, confirm_expires, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'PENDING', 0, ?, ?, ?, ?)")
                .params(id, protection.lookupHash(email.toLowerCase(Locale.ROOT)), protection.seal(email, EMAIL_CONTEXT),
                        request.language().code(), request.wholeCity(), request.byEmail(),
                        request.webhookUrl() == null ? null : protection.seal(request.webhookUrl().strip(), WEBHOOK_URL_CONTEXT),
                        protection.lookupHash(token), protection.seal(token, TOKEN_CONTEXT + ":" + id),
                        Timestamp.from(now.plus(CONFIRMATION_LIFETIME)), Timestamp.from(now))
                .update();
        insertChoices(id, request.districts(), request.categories());
        events.publishEvent(new SubscriptionRequested(id));
        return id;
    }

    private void insertChoices(UUID id, Set<String> districts, Set<NoticeCategory> categories) {
        for (String district : districts) {
            jdbc.sql("INSERT INTO alerts.subscription_district (subscription_id, district) VALUES (?, ?)").params(id, district).update();
        }
        for (NoticeCategory category : categories) {
            jdbc.sql("INSERT INTO alerts.subscription_category (subscription_id, category) VALUES (?, ?)")
                    .params(id, category.name()).update();
        }
    }

    /**
     * A browser's push subscription (endpoint and keys) as its Push API gave it; checked by the
     * controller before it gets here.
     */
    public record BrowserRequest(String endpoint, PushKeys keys, SiteLanguage language, boolean wholeCity, Set<String> districts,
                                 Set<NoticeCategory> categories) {
    }

    /**
     * The browser's encryption keys (RFC 8291): its P-256 public key (65 bytes) and the 16-byte
     * authentication secret, both base64url as the Push API gives them.
     */
    public record PushKeys(String p256dh, String auth) {

        /** Whether both keys have the form RFC 8291 requires. */
        public boolean wellFormed() {
            byte[] key = decoded(p256dh);
            byte[] secret = decoded(auth);
            return key != null && key.length == 65 && key[0] == 4 && secret != null && secret.length == 16;
        }

        String joined() {
            return p256dh + "." + auth;
        }

        public static PushKeys parse(String joined) {
            int dot = joined.indexOf('.');
            return new PushKeys(joined.substring(0, dot), joined.substring(dot + 1));
        }

        private static byte[] decoded(String text) {
            if (text == null || text.length() > 200) {
                return null;
            }
            try {
                return Base64.getUrlDecoder().decode(text.replace("=", ""));
            } catch (IllegalArgumentException notBase64Url) {
                return null;
            }
        }
    }

    /**
     * Starts push notifications to a browser at once: allowing notifications in the browser is its
     * owner's consent, so there is no mail to confirm. A browser that subscribes again replaces its
     * earlier choices.
     */
    public UUID subscribeBrowser(BrowserRequest request) {
        endBrowser(request.endpoint());
        UUID id = UUID.randomUUID();
        String endpoint = request.endpoint().strip();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO alerts.subscription (id, language, whole_city, by_email, status, hard_bounces, push_endpoint_hash, "
                        + "push_endpoint_sealed, push_keys_sealed, created_at, confirmed_at) VALUES (?, ?, ?, FALSE, 'ACTIVE', 0, ?, ?, ?, ?, ?)")
                .params(id, request.language().code(), request.wholeCity(), protection.lookupHash(endpoint),
                        protection.seal(endpoint, PUSH_ENDPOINT_CONTEXT), protection.seal(request.keys().joined(), PUSH_KEYS_CONTEXT),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        insertChoices(id, request.wholeCity() ? Set.of() : request.districts(), request.categories());
        return id;
    }

    /** Stops push notifications to the browser with this endpoint; true if it had subscribed. */
    public boolean endBrowser(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return false;
        }
        return deliveries.endSubscriptions("push_endpoint_hash = ? AND email_sealed IS NULL",
                protection.lookupHash(endpoint.strip())) > 0;
    }

    /** What the confirmation mail needs: the address, the language and the link's token. */
    public record Confirmation(String email, SiteLanguage language, String token) {
    }

    Optional<Confirmation> forConfirmationMail(UUID id) {
        return jdbc.sql("SELECT email_sealed, language, confirm_sealed FROM alerts.subscription WHERE id = ? AND status = 'PENDING'")
                .param(id)
                .query((rs, n) -> new Confirmation(protection.open(rs.getString(1), EMAIL_CONTEXT),
                        SiteLanguage.fromCode(rs.getString(2)).orElse(SiteLanguage.JA),
                        protection.open(rs.getString(3), TOKEN_CONTEXT + ":" + id)))
                .optional();
    }

    /** A subscription as its owner sees it before confirming or leaving. */
    public record Summary(UUID id, SiteLanguage language, boolean wholeCity, List<String> districts, boolean byEmail,
                          boolean byWebhook, List<NoticeCategory> categories) {
    }

    /** The unconfirmed subscription a (current) confirmation token belongs to. */
    public Optional<Summary> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM alerts.subscription WHERE confirm_hash = ? AND status = 'PENDING' AND confirm_expires > ?")
                .params(protection.lookupHash(token), Timestamp.from(clock.instant()))
                .query(UUID.class).optional()
                .flatMap(this::summary);
    }

    /**
     * Confirms the subscription. It replaces any earlier one of the same address, so that a
     * resident changes their choices by subscribing again and never gets an alert twice. For a
     * webhook, returns the signing secret, shown once to the owner and then only kept sealed.
     */
    public Optional<Confirmed> confirm(String token) {
        Optional<Summary> pending = pending(token);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        UUID id = pending.get().id();
        String secret = pending.get().byWebhook() ? WebhookSignature.newSecret() : null;
        int confirmed = jdbc.sql("UPDATE alerts.subscription SET status = 'ACTIVE', confirm_hash = NULL, confirm_sealed = NULL, "
                        + "confirm_expires = NULL, confirmed_at = ?, webhook_secret_sealed = ? WHERE id = ? AND status = 'PENDING'")
                .params(Timestamp.from(clock.instant()), secret == null ? null : protection.seal(secret, WEBHOOK_SECRET_CONTEXT), id)
                .update();
        if (confirmed == 0) {
            return Optional.empty();
        }
        int replaced = deliveries.endSubscriptions("email_hash = (SELECT email_hash FROM alerts.subscription "
                + "WHERE id = ?) AND id <> ? AND status IN ('ACTIVE', 'DISABLED')", id, id);
        return Optional.of(new Confirmed(pending.get(), secret, replaced > 0));
    }

    /**
     * @param replacedEarlier whether an earlier subscription of the same address was replaced
     */
    public record Confirmed(Summary subscription, String webhookSecret, boolean replacedEarlier) {
    }

    public Optional<Summary> summary(UUID id) {
        List<String> districts = jdbc.sql("SELECT district FROM alerts.subscription_district WHERE subscription_id = ? ORDER BY district")
                .param(id).query(String.class).list();
        List<NoticeCategory> categories = jdbc.sql("SELECT category FROM alerts.subscription_category WHERE subscription_id = ?")
                .param(id).query(String.class).list().stream().map(NoticeCategory::valueOf).sorted().toList();
        return jdbc.sql("SELECT language, whole_city, by_email, webhook_url_sealed FROM alerts.subscription WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Summary(id, SiteLanguage.fromCode(rs.getString(1)).orElse(SiteLanguage.JA), rs.getBoolean(2),
                        districts, rs.getBoolean(3), rs.getString(4) != null, categories))
                .optional();
    }

    /**
     * Ends a subscription: the row and its address are deleted; the record of what it was sent
     * stays, and nothing more is sent to it.
     */
    public boolean end(UUID id) {
        return deliveries.endSubscriptions("id = ?", id) > 0;
    }

    /** Unconfirmed requests whose link has expired are forgotten. */
    public int forgetExpiredRequests() {
        return jdbc.sql("DELETE FROM alerts.subscription WHERE status = 'PENDING' AND confirm_expires <= ?")
                .param(Timestamp.from(clock.instant())).update();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
