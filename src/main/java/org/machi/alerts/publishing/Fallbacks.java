package org.machi.alerts.publishing;

import java.util.List;
import org.machi.shared.SiteLanguage;

/**
 * The languages a text is shown in when it was not written in the reader's: a reader of やさしい日本語
 * reads Japanese; every other reader やさしい日本語, then English, then Japanese.
 */
final class Fallbacks {

    private static final List<SiteLanguage> FOR_EASY_JAPANESE = List.of(SiteLanguage.JA);
    private static final List<SiteLanguage> FOR_OTHERS = List.of(SiteLanguage.JA_EASY, SiteLanguage.EN, SiteLanguage.JA);

    private Fallbacks() {
    }

    static List<SiteLanguage> of(SiteLanguage reader) {
        return reader == SiteLanguage.JA_EASY ? FOR_EASY_JAPANESE : FOR_OTHERS;
    }
}
