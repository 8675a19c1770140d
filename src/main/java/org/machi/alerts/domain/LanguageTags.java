package org.machi.alerts.domain;

import org.machi.shared.SiteLanguage;

/**
 * The language tag of a text in everything machines read (CAP, the JSON API, webhooks, push and mail
 * headers): BCP 47. やさしい日本語 has no registered subtag, so it is the private-use tag
 * {@code ja-x-easy} there, while the site keeps {@code ja-easy} in its addresses ({@code ?lang=ja-easy})
 * and its pages declare {@code lang="ja"} for screen readers.
 */
public final class LanguageTags {

    public static final String EASY_JAPANESE = "ja-x-easy";

    private LanguageTags() {
    }

    /** The tag of a text stored under a site language code (ja, ja-easy, en, …). */
    public static String of(String siteCode) {
        return siteCode.equals(SiteLanguage.JA_EASY.code()) ? EASY_JAPANESE : siteCode;
    }

    public static String of(SiteLanguage language) {
        return of(language.code());
    }
}
