package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertStore;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A start long past or an end far ahead is most often a slip (a wrong year, a month for a day): the
 * form asks the operator to confirm it before anything is saved; a time beyond any sense is refused.
 */
@MachiWebTest
class AlertTimesTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertStore store;

    @Autowired
    AlertDesk desk;

    @Autowired
    Clock clock;

    @Test
    void aStartLongPastOrAnEndFarAheadIsSavedOnlyOnceConfirmed() throws Exception {
        ZonedDateTime now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        String[][] cases = {
                {"effective", LOCAL.format(now.minusDays(3)), LOCAL.format(now.plusHours(3))},
                {"effective", LOCAL.format(now.plusDays(45)), ""},
                {"expires", LOCAL.format(now), LOCAL.format(now.plusDays(60))}};
        for (String[] times : cases) {
            int before = drafts();
            Document page = page(mvc.perform(roadClosure(times[1], times[2])).andExpect(status().isOk()).andReturn());
            assertThat(page.select("#check-summary a").eachAttr("href")).as(times[0]).containsExactly("#" + times[0]);
            assertThat(page.select("#check-summary").text()).doesNotContain("??").contains("確認");
            assertThat(page.select("label[for=confirmed]").text()).isNotBlank();
            assertThat(page.select("#" + times[0]).val()).as("what was typed is shown again").isEqualTo(times[0].equals("effective")
                    ? times[1] : times[2]);
            assertThat(drafts()).as("nothing saved yet").isEqualTo(before);

            String location = mvc.perform(roadClosure(times[1], times[2]).param("confirmed", "on")).andReturn().getResponse()
                    .getRedirectedUrl();
            assertThat(location).as("confirmed, it is saved").startsWith("/staff/alerts/");
        }
    }

    @Test
    void aTimeBeyondAnySenseIsRefusedWithAMessage() throws Exception {
        ZonedDateTime now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        int before = drafts();
        for (String[] times : new String[][] {{"999999999-01-01T00:00", ""}, {LOCAL.format(now), "275760-09-13T00:00"},
                {"1900-01-01T00:00", ""}}) {
            Document page = page(mvc.perform(roadClosure(times[0], times[1]).param("confirmed", "on"))
                    .andExpect(status().isOk()).andReturn());
            assertThat(page.select(".error-summary a").text()).as(times[0] + " " + times[1]).isNotBlank().doesNotContain("??");
        }
        assertThat(drafts()).isEqualTo(before);
    }

    @Test
    void anUpdateKeepingTheOriginalStartAsksNothing() throws Exception {
        ZonedDateTime now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        String location = mvc.perform(roadClosure(LOCAL.format(now.minusDays(2)), LOCAL.format(now.plusDays(1))).param("confirmed", "on"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID original = UUID.fromString(location.substring("/staff/alerts/".length()));
        desk.submit(original, store.find(original).orElseThrow().author());
        desk.approve(original, "test:approver");
        Document form = page(mvc.perform(get("/staff/alerts/" + original + "/update").with(authentication(operator()))).andReturn());
        String update = mvc.perform(post("/staff/alerts/" + original + "/update").param("district", "koayu", "ogino")
                        .param("effective", form.select("#effective").val()).param("expires", form.select("#expires").val())
                        .with(authentication(operator())).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(update).as("the start the order had is no slip").startsWith("/staff/alerts/");
    }

    private MockHttpServletRequestBuilder roadClosure(String effective, String expires) {
        return post("/staff/alerts/new").param("kind", "ROAD_CLOSURE").param("district", "koayu")
                .param("effective", effective).param("expires", expires).with(authentication(operator())).with(csrf());
    }

    private Authentication operator() {
        return MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true);
    }

    private int drafts() {
        return jdbc.sql("SELECT COUNT(*) FROM alerts.alert").query(Integer.class).single();
    }
}
