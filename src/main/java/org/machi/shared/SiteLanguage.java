package org.machi.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The nine languages every page is offered in. Japanese is the reference; やさしい日本語 (easy
 * Japanese) is a language of its own here, with the Locale variant {@code easy} so that its message
 * bundles ({@code *_ja__easy.properties}) are found, while the page still declares {@code lang="ja"}.
 */
public enum SiteLanguage {

    JA("ja", "ja", Locale.JAPANESE, "日本語"),
    JA_EASY("ja-easy", "ja", easyJapanese(), "やさしい にほんご"),
    EN("en", "en", Locale.ENGLISH, "English"),
    ZH_CN("zh-CN", "zh-CN", Locale.SIMPLIFIED_CHINESE, "简体中文"),
    KO("ko", "ko", Locale.KOREAN, "한국어"),
    VI("vi", "vi", new Locale("vi"), "Tiếng Việt"),
    PT_BR("pt-BR", "pt-BR", new Locale("pt", "BR"), "Português (Brasil)"),
    ES("es", "es", new Locale("es"), "Español"),
    TL("tl", "tl", new Locale("tl"), "Tagalog");

    public static final SiteLanguage REFERENCE = JA;

    private final String code;
    private final String htmlLang;
    private final Locale locale;
    private final String nativeName;

    SiteLanguage(String code, String htmlLang, Locale locale, String nativeName) {
        this.code = code;
        this.htmlLang = htmlLang;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    /** The code used in the {@code lang} parameter, the cookie and the city profile. */
    public String code() {
        return code;
    }

    /** The BCP 47 tag for {@code <html lang>} and {@code hreflang}. */
    public String htmlLang() {
        return htmlLang;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as a speaker looks for it in a language menu. */
    public String nativeName() {
        return nativeName;
    }

    public static Optional<SiteLanguage> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code.trim())).findFirst();
    }

    /** The language a resolved Locale stands for; Japanese for anything unknown. */
    public static SiteLanguage of(Locale locale) {
        if (locale == null) {
            return REFERENCE;
        }
        for (SiteLanguage language : values()) {
            if (language.locale.equals(locale)) {
                return language;
            }
        }
        return byPrimaryLanguage(locale.getLanguage()).orElse(REFERENCE);
    }

    /**
     * Picks the best language for an {@code Accept-Language} header: an exact tag first, then the
     * primary language (so {@code zh-TW} reads simplified Chinese rather than Japanese, and
     * {@code fil} reads Tagalog). Falls back to Japanese, also for a malformed header.
     */
    public static SiteLanguage negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return REFERENCE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                    continue;
                }
                Optional<SiteLanguage> exact = fromCode(range.getRange());
                if (exact.isPresent() && exact.get() != JA_EASY) {
                    return exact.get();
                }
                Optional<SiteLanguage> primary = byPrimaryLanguage(range.getRange().split("-")[0]);
                if (primary.isPresent()) {
                    return primary.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            return REFERENCE;
        }
        return REFERENCE;
    }

    private static Optional<SiteLanguage> byPrimaryLanguage(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "ja" -> Optional.of(JA);
            case "en" -> Optional.of(EN);
            case "zh" -> Optional.of(ZH_CN);
            case "ko" -> Optional.of(KO);
            case "vi" -> Optional.of(VI);
            case "pt" -> Optional.of(PT_BR);
            case "es" -> Optional.of(ES);
            case "tl", "fil" -> Optional.of(TL);
            default -> Optional.empty();
        };
    }

    @SuppressWarnings("deprecation") // Locale.of arrives in Java 19; the release is 17
    private static Locale easyJapanese() {
        return new Locale("ja", "", "easy");
    }
}
