package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.procedures.applying.ApplyingFlowTests.BASE;
import static org.machi.procedures.applying.ApplyingFlowTests.redirect;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.Assurance;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.ApplicationStatus;
import org.machi.shared.IndividualNumbers;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What applying refuses: another account's draft, skipped steps, forged values and versions, a procedure that needs the card. */
@MachiWebTest
class ApplyingRefusalsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts allAccounts;

    @Autowired
    Applying applying;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private static MockHttpServletRequestBuilder as(Authentication who, MockHttpServletRequestBuilder request) {
        return request.with(authentication(who)).param("lang", "ja");
    }

    private String storedAnswersOf(UUID id) {
        return jdbc.sql("SELECT answers_sealed FROM procedures.application WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void anotherAccountsDraftOrApplicationIsNotFound() throws Exception {
        Account owner = accounts.resident();
        TestApplications fill = new TestApplications(applying, clock);
        UUID draft = fill.completeDraft(owner.id(), "046-225-2790");
        UUID submitted = fill.completeDraft(accounts.resident().id(), "046-225-2791");
        Authentication other = MachiUserTestSupport.signedIn(accounts.resident(), false);
        String before = storedAnswersOf(draft);
        mvc.perform(as(other, get(BASE + "/" + draft + "/business"))).andExpect(status().isNotFound());
        mvc.perform(as(other, post(BASE + "/" + draft + "/business")).with(csrf()).param("formVersion", "1").param("isBusiness", "yes"))
                .andExpect(status().isNotFound());
        mvc.perform(as(other, get(BASE + "/" + draft + "/check-answers"))).andExpect(status().isNotFound());
        mvc.perform(as(other, post(BASE + "/" + draft + "/check-answers")).with(csrf()).param("submitKey", "x")
                .param("declaration", "confirmed")).andExpect(status().isNotFound());
        mvc.perform(as(other, get("/my/procedures/" + draft))).andExpect(status().isNotFound());
        mvc.perform(as(other, post("/my/procedures/" + draft + "/delete")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(as(other, get("/my/procedures/" + submitted + "/withdraw"))).andExpect(status().isNotFound());
        mvc.perform(as(other, get(BASE + "/not-an-id/business"))).andExpect(status().isNotFound());
        assertThat(storedAnswersOf(draft)).as("nothing changed").isEqualTo(before);
        assertThat(applying.application(owner.id(), draft)).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(ApplicationStatus.DRAFT));
    }

    @Test
    void stepsCannotBeSkippedNorSubmittedBeforeTheyAreAnswered() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = applying.start(account.id(), "sodai-gomi");
        String before = storedAnswersOf(id);
        assertThat(redirect(mvc.perform(as(resident, post(BASE + "/" + id + "/collection")).with(csrf()).param("formVersion", "1")
                .param("collectionDate", "2030-01-01").param("place", "door")).andReturn())).isEqualTo(BASE + "/" + id + "/business");
        assertThat(redirect(mvc.perform(as(resident, get(BASE + "/" + id + "/check-answers"))).andReturn()))
                .isEqualTo(BASE + "/" + id + "/business");
        String key = applying.newSubmitKey(applying.draft(account.id(), "sodai-gomi", id).orElseThrow());
        assertThat(redirect(mvc.perform(as(resident, post(BASE + "/" + id + "/check-answers")).with(csrf()).param("submitKey", key)
                .param("declaration", "confirmed")).andReturn())).isEqualTo(BASE + "/" + id + "/business");
        assertThat(storedAnswersOf(id)).as("nothing saved").isEqualTo(before);
        assertThat(applying.application(account.id(), id).orElseThrow().status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(applying.application(account.id(), id).orElseThrow().answers().get("collectionDate")).isNull();
    }

    @Test
    void forgedValuesVersionsAndKeysAreRefusedWithNothingSaved() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = applying.start(account.id(), "sodai-gomi");
        String before = storedAnswersOf(id);
        Document forged = page(mvc.perform(as(resident, post(BASE + "/" + id + "/business")).with(csrf()).param("formVersion", "1")
                .param("isBusiness", "maybe")).andExpect(status().isOk()).andReturn());
        assertThat(forged.select(".error-summary a[href=#isBusiness]").text())
                .isEqualTo("事業所のごみですか：選べない値が送られました。一覧から選び直してください。");
        assertThat(redirect(mvc.perform(as(resident, post(BASE + "/" + id + "/business")).with(csrf()).param("formVersion", "7")
                .param("isBusiness", "no")).andReturn())).as("a form version the draft was not made with").endsWith("/business");
        assertThat(storedAnswersOf(id)).isEqualTo(before);

        TestApplications fill = new TestApplications(applying, clock);
        UUID complete = fill.completeDraft(account.id(), "046-225-2790");
        fill.submitKey(account.id(), complete);
        assertThat(redirect(mvc.perform(as(resident, post(BASE + "/" + complete + "/check-answers")).with(csrf())
                .param("submitKey", "forged").param("declaration", "confirmed")).andReturn()))
                .as("an old or forged key: check the answers again").isEqualTo(BASE + "/" + complete + "/check-answers");
        assertThat(applying.application(account.id(), complete).orElseThrow().status()).isEqualTo(ApplicationStatus.DRAFT);
    }

    @Test
    void aMyNumberInTextIsRefusedNamingTheField() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        TestApplications fill = new TestApplications(applying, clock);
        UUID id = applying.start(account.id(), "sodai-gomi");
        fill.answer(account.id(), id, "business", TestApplications.MapInput.of("isBusiness", "no"));
        fill.answer(account.id(), id, "applicant", TestApplications.MapInput.of("familyName", "厚木", "givenName", "太郎", "phone", "0462252790"));
        String myNumber = validIndividualNumber();
        Document refused = page(mvc.perform(as(resident, post(BASE + "/" + id + "/items")).with(csrf()).param("formVersion", "1")
                .param("items.count", "1").param("items[0].itemName", "番号 " + myNumber).param("items[0].itemCount", "1")).andReturn());
        assertThat(refused.select(".error-summary a[href=#items[0].itemName]").text())
                .isEqualTo("品目 1 品名にマイナンバー（個人番号）は書かないでください。マイナンバーは、必要な手続でだけ専用の方法でお聞きします。");
        assertThat(applying.application(account.id(), id).orElseThrow().answers().values()).doesNotContainKey("items[0].itemName");
    }

    private static String validIndividualNumber() {
        for (int check = 0; check < 10; check++) {
            String candidate = "12345678901" + check;
            if (IndividualNumbers.isValid(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no check digit fits");
    }

    @Test
    void aProcedureThatNeedsTheCardRefusesAnAccountConfirmedByMailOnly() throws Exception {
        Authentication byMail = MachiUserTestSupport.signedIn(accounts.resident(), false);
        Document refused = page(mvc.perform(as(byMail, get("/procedures/juminhyo/apply"))).andExpect(status().isForbidden()).andReturn());
        assertThat(refused.select("[role=alert]").text()).startsWith("この手続をオンラインで申請するには、マイナンバーカードでのサインインが必要です。");
        assertThat(refused.select("a[href=/oauth2/authorization/mynumber]")).isNotEmpty();
        assertThat(redirect(mvc.perform(as(byMail, post("/procedures/juminhyo/apply")).with(csrf())).andReturn()))
                .as("and starts no draft").isEqualTo("/procedures/juminhyo/apply");
        Account card = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "card-" + UUID.randomUUID() + "@example.jp", null, false,
                Assurance.CARD_VERIFIED, true, Set.of(), Instant.now());
        allAccounts.insert(card);
        Authentication byCard = MachiUserTestSupport.signedIn(card, false);
        mvc.perform(as(byCard, get("/procedures/juminhyo/apply"))).andExpect(status().isOk());
        assertThat(redirect(mvc.perform(as(byCard, post("/procedures/juminhyo/apply")).with(csrf())).andReturn())).endsWith("/copies");
        mvc.perform(as(byCard, get("/procedures/kyufukin/apply"))).andExpect(status().isNotFound());
        mvc.perform(as(byCard, get("/procedures/inkan-shomei/apply"))).andExpect(status().isNotFound());
    }

    @Test
    void earlierAnswersFillANewDraftWhereTheProfileHasNothing() {
        Account account = accounts.resident();
        TestApplications fill = new TestApplications(applying, clock);
        UUID first = fill.completeDraft(account.id(), "046-111-2222");
        assertThat(fill.submit(account.id(), first).result()).isEqualTo(Applying.SubmitResult.SUBMITTED);
        UUID second = applying.start(account.id(), "sodai-gomi");
        StoredApplication draft = applying.application(account.id(), second).orElseThrow();
        assertThat(draft.answers().get("phone")).isEqualTo("0461112222");
        assertThat(draft.answers().get("email")).as("from the account").isEqualTo(account.login());
        assertThat(draft.prefilled()).containsExactlyInAnyOrder("familyName", "givenName", "phone", "email");
        assertThat(draft.answers().get("isBusiness")).as("only fields with a prefill key or a fact").isNull();
    }

    @Test
    void aDraftCanBeDeletedAndAnApiCallWithoutSessionGetsAProblem() throws Exception {
        Account account = accounts.resident();
        UUID id = applying.start(account.id(), "sodai-gomi");
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        Document mine = page(mvc.perform(as(resident, get("/my/procedures"))).andReturn());
        assertThat(mine.select("form[action=/my/procedures/" + id + "/delete] button").attr("aria-label")).contains("粗大ごみ");
        assertThat(redirect(mvc.perform(as(resident, post("/my/procedures/" + id + "/delete")).with(csrf())).andReturn()))
                .isEqualTo("/my/procedures");
        assertThat(applying.application(account.id(), id)).isEmpty();
        String problem = mvc.perform(get("/api/v1/procedures/applications")).andExpect(status().isUnauthorized()).andReturn()
                .getResponse().getContentAsString();
        assertThat(problem).contains("\"status\":401");
        assertThat(mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse().getContentAsString())
                .as("in the OpenAPI document").contains("/api/v1/procedures/applications", "myApplications");
        Document account_ = page(mvc.perform(as(resident, get("/account"))).andReturn());
        assertThat(account_.select("a[href=/my/procedures]").text()).isEqualTo("わたしの手続（申請の状況）");
    }
}
