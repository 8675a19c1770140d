package org.machi.alerts.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.NoticeFeed;
import org.machi.alerts.publishing.NoticeFilter;
import org.machi.alerts.publishing.NoticeReading;
import org.machi.alerts.publishing.NoticeStore;
import org.machi.shared.CityProfile;
import org.machi.shared.CurrentInstallation;
import org.machi.shared.SharedPage;
import org.machi.shared.SiteLanguage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Daily notices for residents: the list with search and filters, each notice's page, Atom feeds
 * of all notices and of each category, and a JSON API under {@code /api/v1}. A category that does
 * not exist is a bad request (400), answered by Spring's conversion of the parameter.
 */
@Controller
class PublicNoticesController {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();
    private static final int FEED_SIZE = 50;

    private final NoticeStore store;
    private final NoticeFeed feed;
    private final AlertTemplates templates;
    private final CityProfile city;
    private final CurrentInstallation installation;

    PublicNoticesController(NoticeStore store, NoticeFeed feed, AlertTemplates templates, CityProfile city,
                            CurrentInstallation installation) {
        this.store = store;
        this.feed = feed;
        this.templates = templates;
        this.city = city;
        this.installation = installation;
    }

    @SharedPage
    @GetMapping("/notices")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                @RequestParam(required = false) String district, @RequestParam(defaultValue = "1") String page,
                Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<String> problems = new ArrayList<>();
        ListQuery query = ListQuery.read(q, district, page, city, problems);
        NoticeCategory chosen = NoticeCategory.of(category).orElse(null);
        NoticeFilter filter = new NoticeFilter(query.words(), chosen, query.district());
        int total = store.countPublished(filter);
        model.addAttribute("results", store.published(filter, query.offset(), ListQuery.PAGE_SIZE).stream()
                .map(notice -> NoticeEntry.of(notice, language, templates)).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", query.page());
        model.addAttribute("pages", ListQuery.pages(total));
        model.addAttribute("q", query.words());
        model.addAttribute("category", chosen == null ? "" : chosen.name());
        model.addAttribute("district", query.district() == null ? "" : query.district());
        model.addAttribute("categories", NoticeCategory.values());
        model.addAttribute("districts", city.districts());
        model.addAttribute("problems", problems);
        return "alerts/notices";
    }

    @SharedPage
    @GetMapping("/notices/{id}")
    String notice(@PathVariable String id, Locale locale, Model model) {
        Notice notice = published(id);
        model.addAttribute("entry", NoticeEntry.of(notice, SiteLanguage.of(locale), templates));
        return "alerts/notice";
    }

    @SharedPage
    @GetMapping("/notices/feed.atom")
    @ResponseBody
    ResponseEntity<String> feed() {
        return atom(null);
    }

    @SharedPage
    @GetMapping("/notices/categories/{category}/feed.atom")
    @ResponseBody
    ResponseEntity<String> categoryFeed(@PathVariable NoticeCategory category) {
        return atom(category);
    }

    /** Last-Modified is the last publication or withdrawal in the feed (a withdrawal removes an entry); see the alert feed. */
    private ResponseEntity<String> atom(NoticeCategory category) {
        List<Notice> recent = store.published(category == null ? NoticeFilter.ALL : NoticeFilter.of(category), 0, FEED_SIZE);
        Instant updated = store.lastChange(category).orElseGet(() -> installation.current().firstStartedAt());
        return ResponseEntity.ok().contentType(ATOM).cacheControl(SHORT).lastModified(updated).body(feed.write(category, recent, updated));
    }

    /** Published notices, newest first; narrowed to a category with {@code ?category=}. */
    @SharedPage
    @GetMapping(path = "/api/v1/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Published notices, newest first, optionally of one category", operationId = "notices", tags = "notices")
    ResponseEntity<List<NoticeJson>> api(@RequestParam(required = false) NoticeCategory category) {
        NoticeFilter filter = category == null ? NoticeFilter.ALL : NoticeFilter.of(category);
        return ResponseEntity.ok().cacheControl(SHORT).body(store.published(filter, 0, FEED_SIZE).stream().map(this::json).toList());
    }

    @SharedPage
    @GetMapping(path = "/api/v1/notices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "One published notice", operationId = "notice", tags = "notices")
    ResponseEntity<NoticeJson> apiOne(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(SHORT).body(json(published(id)));
    }

    private NoticeJson json(Notice notice) {
        return new NoticeJson(notice.id().toString(), notice.category().name(), notice.wholeCity(),
                notice.districts().stream().sorted().toList(), notice.publishedAt(), notice.link(), notice.texts(), feed.pageUrl(notice));
    }

    /** A notice in the JSON API: texts per language code, the time in UTC (ISO 8601). */
    record NoticeJson(String id, String category, boolean wholeCity, List<String> districts, Instant published, String link,
                      Map<String, NoticeText> texts, String url) {
    }

    /** A published notice by its id; withdrawn notices and unknown ids are not found. */
    private Notice published(String id) {
        try {
            return store.find(UUID.fromString(id)).filter(n -> n.state() == Notice.State.PUBLISHED)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** One notice as a reader of one language sees it. */
    record NoticeEntry(Notice notice, NoticeReading reading, String place, String published, String textLang) {

        static NoticeEntry of(Notice notice, SiteLanguage language, AlertTemplates templates) {
            NoticeReading reading = NoticeReading.of(notice, language);
            return new NoticeEntry(notice, reading, notice.wholeCity() ? null : templates.districtNames(notice.districts(), language),
                    templates.time(notice.publishedAt(), language), reading.langAttribute(language));
        }
    }
}
