package org.machi.alerts.publishing;

import java.util.List;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.SiteLanguage;

/**
 * An alert's text as one reader gets it: in their language if it was written or filled in,
 * otherwise in やさしい日本語, then English, then Japanese — and whether that was a fallback.
 */
public record Reading(SiteLanguage language, AlertText text, boolean fallback) {

    private static final List<SiteLanguage> FALLBACKS = List.of(SiteLanguage.JA_EASY, SiteLanguage.EN, SiteLanguage.JA);

    public static Reading of(Alert alert, SiteLanguage wanted) {
        AlertText exact = alert.texts().get(wanted.code());
        if (exact != null) {
            return new Reading(wanted, exact, false);
        }
        for (SiteLanguage fallback : FALLBACKS) {
            AlertText text = alert.texts().get(fallback.code());
            if (text != null) {
                return new Reading(fallback, text, true);
            }
        }
        throw new IllegalStateException("an alert without Japanese text");
    }

    /** The lang attribute for the text where it differs from the page's language, else null. */
    public String langAttribute(SiteLanguage page) {
        return language.htmlLang().equals(page.htmlLang()) ? null : language.htmlLang();
    }
}
