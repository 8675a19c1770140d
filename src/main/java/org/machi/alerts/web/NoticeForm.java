package org.machi.alerts.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machi.alerts.domain.Links;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;

/**
 * The notice form as staff fill it in: a category, the place, an optional link, and a title and
 * text per language (Japanese required). Read field by field, so that an error names its field.
 */
public final class NoticeForm {

    public String category = "";
    public boolean wholeCity = true;
    public Set<String> districts = new LinkedHashSet<>();
    public String link = "";
    /** Per language code: title, body. */
    public Map<String, String[]> texts = new LinkedHashMap<>();

    static NoticeForm from(Map<String, String> params, List<String> districts) {
        NoticeForm form = new NoticeForm();
        form.category = params.getOrDefault("category", "");
        form.wholeCity = params.containsKey("wholeCity");
        if (districts != null) {
            form.districts.addAll(districts);
        }
        form.link = params.getOrDefault("link", "").strip();
        for (SiteLanguage language : SiteLanguage.values()) {
            String code = language.code();
            form.texts.put(code, new String[] {AlertForm.normalise(params.getOrDefault("title-" + code, "")),
                    AlertForm.normalise(params.getOrDefault("body-" + code, ""))});
        }
        return form;
    }

    /** What was read, or null with the problems added to the list. */
    Read read(CityProfile city, List<AlertForm.Problem> problems) {
        NoticeCategory chosen = NoticeCategory.of(category).orElse(null);
        if (chosen == null) {
            problems.add(new AlertForm.Problem("category", "alert.form.choiceInvalid"));
        }
        if (!wholeCity && districts.isEmpty()) {
            problems.add(new AlertForm.Problem("districts", "notice.form.placeRequired"));
        } else if (!wholeCity && districts.stream().anyMatch(code -> city.district(code).isEmpty())) {
            problems.add(new AlertForm.Problem("districts", "alert.form.unknownDistrict"));
        }
        if (!link.isEmpty() && !Links.isWebAddress(link)) {
            problems.add(new AlertForm.Problem("link", "notice.rule.linkInvalid"));
        }
        Map<String, NoticeText> written = new LinkedHashMap<>();
        texts.forEach((code, fields) -> {
            boolean title = !fields[0].isBlank();
            boolean body = !fields[1].isBlank();
            if (title && body) {
                if (fields[0].codePointCount(0, fields[0].length()) > NoticeText.TITLE_LIMIT) {
                    problems.add(new AlertForm.Problem("title-" + code, "notice.rule.tooLong"));
                }
                if (fields[1].codePointCount(0, fields[1].length()) > NoticeText.BODY_LIMIT) {
                    problems.add(new AlertForm.Problem("body-" + code, "notice.rule.tooLong"));
                }
                written.put(code, new NoticeText(fields[0], fields[1]));
            } else if (title || body) {
                problems.add(new AlertForm.Problem((title ? "body-" : "title-") + code, "notice.form.textIncomplete",
                        SiteLanguage.fromCode(code).map(SiteLanguage::nativeName).orElse(code)));
            } else if (code.equals(SiteLanguage.JA.code())) {
                problems.add(new AlertForm.Problem("title-ja", "notice.rule.japaneseRequired"));
            }
        });
        if (!problems.isEmpty()) {
            return null;
        }
        return new Read(chosen, written, wholeCity ? Set.of() : districts, link.isEmpty() ? null : link);
    }

    public String[] text(String language) {
        return texts.getOrDefault(language, new String[] {"", ""});
    }

    record Read(NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link) {
    }
}
