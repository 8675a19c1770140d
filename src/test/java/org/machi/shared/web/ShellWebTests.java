package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@MachiWebTest
class ShellWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @ParameterizedTest
    @EnumSource(SiteLanguage.class)
    void homePageIsServedInEveryLanguage(SiteLanguage language) throws Exception {
        var result = mvc.perform(get("/").param("lang", language.code()))
                .andExpect(status().isOk())
                .andExpect(cookie().value("machi_lang", language.code()))
                .andReturn();
        Document page = page(result);

        assertThat(page.select("html").attr("lang")).isEqualTo(language.htmlLang());
        String skipLink = messages.getMessage("shell.skipToContent", null, language.locale());
        assertThat(page.select("a.skip-link").text()).isEqualTo(skipLink);
        assertThat(page.html()).doesNotContain("??");
        if (language != SiteLanguage.JA) {
            String japanese = messages.getMessage("shell.skipToContent", null, SiteLanguage.JA.locale());
            assertThat(skipLink).as("translated, not the Japanese text").isNotEqualTo(japanese);
        }
    }

    @Test
    void stylesheetAndScriptLinksCarryTheirFingerprintAndPageLinksStayAsWritten() throws Exception {
        Document home = page(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());
        assertThat(home.select("link[rel=stylesheet]").eachAttr("href")).isNotEmpty()
                .allSatisfy(href -> assertThat(href).matches("/css/[a-z/-]+-[0-9a-f]{32}\\.css"));
        assertThat(home.select("a[href^=/procedures]").eachAttr("href")).contains("/procedures");
    }

    @Test
    void firstVisitFollowsAcceptLanguage() throws Exception {
        assertThat(lang(get("/").header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5"))).isEqualTo("ko");
        mvc.perform(get("/").header("Accept-Language", "ko")).andExpect(cookie().doesNotExist("machi_lang"));
        assertThat(lang(get("/"))).as("no header at all").isEqualTo("ja");
    }

    @Test
    void theChosenLanguageOutranksAcceptLanguage() throws Exception {
        assertThat(lang(get("/districts").header("Accept-Language", "en").cookie(new Cookie("machi_lang", "vi"))))
                .isEqualTo("vi");
    }

    @Test
    void anUnknownLanguageIsIgnored() throws Exception {
        mvc.perform(get("/").param("lang", "<script>")).andExpect(status().isOk())
                .andExpect(cookie().doesNotExist("machi_lang"));
        assertThat(lang(get("/").param("lang", "<script>").header("Accept-Language", "es"))).isEqualTo("es");
        assertThat(lang(get("/").cookie(new Cookie("machi_lang", "klingon")))).isEqualTo("ja");
    }

    @Test
    void textSizeIsChosenWithALinkAndKept() throws Exception {
        var chosen = mvc.perform(get("/").param("text", "largest"))
                .andExpect(cookie().value("machi_text", "largest"))
                .andExpect(cookie().httpOnly("machi_text", true))
                .andReturn();
        assertThat(page(chosen).select("html").attr("class")).isEqualTo("text-largest");

        Document kept = page(mvc.perform(get("/accessibility").cookie(new Cookie("machi_text", "large"))).andReturn());
        assertThat(kept.select("html").attr("class")).isEqualTo("text-large");
        assertThat(kept.select(".text-size a[aria-current=true]").attr("href")).endsWith("text=large");

        Document unknown = page(mvc.perform(get("/").param("text", "huge")).andReturn());
        assertThat(unknown.select("html").attr("class")).isEqualTo("text-standard");
    }

    @Test
    void languageLinksKeepThePageAndItsQuery() throws Exception {
        Document page = page(mvc.perform(get(java.net.URI.create("/districts?q=a%26b&text=large&lang=en"))).andReturn());
        var korean = page.select("a[hreflang=ko]");
        assertThat(korean.attr("href")).isEqualTo("/districts?q=a%26b&lang=ko");
        assertThat(korean.attr("lang")).isEqualTo("ko");
        assertThat(page.select(".language-menu a[aria-current=true]").text()).isEqualTo("English");
    }

    @Test
    void shellHasSkipLinkLandmarksAndTheAccessibilityStatement() throws Exception {
        Document page = page(mvc.perform(get("/")).andReturn());
        assertThat(page.select("body a").first().attr("href")).isEqualTo("#main");
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(page.select("header")).hasSize(1);
        assertThat(page.select("footer a[href=/accessibility]")).hasSize(1);
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("footer address").text()).contains("厚木市", "046-223-1511");
    }

    @Test
    void homeListsTheServicesWhosePagesExist() throws Exception {
        Document page = page(mvc.perform(get("/").param("lang", "en")).andReturn());
        assertThat(page.select(".service-list a[href=/districts]").text()).isEqualTo("Districts of the city");
        for (var link : page.select(".service-list a")) {
            mvc.perform(get(link.attr("href"))).andExpect(status().isOk());
        }
    }

    /** Applying online does not exist yet: the home page offers the catalog of procedures and promises no application. */
    @Test
    void homeOffersTheProcedureCatalogButNoOnlineApplication() throws Exception {
        Document japanese = page(mvc.perform(get("/").param("lang", "ja")).andReturn());
        assertThat(japanese.select("main a[href=/procedures]").text()).isEqualTo("手続の案内");
        assertThat(japanese.select("main").text()).doesNotContain("オンライン申請", "申請できます");
        assertThat(page(mvc.perform(get("/").param("lang", "en")).andReturn()).select("main").text()).doesNotContainIgnoringCase("apply online");
    }

    @Test
    void districtsPageListsEveryDistrictOfTheProfile() throws Exception {
        Document english = page(mvc.perform(get("/districts").param("lang", "en")).andReturn());
        assertThat(english.select("tbody tr")).hasSize(15);
        assertThat(english.select("tbody tr:has(th:contains(Ogino)) td").first().text()).isEqualTo("おぎのちく");
        assertThat(english.select("tbody tr:has(th:contains(Ogino)) th span[lang=ja]").text()).contains("荻野地区");

        Document japanese = page(mvc.perform(get("/districts").param("lang", "ja")).andReturn());
        assertThat(japanese.select("tbody th").eachText()).contains("荻野地区");
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        mvc.perform(post("/")).andExpect(status().isForbidden());
    }

    private String lang(RequestBuilder request) throws Exception {
        return page(mvc.perform(request).andExpect(status().isOk()).andReturn()).select("html").attr("lang");
    }
}
