package org.machi.alerts.publishing;

import java.util.List;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeText;
import org.machi.shared.SiteLanguage;

/**
 * A notice's text as one reader gets it: in their language if it was written, otherwise in
 * やさしい日本語, then English, then Japanese — and whether that was a fallback.
 */
public record NoticeReading(SiteLanguage language, NoticeText text, boolean fallback) {

    private static final List<SiteLanguage> FALLBACKS = List.of(SiteLanguage.JA_EASY, SiteLanguage.EN, SiteLanguage.JA);

    public static NoticeReading of(Notice notice, SiteLanguage wanted) {
        NoticeText exact = notice.texts().get(wanted.code());
        if (exact != null) {
            return new NoticeReading(wanted, exact, false);
        }
        for (SiteLanguage fallback : FALLBACKS) {
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
