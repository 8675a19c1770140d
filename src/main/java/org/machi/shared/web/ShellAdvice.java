package org.machi.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.machi.shared.Banner;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Gives every page, error pages included, the {@code shell} the layout renders. */
@ControllerAdvice
class ShellAdvice {

    private final CityProfile city;
    private final DisplayPreferences preferences;
    private final List<Banner.Source> banners;

    ShellAdvice(CityProfile city, DisplayPreferences preferences, List<Banner.Source> banners) {
        this.city = city;
        this.preferences = preferences;
        this.banners = banners;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        SiteLanguage language = preferences.language(request);
        TextSize textSize = preferences.textSize(request);
        String path = currentPath(request);
        String query = request.getDispatcherType() == DispatcherType.ERROR ? null : request.getQueryString();
        List<Shell.LanguageChoice> languages = Arrays.stream(SiteLanguage.values())
                .map(l -> new Shell.LanguageChoice(l, link(path, query, DisplayPreferences.LANGUAGE_PARAMETER, l.code()), l == language))
                .toList();
        List<Shell.TextSizeChoice> sizes = Arrays.stream(TextSize.values())
                .map(s -> new Shell.TextSizeChoice(s, link(path, query, DisplayPreferences.TEXT_SIZE_PARAMETER, s.code()), s == textSize))
                .toList();
        return new Shell(city.name(language), city.postalAddress(language), city.phone(language), city.phoneUri(),
                city.website().toString(), language, textSize, languages, sizes,
                banners.stream().flatMap(source -> source.current(language).stream()).toList());
    }

    /** The page being read; on an error page, the address that failed. Never a protocol-relative URL. */
    private static String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return request.getContextPath() + "/";
        }
        return path;
    }

    /** The page's own (already encoded) path and query, with one preference set and the other dropped. */
    private static String link(String path, String query, String parameter, String value) {
        try {
            return UriComponentsBuilder.fromPath(path)
                    .query(query)
                    .replaceQueryParam(DisplayPreferences.LANGUAGE_PARAMETER)
                    .replaceQueryParam(DisplayPreferences.TEXT_SIZE_PARAMETER)
                    .replaceQueryParam(parameter, value)
                    .build(true)
                    .toUriString();
        } catch (IllegalArgumentException wronglyEncoded) {
            return UriComponentsBuilder.fromPath("/").queryParam(parameter, value).build(true).toUriString();
        }
    }
}
