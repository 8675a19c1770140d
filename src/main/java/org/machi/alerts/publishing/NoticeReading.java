package org.machi.alerts.publishing;

import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeText;
import org.machi.shared.SiteLanguage;

/**
 * A notice's text as one reader gets it: in their language if it was written, otherwise as
 * {@link Fallbacks} orders the others — and whether that was a fallback.
 */
public record NoticeReading(SiteLanguage language, NoticeText text, boolean fallback) {

    public static NoticeReading of(Notice notice, SiteLanguage wanted) {
        NoticeText exact = notice.texts().get(wanted.code());
        if (exact != null) {
            return new NoticeReading(wanted, exact, false);
        }
        for (SiteLanguage fallback : Fallbacks.of(wanted)) {
            NoticeText text = notice.texts().get(fallback.code());
            if (text != null) {
                return new NoticeReading(fallback, text, true);
            }
        }
        throw new IllegalStateException("a notice without Japanese text");
    }

    /** The lang attribute for the text where it differs from the page's language, else null. */
    public String langAttribute(SiteLanguage page) {
        return language.htmlLang().equals(page.htmlLang()) ? null : language.htmlLang();
    }
}
