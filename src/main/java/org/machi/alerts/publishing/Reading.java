package org.machi.alerts.publishing;

import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.SiteLanguage;

/**
 * An alert's text as one reader gets it: in their language if it was written or filled in,
 * otherwise as {@link Fallbacks} orders the others — and whether that was a fallback.
 */
public record Reading(SiteLanguage language, AlertText text, boolean fallback) {

    public static Reading of(Alert alert, SiteLanguage wanted) {
        AlertText exact = alert.texts().get(wanted.code());
        if (exact != null) {
            return new Reading(wanted, exact, false);
        }
        for (SiteLanguage fallback : Fallbacks.of(wanted)) {
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
