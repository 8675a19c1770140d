package org.machi.procedures.catalog;

import java.util.Map;
import org.machi.procedures.DepartmentView;
import org.machi.shared.SiteLanguage;

/** A department of the catalog with its texts in every language it has. */
public record Department(String code, String phone, Map<SiteLanguage, DepartmentText> texts) {

    public DepartmentView view(SiteLanguage language) {
        DepartmentText text = texts.getOrDefault(language, texts.get(SiteLanguage.REFERENCE));
        return new DepartmentView(code, text.name(), text.counter(), phone);
    }
}
