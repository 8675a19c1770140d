package org.machi.procedures.editor;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.machi.procedures.forms.Text;
import org.machi.shared.SiteLanguage;

/** A text being edited: what the staff member typed per language code, blanks included. */
public final class DraftText {

    private final Map<String, String> values = new LinkedHashMap<>();

    static DraftText of(Text text) {
        DraftText draft = new DraftText();
        if (text != null) {
            text.values().forEach((language, value) -> draft.values.put(language.code(), value));
        }
        return draft;
    }

    public String value(String code) {
        return values.getOrDefault(code, "");
    }

    void put(String code, String value) {
        values.put(code, value == null ? "" : value.strip());
    }

    public boolean blank() {
        return values.values().stream().allMatch(String::isBlank);
    }

    public boolean missing(SiteLanguage language) {
        return value(language.code()).isBlank();
    }

    /** The text as the form keeps it; null for an optional text left empty in every language. */
    Text toText(boolean optional) {
        if (optional && blank()) {
            return null;
        }
        Map<SiteLanguage, String> text = new EnumMap<>(SiteLanguage.class);
        for (SiteLanguage language : SiteLanguage.values()) {
            text.put(language, value(language.code()));
        }
        return new Text(text);
    }
}
