package org.machi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@MachiWebTest
class AuditPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Test
    void anOperatorSeesTheChainIntactAndTheirOwnVisitRecorded() throws Exception {
        Account operator = accounts.staff(StaffRole.INFORMATION_POLICY);
        var page = page(mvc.perform(get("/staff/audit").param("lang", "en").with(authentication(MachiUserTestSupport.signedIn(operator, true))))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("main .notice").text()).contains("No alteration or removal was found");
        assertThat(page.select("tbody tr").first().text()).contains(operator.reference()).contains("Viewed the audit trail");
    }

    @Test
    void entriesNameTheStaffMemberAndReadInTheReadersLanguage() throws Exception {
        Account operator = accounts.staff(StaffRole.INFORMATION_POLICY);
        staff.changeDetails(operator.id(), new StaffDetails("監査 花子", "情報政策課", null), "system");
        var signedIn = MachiUserTestSupport.signedIn(operator, true);
        var english = page(mvc.perform(get("/staff/audit").param("lang", "en").with(authentication(signedIn)))
                .andExpect(status().isOk()).andReturn());
        var cells = english.select("tbody tr").first().select("td");
        assertThat(cells.get(2).select("span").first().text()).isEqualTo("監査 花子（情報政策課）");
        assertThat(cells.get(3).text()).isEqualTo("Viewed the audit trail");
        var japanese = page(mvc.perform(get("/staff/audit").with(authentication(signedIn))).andReturn());
        assertThat(japanese.select("tbody tr").first().text()).contains("監査ログを閲覧").doesNotContain("audit-trail.viewed");
        assertThat(japanese.select("tbody tr").select("td:nth-child(4)").eachText()).as("every event has its wording")
                .noneMatch(text -> text.matches("[a-z-]+(\\.[a-z-]+)+"));
    }

    @Test
    @Transactional
    void aTamperedEntryIsNamedOnThePage() throws Exception {
        Account operator = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        long seq = jdbc.sql("SELECT max(seq) FROM audit.entry").query(Long.class).single();
        jdbc.sql("UPDATE audit.entry SET actor = 'someone' WHERE seq = :seq").param("seq", seq).update();
        var page = page(mvc.perform(get("/staff/audit").with(authentication(MachiUserTestSupport.signedIn(operator, true))))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("main .error-summary").text())
                .contains("記録番号 " + seq + " で確認に失敗しました（記録が書き換えられています）");
    }

    @Test
    void theExportIsADownloadOfJsonLines() throws Exception {
        Account operator = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        var response = mvc.perform(get("/staff/audit/export").with(authentication(MachiUserTestSupport.signedIn(operator, true))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"machi-audit-")))
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        assertThat(response.getContentAsString().lines()).allMatch(line -> line.startsWith("{\"seq\":"));
    }
}
