package org.machi.alerts.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;

/**
 * What a subscriber chooses, however they subscribe (the form, or a browser's push request): the
 * language, the whole city or some districts, and the notice categories besides emergency alerts.
 */
record Choices(SiteLanguage language, boolean wholeCity, Set<String> districts, Set<NoticeCategory> categories) {

    /** Reads the choices; each problem is added to the list, naming its field. */
    static Choices read(String language, boolean wholeCity, List<String> districts, List<String> categories, CityProfile city,
                        List<AlertForm.Problem> problems) {
        SiteLanguage chosen = SiteLanguage.fromCode(language == null ? "" : language).orElse(null);
        if (chosen == null) {
            problems.add(new AlertForm.Problem("language", "subscribe.language.invalid"));
        }
        Set<String> places = new LinkedHashSet<>(districts == null ? List.of() : districts);
        if (!wholeCity && places.isEmpty()) {
            problems.add(new AlertForm.Problem("districts", "subscribe.districts.required"));
        } else if (places.stream().anyMatch(code -> code == null || city.district(code).isEmpty())) {
            problems.add(new AlertForm.Problem("districts", "alert.form.unknownDistrict"));
        }
        Set<NoticeCategory> topics = EnumSet.noneOf(NoticeCategory.class);
        for (String name : categories == null ? List.<String>of() : categories) {
            NoticeCategory.of(name).ifPresentOrElse(topics::add,
                    () -> problems.add(new AlertForm.Problem("categories", "alert.form.choiceInvalid")));
        }
        return new Choices(chosen, wholeCity, places, topics);
    }

    /** The districts to store: none when the whole city was chosen. */
    Set<String> placeDistricts() {
        return wholeCity ? Set.of() : districts;
    }

    Set<String> categoryNames() {
        return categories.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
