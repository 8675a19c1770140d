package org.machi.alerts.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertChanges;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.ArchiveFilter;
import org.machi.alerts.publishing.InForceAlerts;
import org.machi.alerts.publishing.PublishedAlerts;
import org.machi.alerts.publishing.Reading;
import org.machi.shared.CityProfile;
import org.machi.shared.SharedPage;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public alert pages: what is in force, the archive with search and filters, and each alert. */
@Controller
class PublicAlertsController {

    private final AlertStore store;
    private final PublishedAlerts published;
    private final InForceAlerts inForce;
    private final AlertTemplates templates;
    private final CityProfile city;
    private final Clock clock;

    PublicAlertsController(AlertStore store, PublishedAlerts published, InForceAlerts inForce, AlertTemplates templates,
                           CityProfile city, Clock clock) {
        this.published = published;
        this.clock = clock;
        this.store = store;
        this.inForce = inForce;
        this.templates = templates;
        this.city = city;
    }

    @SharedPage
    @GetMapping("/alerts")
    String archive(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String district, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") String page,
                   Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<String> problems = new ArrayList<>();
        ListQuery query = ListQuery.read(q, district, page, city, problems);
        AlertKind chosenKind = known(kind);
        LocalDate fromDate = date(from, problems);
        LocalDate toDate = date(to, problems);
        ArchiveFilter filter = new ArchiveFilter(query.words(), chosenKind, query.district(),
                fromDate == null ? null : fromDate.atStartOfDay(city.timeZone()).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(city.timeZone()).toInstant());
        int total = store.countPublished(filter);
        model.addAttribute("inForce", entries(inForce.now(), language));
        model.addAttribute("results", entries(store.published(filter, query.offset(), ListQuery.PAGE_SIZE), language));
        model.addAttribute("total", total);
        model.addAttribute("page", query.page());
        model.addAttribute("pages", ListQuery.pages(total));
        model.addAttribute("q", query.words());
        model.addAttribute("kind", chosenKind == null ? "" : chosenKind.name());
        model.addAttribute("district", query.district() == null ? "" : query.district());
        model.addAttribute("from", fromDate == null ? "" : fromDate.toString());
        model.addAttribute("to", toDate == null ? "" : toDate.toString());
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("districts", city.districts());
        model.addAttribute("problems", problems);
        return "alerts/archive";
    }

    @SharedPage
    @GetMapping("/alerts/{id}")
    String alert(@PathVariable String id, Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        Alert alert = published(id, published);
        List<Alert> history = published.history(alert);
        Alert latest = history.isEmpty() ? alert : history.get(history.size() - 1);
        model.addAttribute("entry", AlertEntry.of(alert, language, templates));
        model.addAttribute("history", entries(history, language));
        model.addAttribute("inForce", alert.inForce(clock.instant()));
        model.addAttribute("current", latest.id().equals(alert.id()) ? null : CurrentState.of(alert, latest, language, templates));
        model.addAttribute("liftedAt", latest.type() == CapMessage.MsgType.CANCEL ? templates.time(latest.publishedAt(), language) : null);
        return "alerts/alert";
    }

    private List<AlertEntry> entries(List<Alert> alerts, SiteLanguage language) {
        return alerts.stream().map(a -> AlertEntry.of(a, language, templates)).toList();
    }

    /** A published alert by its id; drafts and unknown ids are not found. */
    static Alert published(String id, PublishedAlerts published) {
        try {
            return published.find(UUID.fromString(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static AlertKind known(String name) {
        for (AlertKind kind : AlertKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private static LocalDate date(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (!text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not a date as a date field sends it", text, 0);
            }
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            if (!problems.contains("alerts.search.dateInvalid")) {
                problems.add("alerts.search.dateInvalid");
            }
            return null;
        }
    }

    /**
     * Where things stand, for the page of an alert that a later version replaced: lifted (when),
     * or updated (when, and what changed since this version), with the latest version to read.
     *
     * @param added   the districts the latest version added, by name, or null
     * @param removed the districts it took out, or null
     * @param shelters the shelters it names, if they changed, or null
     * @param expires the end it gives ("" until lifted), if the end changed, or null
     */
    record CurrentState(AlertEntry latest, boolean lifted, String when, String added, String removed, String shelters,
                        String expires) {

        static CurrentState of(Alert alert, Alert latest, SiteLanguage language, AlertTemplates templates) {
            AlertEntry entry = AlertEntry.of(latest, language, templates);
            if (latest.type() == CapMessage.MsgType.CANCEL) {
                return new CurrentState(entry, true, entry.published(), null, null, null, null);
            }
            AlertChanges changes = AlertChanges.between(alert.content(), latest.content());
            return new CurrentState(entry, false, entry.published(), names(changes.districtsAdded(), language, templates),
                    names(changes.districtsRemoved(), language, templates),
                    changes.sheltersChanged() && !latest.content().shelters().isEmpty() ? latest.content().shelters() : null,
                    changes.expiresChanged() ? entry.expires() : null);
        }

        private static String names(Set<String> districts, SiteLanguage language, AlertTemplates templates) {
            return districts.isEmpty() ? null : templates.districtNames(districts, language);
        }
    }

    /** One alert as a reader of one language sees it in a list or on its page. */
    record AlertEntry(Alert alert, Reading reading, String districtNames, String shelters, String effective, String expires,
                      String published, String textLang) {

        static AlertEntry of(Alert alert, SiteLanguage language, AlertTemplates templates) {
            Reading reading = Reading.of(alert, language);
            return new AlertEntry(alert, reading, templates.areaName(alert.districts(), language),
                    templates.shelters(alert.content().shelters(), language),
                    templates.time(alert.content().effective(), language), templates.time(alert.content().expires(), language),
                    templates.time(alert.publishedAt(), language), reading.langAttribute(language));
        }
    }
}
