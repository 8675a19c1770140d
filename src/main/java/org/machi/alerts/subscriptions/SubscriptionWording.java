package org.machi.alerts.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A subscription's choices in words, as its owner reads them on the pages and in the confirmation mail. */
@Component
public class SubscriptionWording {

    private final MessageSource messages;
    private final AlertTemplates templates;

    SubscriptionWording(MessageSource messages, AlertTemplates templates) {
        this.messages = messages;
        this.templates = templates;
    }

    /** The districts a subscription covers. */
    public String where(Subscriptions.Summary subscription, SiteLanguage language) {
        return subscription.wholeCity() ? text("subscribe.wholeCity", language)
                : templates.districtNames(Set.copyOf(subscription.districts()), language);
    }

    /** Every choice, one per line: districts, notice categories, channels, language. */
    String choices(Subscriptions.Summary subscription, SiteLanguage language) {
        String separator = text("alert.template.listSeparator", language);
        String categories = subscription.categories().isEmpty() ? text("subscribe.categories.none", language)
                : String.join(separator, subscription.categories().stream().map(NoticeCategory::messageKey).map(k -> text(k, language)).toList());
        List<String> channels = new ArrayList<>();
        if (subscription.byEmail()) {
            channels.add(text("staffAlerts.channel.EMAIL", language));
        }
        if (subscription.byWebhook()) {
            channels.add(text("staffAlerts.channel.WEBHOOK", language));
        }
        return String.join("\n",
                choice("subscribe.districts", where(subscription, language), language),
                choice("subscribe.categories", categories, language),
                choice("subscribe.channels", String.join(separator, channels), language),
                choice("subscribe.language", subscription.language().nativeName(), language));
    }

    private String choice(String label, String value, SiteLanguage language) {
        return text("subscribe.mail.choice", language, text(label, language), value);
    }

    private String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
