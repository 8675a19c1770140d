package org.machi.alerts.web;

import java.util.List;
import org.machi.shared.CityProfile;

/**
 * What a public list (the alert archive, the notices) reads from its address: words to search for
 * (at most 100 characters, else left out with a problem), a district of the city (an unknown one
 * is ignored) and a page number (anything unreadable is the first page).
 */
record ListQuery(String words, String district, int page) {

    static final int PAGE_SIZE = 20;
    private static final int WORDS_LIMIT = 100;

    static ListQuery read(String q, String district, String page, CityProfile city, List<String> problems) {
        // Control characters are never part of words (and PostgreSQL refuses a NUL in text).
        String words = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
        if (words.length() > WORDS_LIMIT) {
            problems.add("alerts.search.tooLong");
            words = "";
        }
        String known = district != null && city.district(district).isPresent() ? district : null;
        int number = page != null && page.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(page)) : 1;
        return new ListQuery(words, known, number);
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    static int pages(int total) {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
