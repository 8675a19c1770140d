package org.machi.procedures.forms;

import java.util.EnumMap;
import java.util.Map;
import org.machi.shared.SiteLanguage;

/** A text of a form in the nine languages; {@link #in} falls back to the Japanese reference where one is missing. */
public record Text(Map<SiteLanguage, String> values) {

    public Text {
        EnumMap<SiteLanguage, String> copy = new EnumMap<>(SiteLanguage.class);
        values.forEach((language, value) -> {
            if (value != null) {
                copy.put(language, value);
            }
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The same text in every language: for tests and the editor's first draft. */
    public static Text of(String everywhere) {
        EnumMap<SiteLanguage, String> all = new EnumMap<>(SiteLanguage.class);
        for (SiteLanguage language : SiteLanguage.values()) {
            all.put(language, everywhere);
        }
        return new Text(all);
    }

    public String in(SiteLanguage language) {
        String value = values.get(language);
        return value == null || value.isBlank() ? reference() : value;
    }

    public String reference() {
        return values.getOrDefault(SiteLanguage.REFERENCE, "");
    }

    /** True when every language has a non-blank text. */
    public boolean complete() {
        for (SiteLanguage language : SiteLanguage.values()) {
            String value = values.get(language);
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
