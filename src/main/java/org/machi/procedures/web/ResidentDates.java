package org.machi.procedures.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.machi.procedures.forms.values.Wareki;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/** A moment as residents read it on their application pages ({@code ${@residentDates.moment(…)}}): the city's day with 和暦 beside it, and the time. */
@Component("residentDates")
public class ResidentDates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    ResidentDates(CityProfile city) {
        this.zone = city.timeZone();
    }

    /** 2026年12月2日（令和8年12月2日） 10:00 */
    public String moment(Instant instant, Locale locale) {
        ZonedDateTime local = instant.atZone(zone);
        return Wareki.display(local.toLocalDate(), SiteLanguage.of(locale)) + " " + TIME.format(local);
    }
}
