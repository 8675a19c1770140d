package org.machi.alerts.publishing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The translated text of each alert kind ({@code alert.template.<KIND>.headline|description|instruction}
 * in every language), filled with the districts, the shelters and the time. The operator writes or
 * checks the Japanese; every language the operator leaves empty is produced from here.
 */
@Component
public class AlertTemplates {

    private final MessageSource messages;
    private final CityProfile city;

    AlertTemplates(MessageSource messages, CityProfile city) {
        this.messages = messages;
        this.city = city;
    }

    public AlertText fill(AlertKind kind, SiteLanguage language, Set<String> districts, String shelters, Instant effective) {
        if (!kind.hasTemplate()) {
            return null;
        }
        String shelterList = shelters(shelters, language);
        Object[] args = {place(districts, language), shelterList.isEmpty() ? text("alert.template.noShelters", language) : shelterList,
                time(effective, language)};
        String prefix = "alert.template." + kind.name() + ".";
        return new AlertText(text(prefix + "headline", language, args), text(prefix + "description", language, args),
                text(prefix + "instruction", language, args));
    }

    /**
     * The text of a cancel, in one language: the original's headline marked as lifted, and a sentence
     * naming what was issued (the kind's own words where it has them, else the original's headline).
     */
    public AlertText fillCancel(Alert original, SiteLanguage language, Instant when) {
        AlertText before = original.texts().getOrDefault(language.code(), original.texts().get(SiteLanguage.JA.code()));
        String kindWords = messages.getMessage("alert.template." + original.kind().name() + ".lifted", null, null, language.locale());
        String lifted = kindWords != null ? kindWords : text("alert.template.cancel.lifted", language, before.headline());
        Object[] args = {before.headline(), place(original.districts(), language), time(when, language), lifted};
        return new AlertText(text("alert.template.cancel.headline", language, args),
                text("alert.template.cancel.description", language, args), "");
    }

    /**
     * The written texts, completed: each language left out is filled from the template (for a
     * cancel, from the cancel template). Japanese is never filled in: the operator writes it.
     */
    public Map<String, AlertText> complete(Map<String, AlertText> written, AlertKind kind, Set<String> districts,
                                           String shelters, Instant effective, Alert cancelling) {
        Map<String, AlertText> all = new LinkedHashMap<>(written);
        for (SiteLanguage language : SiteLanguage.values()) {
            if (language == SiteLanguage.JA || all.containsKey(language.code())) {
                continue;
            }
            AlertText filled = cancelling != null ? fillCancel(cancelling, language, effective)
                    : fill(kind, language, districts, shelters, effective);
            if (filled != null) {
                all.put(language.code(), filled);
            }
        }
        return all;
    }

    /**
     * The place as a headline names it: the whole city, up to three districts by name, or the
     * first district and how many there are (so a headline stays short).
     */
    public String place(Set<String> codes, SiteLanguage language) {
        if (codes.size() == city.districts().size()) {
            return text("alert.template.wholeCity", language);
        }
        if (codes.size() <= 3) {
            return districtNames(codes, language);
        }
        String first = districtNames(Set.of(city.districts().stream().map(CityProfile.District::code)
                .filter(codes::contains).findFirst().orElseThrow()), language);
        return text("alert.template.manyDistricts", language, first, codes.size());
    }

    /** Where an alert applies, wherever it is listed: the whole city in words, or every district by name. */
    public String areaName(Set<String> codes, SiteLanguage language) {
        return codes.size() == city.districts().size() ? text("alert.template.wholeCity", language) : districtNames(codes, language);
    }

    public String districtNames(Set<String> codes, SiteLanguage language) {
        return list(city.districts().stream()
                .filter(d -> codes.contains(d.code()))
                .map(d -> language == SiteLanguage.JA_EASY ? d.kana() : d.displayName(language))
                .toList(), language);
    }

    /** The shelters as the operator wrote them (one a line), listed in a sentence; empty when there are none. */
    public String shelters(String written, SiteLanguage language) {
        return written == null ? "" : list(written.lines().map(String::strip).filter(line -> !line.isEmpty()).toList(), language);
    }

    private String list(List<String> items, SiteLanguage language) {
        return String.join(text("alert.template.listSeparator", language), items);
    }

    public String time(Instant instant, SiteLanguage language) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(text("alert.template.timeFormat", language), language.locale())
                .format(instant.atZone(city.timeZone()));
    }

    private String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
