package org.machi.alerts.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.alerts.subscriptions.UnsubscribeLinks;
import org.machi.shared.DataProtection;
import org.machi.shared.OutgoingMail;
import org.machi.shared.RateLimits;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/**
 * Alerts by mail: a batch goes over one SMTP connection, each message in its reader's language,
 * with a one-click unsubscribe (RFC 8058) and a Message-ID made from the delivery's key. A rate
 * limit keeps the city's mail relay from being flooded.
 */
@Component
class MailChannel implements DeliveryChannel {

    private final OutgoingMail mail;
    private final DeliveryMessages messages;
    private final UnsubscribeLinks unsubscribe;
    private final DataProtection protection;
    private final RateLimit rate;
    private final String messageIdDomain;

    MailChannel(OutgoingMail mail, DeliveryMessages messages, UnsubscribeLinks unsubscribe, DataProtection protection,
                RateLimits rates, AlertsProperties properties) {
        this.mail = mail;
        this.messages = messages;
        this.unsubscribe = unsubscribe;
        this.protection = protection;
        this.rate = new RateLimit(rates, "mail", properties.delivery().mailPerSecond());
        this.messageIdDomain = URI.create(messages.baseUrl()).getHost();
    }

    @Override
    public Deliveries.Channel channel() {
        return Deliveries.Channel.EMAIL;
    }

    @Override
    public List<Result> send(List<Due> batch) {
        rate.take(batch.size());
        List<OutgoingMail.Mail> mails = new ArrayList<>();
        for (Due due : batch) {
            mails.add(message(due));
        }
        List<OutgoingMail.Outcome> outcomes = mail.sendAll(mails);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            results.add(new Result(batch.get(i), outcomes.get(i).result(), outcomes.get(i).reason()));
        }
        return results;
    }

    private OutgoingMail.Mail message(Due due) {
        DeliveryMessages.Rendered rendered = messages.of(due);
        SiteLanguage language = SiteLanguage.fromCode(due.language()).orElse(SiteLanguage.JA);
        String leave = messages.baseUrl() + unsubscribe.path(due.key().subscriptionId());
        String text = rendered.mailText() + "\n-- \n" + messages.text(rendered.footerKey(), language, leave) + "\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + leave + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("Content-Language", rendered.lang());
        return new OutgoingMail.Mail(protection.open(due.addressSealed(), Subscriptions.EMAIL_CONTEXT), rendered.subject(), text,
                headers, "<" + due.key().text() + "@" + messageIdDomain + ">");
    }
}
