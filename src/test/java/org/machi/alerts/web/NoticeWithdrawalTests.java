package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.alerts.publishing.NoticeDesk;
import org.machi.alerts.publishing.NoticeStore;
import org.machi.audit.AuditTrail;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** A notice belongs to its department: another department's publisher cannot withdraw it, and the attempt is on record. */
@MachiWebTest
class NoticeWithdrawalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    NoticeDesk desk;

    @Autowired
    NoticeStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyPublishersOfTheNoticesDepartmentMayWithdrawIt() throws Exception {
        Account author = publisherOf("環境課");
        Account colleague = publisherOf("環境課");
        Account stranger = publisherOf("福祉課");
        Notice notice = desk.publish(NoticeCategory.GARBAGE, Map.of("ja", new NoticeText("粗大ごみの日の変更", "収集日が変わります。")),
                Set.of(), null, author.reference());
        assertThat(notice.department()).isEqualTo("環境課");

        assertThat(page(mvc.perform(get("/staff/notices/" + notice.id()).with(authentication(signedIn(stranger)))).andReturn())
                .select("form[action$=/withdraw]")).as("no withdraw button for another department").isEmpty();
        var refused = page(mvc.perform(post("/staff/notices/" + notice.id() + "/withdraw").with(authentication(signedIn(stranger)))
                .with(csrf()).header("Accept-Language", "en")).andExpect(status().isForbidden()).andReturn());
        assertThat(refused.select("h1").text()).isEqualTo("You cannot withdraw another department's notice");
        assertThat(store.find(notice.id()).orElseThrow().state()).isEqualTo(Notice.State.PUBLISHED);
        assertThat(audit.latest(20)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("notice.withdrawal.refused");
            assertThat(entry.actor()).isEqualTo(stranger.reference());
            assertThat(entry.subject()).isEqualTo("notice-" + notice.id());
        });

        assertThat(page(mvc.perform(get("/staff/notices/" + notice.id()).with(authentication(signedIn(colleague)))).andReturn())
                .select("form[action$=/withdraw]")).hasSize(1);
        mvc.perform(post("/staff/notices/" + notice.id() + "/withdraw").with(authentication(signedIn(colleague))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Notice withdrawn = store.find(notice.id()).orElseThrow();
        assertThat(withdrawn.state()).isEqualTo(Notice.State.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo(colleague.reference());
    }

    @Test
    void aNoticeOfNoDepartmentIsItsAuthorsAlone() throws Exception {
        Account author = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        Account other = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        Notice notice = desk.publish(NoticeCategory.EVENTS, Map.of("ja", new NoticeText("市民まつり", "開きます。")), Set.of(), null,
                author.reference());
        mvc.perform(post("/staff/notices/" + notice.id() + "/withdraw").with(authentication(signedIn(other))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/notices/" + notice.id() + "/withdraw").with(authentication(signedIn(author))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(store.find(notice.id()).orElseThrow().state()).isEqualTo(Notice.State.WITHDRAWN);
    }

    @Test
    void aNoticeIsItsAuthorsDepartmentCodeAndOneRecordedByNameStillBelongsToThatDepartment() throws Exception {
        Account author = publisherOf("seikatsu-kankyo");
        Account colleague = publisherOf("生活環境課");
        Account stranger = publisherOf("kiki-kanri");
        Notice notice = desk.publish(NoticeCategory.GARBAGE, Map.of("ja", new NoticeText("資源ごみの日", "収集日のお知らせです。")),
                Set.of(), null, author.reference());
        assertThat(notice.department()).isEqualTo("seikatsu-kankyo");
        assertThat(desk.mayWithdraw(notice, colleague.reference())).as("their department recorded by its name").isTrue();
        assertThat(desk.mayWithdraw(notice, stranger.reference())).isFalse();

        Notice older = desk.publish(NoticeCategory.GARBAGE, Map.of("ja", new NoticeText("粗大ごみの受付", "受付日が変わります。")),
                Set.of(), null, author.reference());
        jdbc.sql("UPDATE alerts.notice SET department = '生活環境課' WHERE id = ?").param(older.id()).update();
        Notice published = store.find(older.id()).orElseThrow();
        assertThat(published.department()).as("published before departments had codes").isEqualTo("seikatsu-kankyo");
        assertThat(desk.mayWithdraw(published, stranger.reference())).isFalse();
        mvc.perform(post("/staff/notices/" + older.id() + "/withdraw").with(authentication(signedIn(colleague))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(store.find(older.id()).orElseThrow().state()).isEqualTo(Notice.State.WITHDRAWN);
    }

    private Account publisherOf(String department) {
        Account account = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(account.id(), new StaffDetails("職員 " + UUID.randomUUID().toString().substring(0, 8), department, null),
                "test:administrator");
        return account;
    }

    private static Authentication signedIn(Account account) {
        return MachiUserTestSupport.signedIn(account, true);
    }
}
