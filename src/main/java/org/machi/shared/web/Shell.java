package org.machi.shared.web;

import java.util.List;
import org.machi.shared.Banner;
import org.machi.shared.SiteLanguage;

/**
 * What the layout shows around every page: the city, the reader's language and text size, and the
 * links that change them (each pointing back to the page being read). Public only because templates
 * call its methods; as a type in a subpackage it stays internal to the module.
 */
public record Shell(
        String cityName,
        String cityAddress,
        String cityPhone,
        String cityPhoneUri,
        String cityWebsite,
        SiteLanguage language,
        TextSize textSize,
        List<LanguageChoice> languages,
        List<TextSizeChoice> textSizes,
        List<Banner> banners) {

    public String htmlLang() {
        return language.htmlLang();
    }

    public record LanguageChoice(SiteLanguage language, String href, boolean current) {
    }

    public record TextSizeChoice(TextSize size, String href, boolean current) {

        public String labelKey() {
            return "shell.textSize." + size.code();
        }
    }
}
