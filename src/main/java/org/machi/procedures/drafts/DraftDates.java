package org.machi.procedures.drafts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.forms.values.Wareki;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates and periods of drafts as residents read them, on pages ({@code ${@draftDates...}}) and in
 * mail: the day in the city's time zone, with 和暦 beside the Western date.
 */
@Component("draftDates")
public class DraftDates {

    private final ZoneId zone;
    private final MessageSource messages;
    private final Duration keptFor;
    private final Duration remindBefore;

    DraftDates(CityProfile city, MessageSource messages, ProceduresProperties procedures, DraftsProperties drafts) {
        this.zone = city.timeZone();
        this.messages = messages;
        this.keptFor = procedures.drafts().keptFor();
        this.remindBefore = drafts.remindBefore();
    }

    /** How drafts are kept, as the pages say it: for how long after the last change, and when the reminder comes. */
    public String policy(Locale locale) {
        return messages.getMessage("drafts.keptPolicy", new Object[] {period(keptFor, locale), period(remindBefore, locale)}, locale);
    }

    /** The last day a draft is kept: 2026年12月31日（令和8年12月31日）. */
    public String keptUntil(Instant expiresAt, Locale locale) {
        return Wareki.display(day(expiresAt), SiteLanguage.of(locale));
    }

    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** A period in whole days, hours or minutes: 30日, 24時間. */
    public String period(Duration period, Locale locale) {
        if (period.toHours() >= 48 && period.toHours() % 24 == 0) {
            return messages.getMessage("drafts.period.days", new Object[] {period.toDays()}, locale);
        }
        if (period.toMinutes() % 60 == 0) {
            return messages.getMessage("drafts.period.hours", new Object[] {period.toHours()}, locale);
        }
        return messages.getMessage("drafts.period.minutes", new Object[] {period.toMinutes()}, locale);
    }
}
