package org.machi.alerts.subscriptions;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.UUID;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmation mail of a subscription in the background, after the request is committed
 * (the event registry keeps the event until the mail has gone), and forgets unconfirmed requests
 * once their link has expired.
 */
@Component
class ConfirmationMailer {

    private final Subscriptions subscriptions;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final SubscriptionWording wording;
    private final UnsubscribeLinks unsubscribe;
    private final String baseUrl;

    ConfirmationMailer(Subscriptions subscriptions, OutgoingMail mail, MessageSource messages, CityProfile city,
                       SubscriptionWording wording, UnsubscribeLinks unsubscribe, SharedProperties shared) {
        this.subscriptions = subscriptions;
        this.wording = wording;
        this.unsubscribe = unsubscribe;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    @ApplicationModuleListener
    void on(SubscriptionRequested event) {
        UUID id = event.subscriptionId();
        subscriptions.forConfirmationMail(id).ifPresent(confirmation -> subscriptions.summary(id).ifPresent(summary -> {
            var language = confirmation.language();
            String cityName = city.name(language);
            String subject = messages.getMessage("subscribe.mail.subject", new Object[] {cityName}, language.locale());
            String text = messages.getMessage("subscribe.mail.text", new Object[] {cityName,
                    baseUrl + "/alerts/subscribe/confirm?token=" + confirmation.token(),
                    Subscriptions.CONFIRMATION_LIFETIME.toHours(), wording.choices(summary, language),
                    baseUrl + unsubscribe.path(id)}, language.locale());
            mail.send(new OutgoingMail.Mail(confirmation.email(), subject, text));
        }));
    }

    @Bean
    Task<Void> forgetExpiredSubscriptionRequests() {
        return Tasks.recurring("alerts-forget-expired-subscription-requests", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> subscriptions.forgetExpiredRequests());
    }
}
