package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff see who drafted and who approved by name; approvers hear of a draft waiting for them. */
@MachiWebTest
class AlertApprovalByNameTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    GreenMail greenMail;

    @Autowired
    Clock clock;

    @Test
    void approversAreToldByMailAndOnTheirHomePageAndEveryoneSeesNames() throws Exception {
        Account operatorAccount = accounts.staff(StaffRole.ALERT_OPERATOR);
        // the operator's department is the city profile's code; the approver's was recorded before departments had
        // codes, as its name: both read as 危機管理課
        staff.changeDetails(operatorAccount.id(), new StaffDetails("作成 一郎", "kiki-kanri", null), "system");
        Account approverAccount = accounts.staff(StaffRole.ALERT_APPROVER);
        String approverMail = "shonin-" + UUID.randomUUID().toString().substring(0, 8) + "@city.example.jp";
        staff.changeDetails(approverAccount.id(), new StaffDetails("承認 花子", "危機管理課", approverMail), "system");
        Authentication operator = MachiUserTestSupport.signedIn(operatorAccount, true);
        Authentication approver = MachiUserTestSupport.signedIn(approverAccount, true);

        UUID id = draft(operator);
        Document draft = show(operator, id);
        assertThat(draft.select("dd.author").text()).isEqualTo("作成 一郎（危機管理課）");
        assertThat(draft.select("#approvers li").eachText()).contains("承認 花子（危機管理課）")
                .doesNotContain("作成 一郎（危機管理課）");

        mvc.perform(post("/staff/alerts/" + id + "/submit").with(authentication(operator)).with(csrf()));
        var mail = new Mailbox(greenMail).to(approverMail);
        assertThat(mail.getSubject()).contains("承認").contains("避難指示");
        assertThat(Mailbox.text(mail)).contains("作成 一郎（危機管理課）").contains("http://machi.test/staff/alerts/" + id);

        Document home = page(mvc.perform(get("/staff").with(authentication(approver))).andReturn());
        assertThat(home.select("a[href=/staff/alerts].waiting").text()).matches("承認を待っている緊急情報が\\d+件あります");
        Document operatorHome = page(mvc.perform(get("/staff").with(authentication(operator))).andReturn());
        assertThat(operatorHome.select("a.waiting")).as("an operator approves nothing").isEmpty();

        mvc.perform(post("/staff/alerts/" + id + "/approve").with(authentication(approver)).with(csrf()));
        assertThat(show(approver, id).select("dd.approver").text()).isEqualTo("承認 花子（危機管理課）");
    }

    private Document show(Authentication who, UUID id) throws Exception {
        return page(mvc.perform(get("/staff/alerts/" + id).with(authentication(who))).andReturn());
    }

    private UUID draft(Authentication who) throws Exception {
        var now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        MockHttpServletRequestBuilder request = post("/staff/alerts/new").param("kind", "EVACUATION_ORDER")
                .param("district", "echi-kita").param("shelters", "依知小学校")
                .param("effective", LOCAL.format(now)).param("expires", LOCAL.format(now.plusHours(12)))
                .param("urgency", "IMMEDIATE").param("severity", "SEVERE").param("certainty", "LIKELY");
        String location = mvc.perform(request.with(authentication(who)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/staff/alerts/");
        return UUID.fromString(location.substring("/staff/alerts/".length()));
    }
}
