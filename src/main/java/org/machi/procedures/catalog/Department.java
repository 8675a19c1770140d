package org.machi.procedures.catalog;

import java.util.EnumMap;
import java.util.Map;
import org.machi.procedures.DepartmentView;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;

/**
 * A department that handles procedures, as the city profile describes it, with its texts in every
 * language the profile gives them in.
 */
public record Department(String code, String phone, Map<SiteLanguage, DepartmentText> texts) {

    static Department of(CityProfile.Department department) {
        Map<SiteLanguage, DepartmentText> texts = new EnumMap<>(SiteLanguage.class);
        department.texts().forEach((code, text) -> SiteLanguage.fromCode(code)
                .ifPresent(language -> texts.put(language, new DepartmentText(text.name(), text.counter()))));
        return new Department(department.code(), department.phone(), Map.copyOf(texts));
    }

    /** In the reader's language; as the city profile falls back: easy Japanese to Japanese, the others to English, then Japanese. */
    public DepartmentView view(SiteLanguage language) {
        DepartmentText text = texts.get(language);
        if (text == null && language != SiteLanguage.JA_EASY) {
            text = texts.get(SiteLanguage.EN);
        }
        if (text == null) {
            text = texts.get(SiteLanguage.REFERENCE);
        }
        return new DepartmentView(code, text.name(), text.counter(), phone);
    }
}
