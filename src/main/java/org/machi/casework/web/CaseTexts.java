package org.machi.casework.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.machi.identity.StaffDirectory;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/**
 * What the casework pages print beside codes: procedure titles, department and staff names, and
 * moments in the city's time ({@code ${@caseTexts.moment(…)}} in templates).
 */
@Component("caseTexts")
class CaseTexts {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Procedures procedures;
    private final CityProfile city;
    private final StaffDirectory staff;

    CaseTexts(Procedures procedures, CityProfile city, StaffDirectory staff) {
        this.procedures = procedures;
        this.city = city;
        this.staff = staff;
    }

    /** A moment as the city's clock shows it, e.g. {@code 2026-04-01 10:30}; empty for none. */
    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone()));
    }

    /** The same as a machine-readable {@code datetime} attribute. */
    public String isoMoment(Instant instant) {
        return instant == null ? null : instant.atZone(zone()).toOffsetDateTime().toString();
    }

    ZoneId zone() {
        return city.timeZone();
    }

    String procedureTitle(String slug, SiteLanguage language) {
        return procedures.find(slug, language).map(ProcedureView::title).orElse(slug);
    }

    Map<String, String> procedureTitles(Collection<String> slugs, SiteLanguage language) {
        Map<String, String> titles = new HashMap<>();
        slugs.stream().filter(Objects::nonNull).distinct().forEach(slug -> titles.put(slug, procedureTitle(slug, language)));
        return titles;
    }

    /** The procedures of a department, for the queue's filter. */
    List<ProcedureView> proceduresOf(String department, Locale locale) {
        return procedures.all(SiteLanguage.of(locale)).stream()
                .filter(p -> p.department() != null && department.equals(p.department().code())).toList();
    }

    String departmentName(String code, SiteLanguage language) {
        return code == null ? "" : city.department(code).map(d -> d.name(language)).orElse(code);
    }

    /** Staff names with their department for account references; a reference of no staff member stays out. */
    Map<String, String> staffNames(Collection<String> references) {
        List<String> known = references.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList());
        return known.isEmpty() ? Map.of() : staff.namesOf(known);
    }
}
