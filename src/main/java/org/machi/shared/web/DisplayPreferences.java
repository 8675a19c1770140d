package org.machi.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A reader's language and text size. Both are chosen with plain links ({@code ?lang=en},
 * {@code ?text=large}) so that they work without JavaScript, kept for a year in cookies, and take
 * effect on the very page that sets them. Without a cookie the language follows
 * {@code Accept-Language}. Unknown values are ignored rather than refused: a stale link must not
 * break a page.
 */
class DisplayPreferences implements LocaleResolver, HandlerInterceptor {

    static final String LANGUAGE_PARAMETER = "lang";
    static final String TEXT_SIZE_PARAMETER = "text";
    static final String LANGUAGE_COOKIE = "machi_lang";
    static final String TEXT_SIZE_COOKIE = "machi_text";
    private static final String LANGUAGE_ATTRIBUTE = DisplayPreferences.class.getName() + ".language";
    private static final String TEXT_SIZE_ATTRIBUTE = DisplayPreferences.class.getName() + ".textSize";
    private static final Duration KEPT_FOR = Duration.ofDays(365);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true; // the original request already took the choice
        }
        SiteLanguage.fromCode(request.getParameter(LANGUAGE_PARAMETER))
                .ifPresent(language -> setLanguage(request, response, language));
        TextSize.fromCode(request.getParameter(TEXT_SIZE_PARAMETER))
                .ifPresent(size -> setTextSize(request, response, size));
        return true;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return language(request).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        setLanguage(request, response, SiteLanguage.of(locale));
    }

    SiteLanguage language(HttpServletRequest request) {
        if (request.getAttribute(LANGUAGE_ATTRIBUTE) instanceof SiteLanguage chosen) {
            return chosen;
        }
        return cookie(request, LANGUAGE_COOKIE).flatMap(SiteLanguage::fromCode)
                .orElseGet(() -> SiteLanguage.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    TextSize textSize(HttpServletRequest request) {
        if (request.getAttribute(TEXT_SIZE_ATTRIBUTE) instanceof TextSize chosen) {
            return chosen;
        }
        return cookie(request, TEXT_SIZE_COOKIE).flatMap(TextSize::fromCode).orElse(TextSize.STANDARD);
    }

    private void setLanguage(HttpServletRequest request, HttpServletResponse response, SiteLanguage language) {
        request.setAttribute(LANGUAGE_ATTRIBUTE, language);
        writeCookie(request, response, LANGUAGE_COOKIE, language.code());
    }

    private void setTextSize(HttpServletRequest request, HttpServletResponse response, TextSize size) {
        request.setAttribute(TEXT_SIZE_ATTRIBUTE, size);
        writeCookie(request, response, TEXT_SIZE_COOKIE, size.code());
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    private static void writeCookie(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .path(path)
                .maxAge(KEPT_FOR)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
