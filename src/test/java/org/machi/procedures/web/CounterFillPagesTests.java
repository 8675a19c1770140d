package org.machi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.Applications;
import org.machi.procedures.CounterStart;
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
 * A counter clerk fills a resident's application on the residents' own step pages under
 * {@code /counter/applications}: the register's facts show as already known, bad input is shown
 * and not saved, and the last page leads back to the counter instead of submitting. Another clerk
 * does not find the draft; staff without the counter permission are refused.
 */
@MachiWebTest
class CounterFillPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Applications applications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private Authentication clerk;
    private String base;

    private MockHttpServletRequestBuilder as(Authentication who, MockHttpServletRequestBuilder request) {
        return request.with(authentication(who)).param("lang", "ja");
    }

    private MvcResult postStep(String step, String... params) throws Exception {
        MockHttpServletRequestBuilder request = as(clerk, post(base + "/" + step)).with(csrf()).param("formVersion", "1");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private static String redirect(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private UUID startFor(Account account, UUID session) {
        return applications.startAtCounter(new CounterStart("sodai-gomi", session, account.reference(), "1000000002",
                new ApplicantFacts("厚木", "一郎", "アツギ", "イチロウ", LocalDate.of(1975, 6, 1), "2430018", "中町3-17-17"),
                "/counter/sessions/" + session));
    }

    @Test
    void theClerkFillsTheStepsWithTheRegistersFactsKnownAndEndsOnTheCheckThatLeadsBackToTheCounter() throws Exception {
        Account account = accounts.staff(StaffRole.COUNTER_STAFF);
        clerk = MachiUserTestSupport.signedIn(account, true);
        UUID session = UUID.randomUUID();
        UUID id = startFor(account, session);
        base = "/counter/applications/" + id;
        String back = "/counter/sessions/" + session;

        assertThat(redirect(mvc.perform(as(clerk, get(base))).andReturn())).isEqualTo(base + "/business");
        Document business = page(mvc.perform(as(clerk, get(base + "/business"))).andReturn());
        assertThat(business.select("form[action=" + base + "/business]")).hasSize(1);
        assertThat(business.select("button[value=save-for-later]")).as("no mailed link at the counter").isEmpty();
        assertThat(business.select("a[href=/my/procedures]")).isEmpty();
        assertThat(business.select("a[href=" + back + "]").text()).startsWith("窓口の画面に戻る");
        assertThat(redirect(postStep("business", "isBusiness", "no"))).isEqualTo(base + "/applicant");

        // the register's facts: already known, with a change link on the counter's pages
        Document applicant = page(mvc.perform(as(clerk, get(base + "/applicant"))).andReturn());
        assertThat(applicant.select("input[name=known]")).extracting(e -> e.attr("value")).containsExactly("familyName", "givenName");
        assertThat(applicant.select("a[href^=" + base + "/applicant?change=familyName]")).hasSize(1);

        // bad input: the problem on the page, nothing saved
        String before = jdbc.sql("SELECT answers_sealed FROM procedures.application WHERE id = :id").param("id", id).query(String.class)
                .single();
        Document bad = page(postStep("applicant", "known", "familyName", "known", "givenName", "phone", "でんわ"));
        assertThat(bad.select(".error-summary a[href=#phone]")).hasSize(1);
        assertThat(jdbc.sql("SELECT answers_sealed FROM procedures.application WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo(before);

        MockHttpServletRequestBuilder applicantStep = as(clerk, post(base + "/applicant")).with(csrf()).param("formVersion", "1")
                .param("known", "familyName").param("known", "givenName").param("phone", "046-225-2790");
        assertThat(redirect(mvc.perform(applicantStep).andReturn())).isEqualTo(base + "/items");
        assertThat(redirect(postStep("items", "items.count", "1", "items[0].itemName", "ソファ", "items[0].itemCount", "1")))
                .isEqualTo(base + "/collection");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        assertThat(redirect(postStep("collection", "collectionDate", today.plusDays(3).toString(), "place", "other", "placeNote", "門の前")))
                .endsWith("/check-answers");

        Document check = page(mvc.perform(as(clerk, get(base + "/check-answers"))).andReturn());
        assertThat(check.select("h1").text()).isEqualTo("入力内容の確認");
        assertThat(check.select("#counter-return").attr("href")).isEqualTo(back);
        assertThat(check.select("form[action$=/check-answers]")).as("no submit here: the counter files the session").isEmpty();
        assertThat(check.select("input[name=declaration]")).isEmpty();
        assertThat(check.select("dd").text()).contains("厚木", "046-225-2790");
        assertThat(check.select("a[href^=" + base + "/applicant?change=]")).isNotEmpty();
        assertThat(applications.counterDrafts(session, account.reference()).get(0).complete()).isTrue();
    }

    @Test
    void anotherClerkFindsNothingAndStaffWithoutTheCounterPermissionAreRefused() throws Exception {
        Account owner = accounts.staff(StaffRole.COUNTER_STAFF);
        UUID id = startFor(owner, UUID.randomUUID());
        base = "/counter/applications/" + id;

        Authentication other = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.COUNTER_STAFF), true);
        assertThat(mvc.perform(as(other, get(base + "/business"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(other, get(base))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(other, post(base + "/business")).with(csrf()).param("formVersion", "1").param("isBusiness", "no"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        Authentication department = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF), true);
        assertThat(mvc.perform(as(department, get(base + "/business"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        Authentication noSecondFactor = MachiUserTestSupport.signedIn(owner, false);
        assertThat(mvc.perform(as(noSecondFactor, get(base + "/business"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/staff/second-factor");
        assertThat(mvc.perform(get(base + "/business")).andReturn().getResponse().getRedirectedUrl()).endsWith("/staff/sign-in");
        Authentication resident = MachiUserTestSupport.signedIn(accounts.resident(), false);
        assertThat(mvc.perform(as(resident, get(base + "/business"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
