package org.machi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog as JSON: every procedure in every language, narrowed by words, life event or department; errors as problem details. */
@MachiWebTest
class ProceduresApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void theCatalogHasEveryProcedureWithItsTextsInAllNineLanguages() throws Exception {
        JsonNode all = read(mvc.perform(get("/api/v1/procedures")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn().getResponse().getContentAsString());
        assertThat(all.size()).isGreaterThanOrEqualTo(15);
        for (JsonNode procedure : all) {
            for (SiteLanguage language : SiteLanguage.values()) {
                assertThat(procedure.path("texts").path(language.code()).path("title").asString()).as(procedure.path("slug").asString())
                        .isNotBlank();
                assertThat(procedure.path("department").path("texts").path(language.code()).path("name").asString()).isNotBlank();
            }
        }
        mvc.perform(get("/api/v1/procedures/inkan-shomei"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("COUNTER_ONLY"))
                .andExpect(jsonPath("$.assurance").doesNotExist())
                .andExpect(jsonPath("$.fee.kind").value("FIXED"))
                .andExpect(jsonPath("$.fee.yen").value(300))
                .andExpect(jsonPath("$.department.phone").value("046-223-1511"))
                .andExpect(jsonPath("$.texts.ja.counterOnlyReason").isNotEmpty())
                .andExpect(jsonPath("$.url").value("http://machi.test/procedures/inkan-shomei"));
        mvc.perform(get("/api/v1/procedures/tenshutsu")).andExpect(jsonPath("$.assurance").value("CARD_VERIFIED"))
                .andExpect(jsonPath("$.related[0]").value("tennyu-yoyaku"));
    }

    @Test
    void wordsLifeEventsAndDepartmentsNarrowTheCatalog() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("q", "ｼﾞｭｳﾐﾝﾋｮｳ"))
                .andExpect(jsonPath("$[*].slug").value(org.hamcrest.Matchers.hasItem("juminhyo")));
        mvc.perform(get("/api/v1/procedures").param("q", "bulky"))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].slug").value("sodai-gomi"));
        mvc.perform(get("/api/v1/procedures").param("event", "DISASTER"))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].slug").value("risai"));
        mvc.perform(get("/api/v1/procedures").param("department", "seikatsu-kankyo"))
                .andExpect(jsonPath("$[*].slug").value(org.hamcrest.Matchers.contains("inu-toroku")));
    }

    @Test
    void badParametersAndUnknownProceduresAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/procedures/no-such-procedure").param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("http://machi.test/api/v1/openapi.json#/components/responses/not-found"))
                .andExpect(jsonPath("$.title").value("Not found"));
        mvc.perform(get("/api/v1/procedures").param("event", "NOPE")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("BEREAVEMENT")));
        mvc.perform(get("/api/v1/procedures").param("q", "x".repeat(101))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/bad-request")));
        mvc.perform(get("/api/v1/procedures").param("department", "nope")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/procedures").param("q", "\u0000住民票\u0007")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug").value(org.hamcrest.Matchers.hasItem("juminhyo")));
    }

    @Test
    void anyOriginMayReadTheCatalog() throws Exception {
        mvc.perform(get("/api/v1/procedures/juminhyo").header("Origin", "https://aggregator.example"))
                .andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(options("/api/v1/procedures").header("Origin", "https://aggregator.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }
}
