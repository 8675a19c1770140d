package org.machi.procedures.bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.Assurance;
import org.machi.identity.ResidentProfile;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.Profiles;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.StoredApplication;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Moving into Atsugi with two children, one under 3: from the plan, one bundle of the three online
 * procedures; the move date, the addresses and the children entered once; three applications
 * submitted one after the other, each with those facts and its own receipt number, and none of
 * the forms asking for them again.
 */
@MachiWebTest
class BundleFlowTests {

    static final String PLAN_QUERY = "direction=into&under3=1&preschool=1&schoolAge=0&care=none&situation=daycare&card=yes";
    static final String PLAN = "/procedures/life-events/moving/plan?" + PLAN_QUERY;

    /** The inputs of the facts on a page: none of them may appear on any step of the forms. */
    static final String FACT_INPUTS = "input[name=moveDate], input[name$=\"Address.postcode\"], input[name$=\"Address.line\"], "
            + "input[name=\"address.postcode\"], input[name=\"address.line\"], input[name^=children]";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts allAccounts;

    @Autowired
    Profiles profiles;

    @Autowired
    Applying applying;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private Account account;
    private Authentication resident;
    private LocalDate today;

    @BeforeEach
    void aResidentSignedInWithTheCard() {
        account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "card-" + UUID.randomUUID() + "@example.jp", null, false,
                Assurance.CARD_VERIFIED, true, Set.of(), Instant.now());
        allAccounts.insert(account);
        // the profile still has the address the resident lives at before the move
        profiles.save(account.id(), new ResidentProfile("厚木", "花子", "アツギ", "ハナコ", LocalDate.of(1990, 4, 1), "2430018",
                "中町3-17-17", null, "046-225-2790", "ja", ResidentProfile.ContactChannel.EMAIL));
        resident = MachiUserTestSupport.signedIn(account, false);
        today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
    }

    private MockHttpServletRequestBuilder as(Authentication who, MockHttpServletRequestBuilder request) {
        return request.with(authentication(who)).param("lang", "ja");
    }

    private static String redirect(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private Document show(String path) throws Exception {
        return page(mvc.perform(as(resident, get(path))).andExpect(status().isOk()).andReturn());
    }

    private MvcResult postFacts(UUID bundle, String... params) throws Exception {
        MockHttpServletRequestBuilder request = as(resident, post("/my/bundles/" + bundle + "/facts")).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private UUID startBundle() throws Exception {
        Document plan = show(PLAN);
        Element form = plan.select("section[aria-labelledby=one-sitting] form[method=post]").first();
        assertThat(form).as("the button for a signed-in resident").isNotNull();
        assertThat(form.select("button").text()).isEqualTo("オンラインの手続をまとめて申請する");
        assertThat(form.select("input[name=_csrf]")).isNotEmpty();
        String action = form.attr("action");
        assertThat(action).isEqualTo("/my/bundles/start/moving?" + PLAN_QUERY);
        MockHttpServletRequestBuilder start = as(resident, post("/my/bundles/start/moving")).with(csrf());
        for (String pair : PLAN_QUERY.split("&")) {
            start.param(pair.split("=")[0], pair.split("=")[1]);
        }
        String location = redirect(mvc.perform(start).andReturn());
        assertThat(location).matches("/my/bundles/[0-9a-f-]{36}/facts");
        return UUID.fromString(location.substring("/my/bundles/".length(), "/my/bundles/".length() + 36));
    }

    private String[] goodFacts() {
        return new String[] {"previousAddress.postcode", "160-0023", "previousAddress.line", "東京都新宿区西新宿1-1-1",
                "moveDate", today.plusDays(10).toString(), "newAddress.postcode", "243-0021", "newAddress.line", "岡田1-2-3",
                "children.count", "2",
                "children[0].childFamilyName", "厚木", "children[0].childGivenName", "一郎", "children[0].childNameKana", "あつぎいちろう",
                "children[0].childBirthDate", today.minusYears(1).toString(),
                "children[1].childFamilyName", "厚木", "children[1].childGivenName", "二葉", "children[1].childNameKana", "アツギフタバ",
                "children[1].childBirthDate", today.minusYears(5).toString()};
    }

    private int applicationsOf(UUID who) {
        return jdbc.sql("SELECT COUNT(*) FROM procedures.application WHERE applicant = :a").param("a", who).query(Integer.class).single();
    }

    @Test
    void movingInWithTwoChildrenTheSharedFactsAreEnteredOnceAndThreeApplicationsAreSubmitted() throws Exception {
        UUID bundle = startBundle();

        // the facts page asks every shared fact once, with the engine's own inputs
        Document facts = show("/my/bundles/" + bundle + "/facts");
        assertThat(facts.select("h1").text()).isEqualTo("まとめて申請：共通の内容");
        assertThat(facts.select("ul.bundle-procedures li").eachText()).hasSize(3);
        for (String input : new String[] {"previousAddress.postcode", "previousAddress.line", "moveDate", "newAddress.postcode",
                "newAddress.line", "children[0].childFamilyName", "children[0].childNameKana", "children[0].childBirthDate"}) {
            assertThat(facts.select("input[name=\"" + input + "\"]")).as(input).hasSize(1);
        }
        assertThat(facts.select("label[for=moveDate]").text()).isEqualTo("引っ越す日");
        assertThat(facts.select(FACT_INPUTS)).as("the selector the forms are checked with finds the facts here").hasSizeGreaterThan(8);
        Document two = page(postFacts(bundle, "children.count", "1", "action", "add:children"));
        assertThat(two.select("input[name$=childFamilyName]")).as("add another child, without script").hasSize(2);
        assertThat(applicationsOf(account.id())).isZero();

        // the facts once; then the first application needs nothing more than checking
        String first = redirect(postFacts(bundle, goodFacts()));
        assertThat(first).matches("/procedures/tennyu-yoyaku/apply/[0-9a-f-]{36}/check-answers");
        assertThat(redirect(postFacts(bundle, goodFacts()))).as("the facts page again starts nothing twice")
                .isEqualTo("/my/bundles/" + bundle);
        assertThat(applicationsOf(account.id())).isEqualTo(3);

        List<String> receipts = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        String next = first;
        String[][] expected = {{"tennyu-yoyaku", "check-answers"}, {"jido-teate", "bank"}, {"hoikusho", "nursery"}};
        for (int i = 0; i < expected.length; i++) {
            String slug = expected[i][0];
            assertThat(next).startsWith("/procedures/" + slug + "/apply/").endsWith("/" + expected[i][1]);
            UUID id = UUID.fromString(next.substring(("/procedures/" + slug + "/apply/").length()).substring(0, 36));
            ids.add(id);
            String base = "/procedures/" + slug + "/apply/" + id;
            StoredApplication draft = applying.application(account.id(), id).orElseThrow();
            // every step of the form: the facts are shown as already known, never as inputs
            for (var step : applying.formOf(draft).orElseThrow().steps()) {
                Document page = show(base + "/" + step.id());
                assertThat(page.select(FACT_INPUTS)).as(slug + " step " + step.id() + " asks no fact again").isEmpty();
            }
            if (slug.equals("jido-teate")) {
                Document applicant = show(base + "/applicant");
                assertThat(applicant.select("input[name=known]")).extracting(e -> e.attr("value")).contains("familyName", "address");
                assertThat(applicant.select("dd").text()).as("the new address wins over the profile's").contains("岡田1-2-3")
                        .doesNotContain("中町3-17-17");
                Document children = show(base + "/children");
                assertThat(children.select("dd").text()).contains("一郎", "イチロウ", "二葉");
                assertThat(children.select("a[href*=change=children]")).as("already known — change").isNotEmpty();
                assertThat(redirect(mvc.perform(as(resident, post(base + "/applicant")).with(csrf()).param("formVersion", "1")
                        .param("known", "familyName").param("known", "address")).andReturn()))
                        .as("kept as known, an address passes").isEqualTo(base + "/children");
                assertThat(redirect(mvc.perform(as(resident, post(base + "/children")).with(csrf()).param("formVersion", "1")
                        .param("known", "children")).andReturn())).as("and so does a group").isEqualTo(base + "/bank");
                assertThat(redirect(mvc.perform(as(resident, post(base + "/bank")).with(csrf()).param("formVersion", "1")
                        .param("bankName", "あつぎ信用金庫")).andReturn())).isEqualTo(base + "/check-answers");
            }
            if (slug.equals("hoikusho")) {
                assertThat(redirect(mvc.perform(as(resident, post(base + "/nursery")).with(csrf()).param("formVersion", "1")
                        .param("wishedNursery", "中町保育所")).andReturn())).isEqualTo(base + "/check-answers");
            }
            Document check = show(base + "/check-answers");
            String key = check.select("input[name=submitKey]").attr("value");
            String afterSubmit = redirect(mvc.perform(as(resident, post(base + "/check-answers")).with(csrf()).param("submitKey", key)
                    .param("declaration", "confirmed")).andReturn());
            assertThat(afterSubmit).isEqualTo("/my/bundles/" + bundle + "?sent=" + id);
            Document bundlePage = show(afterSubmit);
            String receipt = applying.application(account.id(), id).orElseThrow().receiptNumber();
            assertThat(receipt).isNotNull();
            receipts.add(receipt);
            assertThat(bundlePage.select("[role=status]").text()).contains("申請を受け付けました", receipt);
            if (i < expected.length - 1) {
                assertThat(bundlePage.select("#bundle-next").text()).isEqualTo("まとめて申請の次の手続（" + (i + 2) + "件目／全3件）");
                next = bundlePage.select("section[aria-labelledby=bundle-next] a.button").attr("href");
            } else {
                assertThat(bundlePage.select("#bundle-next")).isEmpty();
                assertThat(bundlePage.select("main").text()).contains("まとめて申請した手続は、すべて送信しました。");
                assertThat(bundlePage.select("tbody tr")).hasSize(3);
                assertThat(bundlePage.select("tbody td[translate=no]").eachText()).containsExactlyElementsOf(receipts);
            }
        }
        assertThat(receipts).doesNotHaveDuplicates().hasSize(3);

        // each application holds the facts, recorded as prefilled from the bundle
        Map<String, String> tennyu = applying.application(account.id(), ids.get(0)).orElseThrow().answers().values();
        assertThat(tennyu).containsEntry("moveDate", today.plusDays(10).toString()).containsEntry("newAddress.postcode", "2430021")
                .containsEntry("previousAddress.postcode", "1600023");
        StoredApplication allowance = applying.application(account.id(), ids.get(1)).orElseThrow();
        assertThat(allowance.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(allowance.answers().values()).containsEntry("address.postcode", "2430021").containsEntry("address.line", "岡田1-2-3")
                .containsEntry("children", "2").containsEntry("children[0].childNameKana", "アツギイチロウ")
                .containsEntry("children[1].childBirthDate", today.minusYears(5).toString());
        assertThat(allowance.prefilled()).contains("address", "children", "familyName");
        Map<String, String> daycare = applying.application(account.id(), ids.get(2)).orElseThrow().answers().values();
        assertThat(daycare).containsEntry("children[0].childGivenName", "一郎").containsEntry("wishedNursery", "中町保育所");
        assertThat(jdbc.sql("SELECT from_bundle FROM procedures.bundle_draft WHERE application_id = :id").param("id", ids.get(1))
                .query(String.class).single().split("\n")).containsExactlyInAnyOrder("address", "children");
        assertThat(jdbc.sql("SELECT facts_sealed FROM procedures.bundle WHERE id = :id").param("id", bundle).query(String.class).single())
                .as("sealed at rest").doesNotContain("岡田", "一郎");

        // ordinary applications: My procedures lists them with their receipt numbers
        Document mine = show("/my/procedures");
        assertThat(mine.select("td").text()).contains(receipts.get(0), receipts.get(1), receipts.get(2));
    }

    @Test
    void badFactsAreRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
        UUID bundle = startBundle();
        String[] facts = goodFacts();
        for (int i = 0; i < facts.length; i += 2) {
            if (facts[i].equals("moveDate")) {
                facts[i + 1] = "2025-02-30";
            }
            if (facts[i].equals("children[1].childBirthDate")) {
                facts[i + 1] = "";
            }
        }
        MvcResult refused = postFacts(bundle, facts);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        Document page = page(refused);
        assertThat(page.select(".error-summary[role=alert] a")).extracting(a -> a.attr("href"))
                .containsExactly("#moveDate", "#children[1].childBirthDate");
        assertThat(page.select(".error-summary a").get(1).text()).contains("お子さん 2", "お子さんの生年月日");
        assertThat(page.select("#moveDate").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("input[name=\"children[0].childGivenName\"]").attr("value")).as("what was typed stays").isEqualTo("一郎");
        assertThat(applicationsOf(account.id())).as("no draft started").isZero();
        assertThat(jdbc.sql("SELECT facts_sealed FROM procedures.bundle WHERE id = :id").param("id", bundle).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void anotherAccountsBundleIsNotFoundAndProceduresThatNeedTheCardAreLeftOutSayingWhy() throws Exception {
        UUID bundle = startBundle();
        Authentication other = MachiUserTestSupport.signedIn(accounts.resident(), false);
        mvc.perform(as(other, get("/my/bundles/" + bundle))).andExpect(status().isNotFound());
        mvc.perform(as(other, get("/my/bundles/" + bundle + "/facts"))).andExpect(status().isNotFound());
        mvc.perform(as(other, post("/my/bundles/" + bundle + "/facts")).with(csrf()).param("moveDate", "2030-01-01"))
                .andExpect(status().isNotFound());
        mvc.perform(as(resident, get("/my/bundles/not-an-id"))).andExpect(status().isNotFound());

        // an account confirmed by mail only: the two procedures that need the card are not in its bundle, and it says why
        MockHttpServletRequestBuilder start = as(other, post("/my/bundles/start/moving")).with(csrf());
        for (String pair : PLAN_QUERY.split("&")) {
            start.param(pair.split("=")[0], pair.split("=")[1]);
        }
        String location = redirect(mvc.perform(start).andReturn());
        Document facts = page(mvc.perform(as(other, get(location))).andExpect(status().isOk()).andReturn());
        assertThat(facts.select("ul.bundle-procedures li").eachText()).containsExactly("保育所等 入所申込");
        assertThat(facts.select("section[aria-labelledby=skipped] li").eachText()).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("マイナンバーカードでのサインインが必要です"));
        assertThat(facts.select("input[name=moveDate]")).as("only the facts of the forms in the bundle").isEmpty();
        assertThat(facts.select("input[name$=childBirthDate]")).hasSize(1);
    }

    @Test
    void aResidentNotSignedInIsAskedToSignInAndComesBackToThePlan() throws Exception {
        Document plan = page(mvc.perform(get(PLAN).param("lang", "ja")).andExpect(status().isOk()).andReturn());
        assertThat(plan.select("section[aria-labelledby=one-sitting] form")).isEmpty();
        String signIn = plan.select("section[aria-labelledby=one-sitting] a.button").attr("href");
        assertThat(signIn).isEqualTo("/my/bundles/start/moving?" + PLAN_QUERY);
        assertThat(redirect(mvc.perform(get(signIn)).andReturn())).endsWith("/sign-in");
        assertThat(redirect(mvc.perform(as(resident, get(signIn))).andReturn())).as("after signing in, the same plan")
                .isEqualTo("/procedures/life-events/moving/plan?" + PLAN_QUERY);
    }
}
