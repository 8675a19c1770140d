package org.machi.procedures.catalog;

import java.util.Arrays;
import java.util.List;
import org.machi.shared.JapaneseInput;
import org.machi.shared.SiteLanguage;

/**
 * Words to find procedures by. Each word (split at spaces) must appear in the procedure's Japanese
 * title, its reading (よみ) or its keywords, or in its title in the reader's language; words are
 * compared as {@link JapaneseInput#searchable} makes them, so じゅうみんひょう, ジュウミンヒョウ and
 * ｼﾞｭｳﾐﾝﾋｮｳ find 住民票 alike. No words: everything matches.
 */
public record CatalogSearch(List<String> words) {

    public static CatalogSearch of(String query) {
        if (query == null) {
            return new CatalogSearch(List.of());
        }
        return new CatalogSearch(Arrays.stream(query.split("[\\s\\p{Z}]+"))
                .map(JapaneseInput::searchable).filter(word -> !word.isEmpty()).toList());
    }

    public boolean matches(CatalogEntry entry, SiteLanguage language) {
        if (words.isEmpty()) {
            return true;
        }
        String haystack = String.join("\u0000", JapaneseInput.searchable(entry.text(SiteLanguage.REFERENCE).title()),
                JapaneseInput.searchable(entry.reading()), JapaneseInput.searchable(String.join("\u0000", entry.keywords())),
                JapaneseInput.searchable(entry.text(language).title()));
        return words.stream().allMatch(haystack::contains);
    }

    /** Whether the words appear in any language's title, the reading or the keywords: for the API, which has no reader's language. */
    public boolean matchesInAnyLanguage(CatalogEntry entry) {
        return Arrays.stream(SiteLanguage.values()).anyMatch(language -> matches(entry, language));
    }
}
