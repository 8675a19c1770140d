package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.machi.shared.SiteLanguage;
import org.machi.testing.ErrorTriggers;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every error of the JSON API is RFC 9457 problem details, titled and explained in the reader's language. */
@MachiWebTest
class ApiProblemsTests {

    private static final String TYPES = "http://machi.test/api/v1/openapi.json#/components/responses/";

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @LocalServerPort
    int port;

    @Test
    void anUnknownIdIsANotFoundProblem() throws Exception {
        String path = "/api/v1/alerts/" + UUID.randomUUID();
        problem(get(path), 404, "not-found").andExpect(jsonPath("$.instance").value(path));
        problem(get("/api/v1/notices/not-an-id"), 404, "not-found");
        problem(get("/api/v1/no-such-resource"), 404, "not-found");
    }

    @Test
    void anUnknownCategoryIsABadRequestNamingTheCategories() throws Exception {
        problem(get("/api/v1/notices").param("category", "NOPE"), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("category")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("GARBAGE, EVENTS")));
    }

    @Test
    void aMethodTheApiDoesNotAnswerIsMethodNotAllowedNotASignInOrCsrfRefusal() throws Exception {
        problem(post("/api/v1/alerts"), 405, "method-not-allowed")
                .andExpect(header().string(HttpHeaders.ALLOW, org.hamcrest.Matchers.containsString("GET")));
        problem(post("/api/v1/notices/" + UUID.randomUUID()), 405, "method-not-allowed");
    }

    @Test
    void aFormatTheApiCannotWriteIsNotAcceptable() throws Exception {
        problem(get("/api/v1/alerts").accept(MediaType.APPLICATION_XML), 406, "not-acceptable");
    }

    @Test
    void aFaultIsAServerErrorProblemThatTellsNothingTechnical() throws Exception {
        String body = problem(get(ErrorTriggers.API_BROKEN), 500, "server-error").andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("IllegalStateException", "on purpose", "trace");
    }

    @ParameterizedTest
    @EnumSource(SiteLanguage.class)
    void titleAndDetailFollowTheLanguageParameter(SiteLanguage language) throws Exception {
        String path = "/api/v1/alerts/" + UUID.randomUUID();
        mvc.perform(get(path).param("lang", language.code()).header(HttpHeaders.ACCEPT_LANGUAGE, "ko"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, language.htmlLang()))
                .andExpect(jsonPath("$.title").value(messages.getMessage("api.problem.not-found.title", null, language.locale())))
                .andExpect(jsonPath("$.detail").value(messages.getMessage("api.problem.not-found.detail", null, language.locale())));
    }

    @Test
    void withoutTheParameterTheLanguageFollowsAcceptLanguageAndEveryLanguageHasItsOwnText() throws Exception {
        Set<String> details = new HashSet<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            details.add(messages.getMessage("api.problem.bad-request.detail", null, language.locale()));
        }
        assertThat(details).as("a text of its own per language").hasSize(SiteLanguage.values().length);
        mvc.perform(post("/api/v1/alerts").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
                .andExpect(jsonPath("$.title").value("Method not allowed"));
        mvc.perform(get("/api/v1/alerts/x").header(HttpHeaders.ACCEPT_LANGUAGE, "vi"))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"));
        mvc.perform(get("/api/v1/alerts/x")).andExpect(jsonPath("$.title").value("見つかりません"));
    }

    @Test
    void pagesAndFeedsKeepTheirTranslatedErrorPages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/notices/categories/NOPE/feed.atom")).header(HttpHeaders.ACCEPT_LANGUAGE, "en").header(HttpHeaders.ACCEPT, "text/html,*/*;q=0.8")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).as("an unknown category is a bad request, not a missing page").isEqualTo(400);
        assertThat(feed.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(feed.body()).contains(messages.getMessage("error.4xx.title", null, SiteLanguage.EN.locale()));
        mvc.perform(get("/alerts/not-an-id").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, org.hamcrest.Matchers.not(MediaType.APPLICATION_PROBLEM_JSON_VALUE)));
    }

    private ResultActions problem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
        return mvc.perform(request.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().is(status))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value(TYPES + slug))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(messages.getMessage("api.problem." + slug + ".title", null, SiteLanguage.EN.locale())))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.instance").isNotEmpty());
    }
}
