package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.ResidentProfile;
import org.machi.identity.account.Account;
import org.machi.identity.account.Profiles;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.ApplicationWithdrawn;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A resident applies for bulky-waste collection with the test form, through every step: a stop,
 * prefilled answers shown as already known, a group with add and remove, a field shown by an
 * earlier answer, a step skipped by one, check your answers, the declaration and one submit.
 */
@MachiWebTest
@RecordApplicationEvents
class ApplyingFlowTests {

    static final String BASE = "/procedures/sodai-gomi/apply";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    private Authentication resident;

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(authentication(resident)).param("lang", "ja");
    }

    private MvcResult postStep(UUID id, String step, String... params) throws Exception {
        MockHttpServletRequestBuilder request = as(post(BASE + "/" + id + "/" + step)).with(csrf()).param("formVersion", "1");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    static String redirect(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private UUID start() throws Exception {
        String location = redirect(mvc.perform(as(post(BASE)).with(csrf())).andReturn());
        assertThat(location).matches(BASE + "/[0-9a-f-]{36}/business");
        return UUID.fromString(location.substring(BASE.length() + 1, BASE.length() + 37));
    }

    @Test
    void aResidentAppliesThroughEveryStepAndSubmitsOnce() throws Exception {
        Account account = accounts.resident();
        profiles.save(account.id(), new ResidentProfile("厚木", "花子", "アツギ", "ハナコ", LocalDate.of(1990, 4, 1), "2430018",
                "中町3-17-17", null, "046-225-2790", "ja", ResidentProfile.ContactChannel.EMAIL));
        resident = MachiUserTestSupport.signedIn(account, false);

        Document procedure = page(mvc.perform(get("/procedures/sodai-gomi").param("lang", "ja")).andReturn());
        assertThat(procedure.select("a.button[href=" + BASE + "]").text()).isEqualTo("オンラインで申請する");
        Document begin = page(mvc.perform(as(get(BASE))).andExpect(status().isOk()).andReturn());
        assertThat(begin.select("form[action=" + BASE + "] button").text()).isEqualTo("申請を始める");
        UUID id = start();

        // a stop: business waste is not collected
        Document stop = page(postStep(id, "business", "isBusiness", "yes"));
        assertThat(stop.select("[role=alert]").text()).startsWith("事業所のごみは収集できません");
        assertThat(redirect(mvc.perform(as(get(BASE + "/" + id + "/applicant"))).andReturn()))
                .as("no way past a stop").isEqualTo(BASE + "/" + id + "/business");
        assertThat(redirect(postStep(id, "business", "isBusiness", "no"))).isEqualTo(BASE + "/" + id + "/applicant");

        // once only: what the city holds is shown as already known, with a change link that shows the input
        Document applicant = page(mvc.perform(as(get(BASE + "/" + id + "/applicant"))).andReturn());
        assertThat(applicant.select("input[name=known]")).extracting(e -> e.attr("value"))
                .containsExactly("familyName", "givenName", "phone", "email");
        assertThat(applicant.select("input#familyName")).isEmpty();
        assertThat(applicant.select("dd").text()).contains("厚木", "046-225-2790", account.login());
        Document change = page(mvc.perform(as(get(BASE + "/" + id + "/applicant")).param("change", "phone")).andReturn());
        assertThat(change.select("input#phone").attr("value")).isEqualTo("0462252790");
        assertThat(change.select("input#phone").attr("autocomplete")).isEqualTo("tel");
        assertThat(redirect(postStep(id, "applicant", "known", "familyName", "known", "givenName", "known", "email",
                "phone", "046-225-2790"))).isEqualTo(BASE + "/" + id + "/items");

        // a group: errors name each item's field; add another and remove without script, nothing saved meanwhile
        Document missing = page(postStep(id, "items", "items.count", "1"));
        assertThat(missing.select(".error-summary[role=alert] a")).extracting(a -> a.attr("href"))
                .containsExactly("#items[0].itemName", "#items[0].itemCount");
        assertThat(missing.select(".error-summary a").first().text()).isEqualTo("品目 1 品名を入力してください。");
        Document added = page(postStep(id, "items", "items.count", "1", "items[0].itemName", "ソファ", "items[0].itemCount", "1",
                "action", "add:items"));
        assertThat(added.select("input[name^=items][name$=itemName]")).hasSize(2);
        assertThat(added.select("input[name=items.count]").attr("value")).isEqualTo("2");
        assertThat(added.select(".error-summary")).as("adding shows no problems yet").isEmpty();
        Document removed = page(postStep(id, "items", "items.count", "2", "items[0].itemName", "ソファ", "items[0].itemCount", "1",
                "items[1].itemName", "<script>alert(1)</script>", "items[1].itemCount", "2", "action", "remove:items:0"));
        assertThat(removed.select("input[name^=items][name$=itemName]")).singleElement()
                .satisfies(input -> assertThat(input.attr("value")).isEqualTo("<script>alert(1)</script>"));
        Document tooMany = page(postStep(id, "items", "items.count", "3", "items[0].itemName", "ソファ", "items[0].itemCount", "1",
                "items[1].itemName", "たんす", "items[1].itemCount", "2", "items[2].itemName", "机", "items[2].itemCount", "6"));
        assertThat(tooMany.select(".error-summary a[href=#items[2].itemCount]").text()).isEqualTo("品目 3 個数は5以下で入力してください。");
        assertThat(tooMany.select("input#items\\[2\\]\\.itemCount").attr("aria-invalid")).isEqualTo("true");

        String collectionDate = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).plusDays(7).toString();
        assertThat(redirect(postStep(id, "items", "items.count", "2", "items[0].itemName", "ソファ", "items[0].itemCount", "1",
                "items[1].itemName", "<script>alert(1)</script>", "items[1].itemCount", "2"))).isEqualTo(BASE + "/" + id + "/collection");

        // a field shown by an earlier answer on the same step is required once shown
        Document other = page(postStep(id, "collection", "collectionDate", collectionDate, "place", "other"));
        assertThat(other.select(".error-summary a[href=#placeNote]").text()).isEqualTo("場所の説明を入力してください。");
        Document past = page(postStep(id, "collection", "collectionDate", "2020-01-01", "place", "door"));
        assertThat(past.select("#collectionDate-error").text()).isEqualTo("希望日には、今日か、今日より後の日付を入力してください。");
        assertThat(redirect(postStep(id, "collection", "collectionDate", collectionDate, "place", "door")))
                .isEqualTo(BASE + "/" + id + "/elevator");
        assertThat(redirect(postStep(id, "elevator", "floor", "3"))).isEqualTo(BASE + "/" + id + "/check-answers");

        // check your answers: change links, escaped text, the declaration, one submit however often it is sent
        Document check = page(mvc.perform(as(get(BASE + "/" + id + "/check-answers"))).andExpect(status().isOk()).andReturn());
        assertThat(check.select("dt").eachText()).containsExactly("事業所のごみですか", "姓", "名", "電話番号", "メールアドレス", "品目",
                "希望日", "出す場所", "階");
        assertThat(check.select("dd").text()).contains("品目 1: 品名: ソファ, 個数: 1", "<script>alert(1)</script>", "玄関前");
        assertThat(check.select("main").text()).contains("手数料", "500円");
        assertThat(check.select("script:containsData(alert(1))")).as("text is never markup").isEmpty();
        assertThat(check.select("a[href^=" + BASE + "/" + id + "/items]")).isNotEmpty();
        String key = check.select("input[name=submitKey]").attr("value");
        Document noDeclaration = page(mvc.perform(as(post(BASE + "/" + id + "/check-answers")).with(csrf()).param("submitKey", key))
                .andReturn());
        assertThat(noDeclaration.select(".error-summary a[href=#declaration]")).isNotEmpty();
        String freshKey = noDeclaration.select("input[name=submitKey]").attr("value");
        MvcResult sent = mvc.perform(as(post(BASE + "/" + id + "/check-answers")).with(csrf()).param("submitKey", freshKey)
                .param("declaration", "confirmed")).andReturn();
        assertThat(redirect(sent)).isEqualTo("/my/procedures/" + id + "?sent=1");
        MvcResult shown = mvc.perform(as(get(redirect(sent)))).andReturn();
        Document receipt = page(shown);
        String receiptNumber = jdbc.sql("SELECT receipt_number FROM procedures.application WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(receipt.select("[role=status]").text()).contains("申請を受け付けました", receiptNumber);
        assertThat(receipt.select("dd").text()).contains("500円");
        MvcResult replay = mvc.perform(as(post(BASE + "/" + id + "/check-answers")).with(csrf()).param("submitKey", freshKey)
                .param("declaration", "confirmed")).andReturn();
        assertThat(redirect(replay)).as("a replayed submit shows the same receipt").isEqualTo("/my/procedures/" + id + "?sent=1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM procedures.application WHERE applicant = :a AND status = 'SUBMITTED'")
                .param("a", account.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.stream(ApplicationSubmitted.class).filter(e -> e.applicationId().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.receiptNumber()).isEqualTo(receiptNumber);
                    assertThat(e.feeDueYen()).isEqualTo(500L);
                    assertThat(e.formVersion()).isEqualTo(1);
                });

        // stored: sealed answers, which were prefilled, the fee due
        var row = jdbc.sql("SELECT answers_sealed, prefilled, fee_due_yen, form_version FROM procedures.application WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat((String) row.get("answers_sealed")).doesNotContain("ソファ", "厚木");
        assertThat(((String) row.get("prefilled")).split("\n")).containsExactlyInAnyOrder("familyName", "givenName", "phone", "email");
        assertThat(((Number) row.get("fee_due_yen")).longValue()).isEqualTo(500L);

        // My procedures, the API, and withdrawing
        Document mine = page(mvc.perform(as(get("/my/procedures"))).andExpect(status().isOk()).andReturn());
        // casework opens the case in the background: the page shows either the application's own state or the case's
        assertThat(mine.select("td").text()).contains(receiptNumber).containsPattern("送信済み（受付を待っています）|受付済み");
        assertThat(mine.select("td").text()).as("sent at, with the era").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日（令和\\d+年");
        String json = mvc.perform(as(get("/api/v1/procedures/applications"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(json).contains("\"receiptNumber\":\"" + receiptNumber + "\"", "\"status\":\"SUBMITTED\"", "\"procedureSlug\":\"sodai-gomi\"")
                .doesNotContain("ソファ");
        Document confirm = page(mvc.perform(as(get("/my/procedures/" + id + "/withdraw"))).andExpect(status().isOk()).andReturn());
        assertThat(confirm.select("h1").text()).isEqualTo("申請を取り下げますか");
        assertThat(redirect(mvc.perform(as(post("/my/procedures/" + id + "/withdraw")).with(csrf())).andReturn()))
                .isEqualTo("/my/procedures/" + id);
        assertThat(jdbc.sql("SELECT status FROM procedures.application WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("WITHDRAWN");
        assertThat(events.stream(ApplicationWithdrawn.class).filter(e -> e.applicationId().equals(id))).hasSize(1);
        mvc.perform(as(post("/my/procedures/" + id + "/withdraw")).with(csrf())).andReturn();
        assertThat(events.stream(ApplicationWithdrawn.class).filter(e -> e.applicationId().equals(id))).as("only once").hasSize(1);
    }
}
