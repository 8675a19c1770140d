package org.machi.procedures.lifeevents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.machi.procedures.lifeevents.LifeEventPlan;
import org.machi.procedures.lifeevents.LifeEventPlanner;
import org.machi.procedures.lifeevents.PlannedProcedure;
import org.machi.procedures.lifeevents.Questionnaire;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The questionnaire pages in Japanese, やさしい日本語 and English: questions, plans, bad answers and unknown events. */
@MachiWebTest
class LifeEventPagesTests {

    /** Moving into Atsugi with two children, one under 3, who needs daycare; the family has My Number Cards. */
    private static final String[] MOVING_IN = {"direction", "into", "under3", "1", "schoolAge", "1", "care", "none",
            "situation", "daycare", "card", "yes"};

    @Autowired
    MockMvc mvc;

    @Autowired
    LifeEventPlanner planner;

    @LocalServerPort
    int port;

    private Document show(String path, String language, String... parameters) throws Exception {
        MockHttpServletRequestBuilder request = get(path).param("lang", language);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return page(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    @Test
    void theCatalogLeadsToTheEventsAndEachEventToItsQuestions() throws Exception {
        Document catalog = show("/procedures", "ja");
        assertThat(catalog.select("main a[href=/procedures/life-events]").text()).isEqualTo("質問に答えて、出来事に必要な手続をまとめて調べる");
        Document events = show("/procedures/life-events", "ja");
        assertThat(events.select("h1").text()).isEqualTo("暮らしの出来事から、必要な手続をまとめて調べる");
        assertThat(events.select("main a[href^=/procedures/life-events/]")).extracting(a -> a.attr("href")).containsExactly(
                "/procedures/life-events/moving", "/procedures/life-events/birth", "/procedures/life-events/childcare",
                "/procedures/life-events/bereavement", "/procedures/life-events/disaster");
    }

    @Test
    void theQuestionsRenderInJapaneseEasyJapaneseAndEnglishWithALabelForEveryInput() throws Exception {
        Map<String, String> headings = Map.of("ja", "引っ越し（転入・転出）：必要な手続を調べる", "ja-easy", "ひっこし：ひつような てつづきを しらべる",
                "en", "Moving in or out: find the procedures you need");
        for (var heading : headings.entrySet()) {
            Document page = show("/procedures/life-events/moving", heading.getKey());
            assertThat(page.select("h1").text()).isEqualTo(heading.getValue());
            Element form = page.selectFirst("main form");
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.attr("action")).isEqualTo("/procedures/life-events/moving/plan");
            assertThat(form.select("input")).hasSizeGreaterThanOrEqualTo(13);
            for (Element input : form.select("input, select, textarea")) {
                assertThat(page.select("label[for=" + input.id() + "]").text()).as(input.id()).isNotBlank();
            }
            for (Element choice : form.select("input[type=radio], input[type=checkbox]")) {
                assertThat(choice.closest("fieldset")).as(choice.id()).isNotNull();
                assertThat(choice.closest("fieldset").selectFirst("legend").text()).isNotBlank();
            }
            assertThat(form.select("fieldset")).hasSize(5);
            assertThat(page.select(".error-summary")).isEmpty();
        }
        Document english = show("/procedures/life-events/moving", "en");
        assertThat(english.select("label[for=direction-into]").text()).isEqualTo("Moving into Atsugi from another city (転入)");
        assertThat(english.select("input#under3").attr("aria-describedby")).isEqualTo("children-hint");
        assertThat(english.select("#children-hint").text()).isEqualTo("Enter a number for each age group. Leave 0 if there are none.");
    }

    @Test
    void movingInWithTwoChildrenListsEveryProcedureInOrderWithWhy() throws Exception {
        Document plan = show("/procedures/life-events/moving/plan", "ja", MOVING_IN);
        assertThat(plan.select("h1").text()).isEqualTo("引っ越し（転入・転出）：あなたに必要な手続");
        assertThat(plan.select("ol.steps > li h2 a")).extracting(a -> a.attr("href")).containsExactly("/procedures/tennyu-yoyaku",
                "/procedures/tennyu", "/procedures/jido-teate", "/procedures/hoikusho");
        assertThat(plan.select("[role=status]").text()).isEqualTo("お答えから、次の4件の手続が必要です。上から順に進めてください。");
        Element daycare = plan.select("ol.steps > li").get(3);
        assertThat(daycare.select("dd").get(0).text()).startsWith("3歳未満のお子さんを家庭で保育できないので");
        Element allowance = plan.select("ol.steps > li").get(2);
        assertThat(allowance.select("dd").get(1).text()).contains("15日以内", "15日特例");
        Element movingIn = plan.select("ol.steps > li").get(1);
        assertThat(movingIn.select(".tag").text()).isEqualTo("窓口で手続します");
        assertThat(movingIn.select("dd").text()).contains("厚木市に住み始めた日から14日以内", "市民課", "転出証明書");
        assertThat(plan.select("#one-sitting + p + ul a")).extracting(a -> a.attr("href"))
                .containsExactly("/procedures/tennyu-yoyaku", "/procedures/jido-teate", "/procedures/hoikusho");
        assertThat(plan.select("main a").eachAttr("href")).contains(
                "/procedures/life-events/moving?direction=into&under3=1&preschool=0&schoolAge=1&care=none&situation=daycare&card=yes");
        assertThat(plan.select("#notes + ul li").text()).contains("在学証明書");

        Document english = show("/procedures/life-events/moving/plan", "en", MOVING_IN);
        assertThat(english.select("ol.steps > li").get(3).select("dd").get(0).text())
                .startsWith("A child under 3 cannot be looked after at home");
        assertThat(english.select("main a[href*=lang=ja]")).as("the Japanese reference is a click away").isNotEmpty();
        Document easy = show("/procedures/life-events/moving/plan", "ja-easy", MOVING_IN);
        assertThat(easy.select("ol.steps > li").get(3).select("dd").get(0).text()).startsWith("3さいより したの こどもを");
    }

    @Test
    void withoutACardTheCardProceduresAreAtTheCounterAndMovingOutListsBulkyWaste() throws Exception {
        Document plan = show("/procedures/life-events/moving/plan", "ja", "direction", "out", "care", "none",
                "situation", "bulkyWaste", "card", "no");
        assertThat(plan.select("ol.steps > li h2 a")).extracting(a -> a.attr("href"))
                .containsExactly("/procedures/sodai-gomi", "/procedures/tenshutsu");
        assertThat(plan.select("ol.steps > li").get(1).text()).contains("マイナンバーカードがあれば、オンラインでもできます。");
        assertThat(plan.select("#one-sitting + p + ul a").eachAttr("href")).as("bulky waste needs no card sign-in")
                .containsExactly("/procedures/sodai-gomi");
        assertThat(plan.select("#notes + ul li").text()).contains("転入届");
    }

    @Test
    void bereavementListsTheBereavementCounterAndItsRelatedProcedures() throws Exception {
        Document plan = show("/procedures/life-events/bereavement/plan", "ja", "card", "yes");
        assertThat(plan.select("ol.steps > li h2 a")).extracting(a -> a.attr("href"))
                .containsExactly("/procedures/okuyami", "/procedures/juminhyo", "/procedures/kazei-shomei");
        assertThat(plan.select("#notes + ul li").text()).contains("死亡届");
    }

    @Test
    void badAnswersAreExplainedByQuestionAndLinkToTheirInput() throws Exception {
        Document japanese = show("/procedures/life-events/moving/plan", "ja", "under3", "999", "preschool", "-1",
                "situation", "<script>alert(1)</script>", "care", "none", "card", "yes");
        assertThat(japanese.select(".error-summary a")).extracting(a -> a.attr("href"))
                .containsExactly("#direction-into", "#under3", "#preschool", "#situation-daycare");
        assertThat(japanese.select(".error-summary a").eachText()).containsExactly("「どのような引っ越しですか」の答えを選んでください。",
                "「3歳未満」の人数は、0から10までの数字で入力してください。", "「3歳から小学校入学前まで」の人数は、0から10までの数字で入力してください。",
                "「当てはまるものをすべて選んでください」の答えは、選択肢の中から選んでください。");
        for (String id : new String[] {"direction-into", "under3", "preschool", "situation-daycare"}) {
            assertThat(japanese.select("#" + id)).as(id).hasSize(1);
            assertThat(japanese.select("#" + id).attr("aria-invalid")).isEqualTo("true");
        }
        assertThat(japanese.select("input#schoolAge").hasAttr("aria-invalid")).as("a good count among bad ones").isFalse();
        assertThat(japanese.select("input#under3").attr("value")).isEqualTo("999");
        assertThat(japanese.select("input#under3").attr("aria-describedby")).isEqualTo("children-hint children-error");
        assertThat(japanese.select("input#card-yes").hasAttr("checked")).as("good answers are kept").isTrue();
        assertThat(japanese.html()).doesNotContain("<script>alert");
        assertThat(japanese.select("ol.steps")).isEmpty();

        Document english = show("/procedures/life-events/childcare/plan", "en", "under3", "abc", "allowance", "maybe", "card", "yes");
        assertThat(english.select(".error-summary a").eachText()).containsExactly(
                "Enter the number for \"Under 3\" as a whole number from 0 to 10.",
                "Choose an answer for \"Do you already receive the child allowance for these children?\" from the options given.");
        Document easy = show("/procedures/life-events/disaster/plan", "ja-easy");
        assertThat(easy.select(".error-summary a").eachAttr("href")).containsExactly("#damage-natural", "#card-yes");
    }

    @Test
    void anUnknownEventIsATranslatedNotFoundPage() throws Exception {
        for (String path : new String[] {"/procedures/life-events/pets", "/procedures/life-events/nope/plan",
                "/procedures/life-events/%3Cscript%3E", "/procedures/life-events/" + "x".repeat(300) + "/plan?card=yes"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=en"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");
        }
    }

    @Test
    void thePlanIsTheSeamForABundleOfOnlineApplications() {
        Questionnaire moving = planner.questionnaire("moving").orElseThrow();
        Questionnaire.Reading reading = moving.read(Map.of("direction", new String[] {"into"}, "under3", new String[] {"1"},
                "care", new String[] {"none"}, "situation", new String[] {"daycare"}, "card", new String[] {"no"}));
        LifeEventPlan plan = planner.plan(moving, reading.answers());
        assertThat(plan.slugs()).containsExactly("tennyu", "jido-teate", "hoikusho");
        assertThat(plan.online()).extracting(PlannedProcedure::slug).as("without a card only what needs no card sign-in")
                .containsExactly("hoikusho");
        assertThat(plan.procedures().get(0).whyMessageKey()).isEqualTo("lifeEvents.why.movingIn.tennyu");
    }
}
