package org.machi.alerts.delivery;

import java.util.List;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The subject of an alert's or a notice's mail: the city, then what happened, each said once. A
 * headline that already carries a drill, update or lift marker (an operator's text, a cancel's
 * template) loses it and gets it back in one place; a headline that does not name the kind gets it.
 */
@Component
class MailSubjects {

    private static final String EXERCISE = "alert.exerciseLabel";
    private static final String UPDATE = "alert.mail.updateLabel";
    private static final String CANCEL = "alert.template.cancel.headline";

    private final MessageSource messages;
    private final CityProfile city;

    MailSubjects(MessageSource messages, CityProfile city) {
        this.messages = messages;
        this.city = city;
    }

    String alert(Alert alert, String kind, String headline, SiteLanguage language) {
        String core = withoutMarkers(headline, language);
        if (!core.contains(kind)) {
            core = text("alert.mail.kindAndHeadline", language, kind, core);
        }
        if (alert.type() == CapMessage.MsgType.UPDATE) {
            core = text(UPDATE, language, core);
        } else if (alert.type() == CapMessage.MsgType.CANCEL) {
            core = text(CANCEL, language, core);
        }
        if (alert.exercise()) {
            core = text(EXERCISE, language, core);
        }
        return subject(core, language);
    }

    String notice(String category, String title, SiteLanguage language) {
        return subject(text("alert.mail.kindAndHeadline", language, category, title), language);
    }

    private String subject(String what, SiteLanguage language) {
        return text("alert.mail.subject", language, city.name(language), what);
    }

    /** The headline without the markers at its start, however many and in whatever order. */
    private String withoutMarkers(String headline, SiteLanguage language) {
        List<String> markers = List.of(marker(EXERCISE, language), marker(UPDATE, language), marker(CANCEL, language));
        String rest = headline.strip();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String marker : markers) {
                if (!marker.isEmpty() && rest.startsWith(marker)) {
                    rest = rest.substring(marker.length()).strip();
                    stripped = true;
                }
            }
        }
        return rest;
    }

    /** What a label pattern such as 【訓練】{0} puts before the text. */
    private String marker(String key, SiteLanguage language) {
        String pattern = messages.getMessage(key, null, language.locale());
        int at = pattern.indexOf("{0}");
        return at < 0 ? "" : pattern.substring(0, at).strip();
    }

    private String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
