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
import org.machi.alerts.delivery.WebhookSignature;
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
    static final Duration CONFIRMATION_LIFETIME = Duration.ofHours(24);
    private static final String TOKEN_CONTEXT = "alerts.subscription.confirm";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, DataProtection protection, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.events = events;
        this.clock = clock;
    }

    /** What a resident asks for; checked by the form before it gets here. */
    public record Request(String email, SiteLanguage language, boolean wholeCity, Set<String> districts, boolean byEmail,
                          String webhookUrl) {
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
        for (String district : request.districts()) {
            jdbc.sql("INSERT INTO alerts.subscription_district (subscription_id, district) VALUES (?, ?)").params(id, district).update();
        }
        events.publishEvent(new SubscriptionRequested(id));
        return id;
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
                          boolean byWebhook) {
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
     * Confirms the subscription. For a webhook, returns the signing secret, shown once to the
     * owner and then only kept sealed.
     */
    public Optional<Confirmed> confirm(String token) {
        Optional<Summary> pending = pending(token);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        UUID id = pending.get().id();
        String secret = pending.get().byWebhook() ? WebhookSignature.newSecret() : null;
        jdbc.sql("UPDATE alerts.subscription SET status = 'ACTIVE', confirm_hash = NULL, confirm_sealed = NULL, confirm_expires = NULL, "
                        + "confirmed_at = ?, webhook_secret_sealed = ? WHERE id = ? AND status = 'PENDING'")
                .params(Timestamp.from(clock.instant()), secret == null ? null : protection.seal(secret, WEBHOOK_SECRET_CONTEXT), id)
                .update();
        return Optional.of(new Confirmed(pending.get(), secret));
    }

    public record Confirmed(Summary subscription, String webhookSecret) {
    }

    public Optional<Summary> summary(UUID id) {
        List<String> districts = jdbc.sql("SELECT district FROM alerts.subscription_district WHERE subscription_id = ? ORDER BY district")
                .param(id).query(String.class).list();
        return jdbc.sql("SELECT language, whole_city, by_email, webhook_url_sealed FROM alerts.subscription WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Summary(id, SiteLanguage.fromCode(rs.getString(1)).orElse(SiteLanguage.JA), rs.getBoolean(2),
                        districts, rs.getBoolean(3), rs.getString(4) != null))
                .optional();
    }

    /** Ends a subscription: the row, its address and its deliveries are deleted. */
    public boolean end(UUID id) {
        return jdbc.sql("DELETE FROM alerts.subscription WHERE id = ?").param(id).update() > 0;
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
