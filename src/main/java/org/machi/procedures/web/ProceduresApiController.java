package org.machi.procedures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machi.identity.Assurance;
import org.machi.procedures.Channel;
import org.machi.procedures.Fee;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.catalog.Catalog;
import org.machi.procedures.catalog.CatalogEntry;
import org.machi.procedures.catalog.CatalogSearch;
import org.machi.procedures.catalog.DepartmentText;
import org.machi.procedures.catalog.ProcedureText;
import org.machi.shared.SharedPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The catalog as JSON under {@code /api/v1}: every procedure with its texts in all nine languages. */
@RestController
@Tag(name = "procedures", description = "The city's procedures (手続一覧): who may apply, documents, fee, processing-time target, "
        + "the identity assurance an online application needs, and the department that handles it")
class ProceduresApiController {

    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final Catalog catalog;
    private final String baseUrl;

    ProceduresApiController(Catalog catalog, @Value("${machi.base-url}") String baseUrl) {
        this.catalog = catalog;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @SharedPage
    @GetMapping(path = "/api/v1/procedures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The catalog in catalog order, optionally narrowed by words, a life event or a department", operationId = "procedures")
    ResponseEntity<List<ProcedureJson>> procedures(
            @Parameter(description = "Words that must all appear in a title (any language), the Japanese reading or the keywords; "
                    + "kana, full- and half-width forms are compared alike. At most 100 characters.")
            @RequestParam(required = false) String q,
            @Parameter(description = "A life event") @RequestParam(required = false) LifeEvent event,
            @Parameter(description = "A department code, as in department.code") @RequestParam(required = false) String department) {
        String words = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
        if (words.length() > CatalogQuery.WORDS_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        CatalogSearch search = CatalogSearch.of(words);
        List<CatalogEntry> entries = catalog.entries();
        if (department != null && entries.stream().noneMatch(e -> e.department().code().equals(department))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return ResponseEntity.ok().cacheControl(SHORT).body(entries.stream()
                .filter(search::matchesInAnyLanguage)
                .filter(e -> event == null || e.lifeEvents().contains(event))
                .filter(e -> department == null || e.department().code().equals(department))
                .map(this::json).toList());
    }

    @SharedPage
    @GetMapping(path = "/api/v1/procedures/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One procedure", operationId = "procedure")
    ResponseEntity<ProcedureJson> procedure(@PathVariable String slug) {
        return ResponseEntity.ok().cacheControl(SHORT)
                .body(json(catalog.entry(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))));
    }

    private ProcedureJson json(CatalogEntry entry) {
        Map<String, ProcedureText> texts = new LinkedHashMap<>();
        entry.texts().forEach((language, text) -> texts.put(language.code(), text));
        Map<String, DepartmentText> departmentTexts = new LinkedHashMap<>();
        entry.department().texts().forEach((language, text) -> departmentTexts.put(language.code(), text));
        return new ProcedureJson(entry.slug(), entry.lifeEvents().stream().sorted().toList(), entry.reading(), entry.keywords(),
                entry.fee(), entry.targetDays(), entry.channel(), entry.assurance(), entry.related(),
                new DepartmentJson(entry.department().code(), entry.department().phone(), departmentTexts), texts,
                baseUrl + "/procedures/" + entry.slug());
    }

    /**
     * A procedure in the JSON API. Texts are keyed by the site's language codes (ja, ja-easy, en, zh-CN, ko, vi,
     * pt-BR, es, tl); {@code targetDays} is the processing-time target in days (0: on the spot, null: the
     * processingNote says when); {@code assurance} is what an online application needs of the applicant's account
     * (SELF_ASSERTED: a confirmed mail address; CARD_VERIFIED: sign-in with the My Number Card), null for a
     * counter-only procedure, whose counterOnlyReason says why.
     */
    record ProcedureJson(String slug, List<LifeEvent> lifeEvents, String reading, List<String> keywords, Fee fee,
                         Integer targetDays, Channel channel, Assurance assurance, List<String> related,
                         DepartmentJson department, Map<String, ProcedureText> texts, String url) {
    }

    /** The department that handles a procedure: its phone as dialled in Japan, its name and counter per language. */
    record DepartmentJson(String code, String phone, Map<String, DepartmentText> texts) {
    }
}
