package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** A staff member belongs to one of the city profile's departments, chosen from a list, or to none. */
@MachiWebTest
class StaffDepartmentsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts repository;

    @Autowired
    StaffAccounts staff;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorChoosesADepartmentOfTheCityProfileOrNone() throws Exception {
        Authentication admin = administrator();
        var form = page(mvc.perform(get("/staff/people/new").with(authentication(admin))).andReturn());
        assertThat(form.select("label[for=department]").text()).isEqualTo("所属");
        assertThat(form.select("select#department option").eachAttr("value")).containsExactly("", "shimin", "shiminzei",
                "kosodate-kyufu", "hoiku", "kaigo", "seikatsu-kankyo", "kankyo-center", "kyufukin", "kiki-kanri");
        assertThat(form.select("select#department option").eachText()).startsWith("所属なし", "市民課", "市民税課")
                .endsWith("危機管理課");
        assertThat(form.select("select#department option[selected]").eachAttr("value")).containsExactly("");
        var english = page(mvc.perform(get("/staff/people/new").param("lang", "en").with(authentication(admin))).andReturn());
        assertThat(english.select("select#department option").eachText()).startsWith("No department", "Citizens Division (市民課)")
                .endsWith("Crisis Management Division (危機管理課)");

        String staffId = "hoiku." + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/staff/people/new").param("staffId", staffId).param("role", "DEPARTMENT_STAFF")
                        .param("displayName", "保育 一郎").param("department", "hoiku").with(authentication(admin)).with(csrf()))
                .andExpect(status().isOk());
        Account colleague = repository.findByLogin(staffId).orElseThrow();
        assertThat(storedDepartment(colleague)).as("the code is stored").isEqualTo("hoiku");
        assertThat(directory.find(colleague.reference())).hasValue(new StaffView(colleague.reference(), "保育 一郎", "hoiku", "保育課"));
        assertThat(directory.find(colleague.reference()).orElseThrow().label()).isEqualTo("保育 一郎（保育課）");
        assertThat(directory.departmentOf(colleague.reference())).hasValue("hoiku");
        assertThat(directory.namesOf(java.util.List.of(colleague.reference()))).containsEntry(colleague.reference(), "保育 一郎（保育課）");
        var list = page(mvc.perform(get("/staff/people").with(authentication(admin))).andReturn());
        assertThat(list.select("tbody tr").text()).contains(staffId + " 保育 一郎 保育課");

        mvc.perform(post("/staff/people/" + colleague.id() + "/details").param("displayName", "保育 一郎").param("department", "")
                        .with(authentication(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(storedDepartment(colleague)).isNull();
        assertThat(directory.find(colleague.reference())).hasValue(new StaffView(colleague.reference(), "保育 一郎", null, null));
        assertThat(directory.find(colleague.reference()).orElseThrow().label()).isEqualTo("保育 一郎");
        assertThat(directory.departmentOf(colleague.reference())).isEmpty();
    }

    @Test
    void aDepartmentThatIsNotInTheListIsRefusedAndNothingChanges() throws Exception {
        Authentication admin = administrator();
        String staffId = "somu." + UUID.randomUUID().toString().substring(0, 6);
        var refused = page(mvc.perform(post("/staff/people/new").param("staffId", staffId).param("role", "DEPARTMENT_STAFF")
                        .param("displayName", "総務 花子").param("department", "somu").param("lang", "en")
                        .with(authentication(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused.select(".error-summary li a").eachAttr("href")).containsExactly("#department");
        assertThat(refused.select(".error-summary li").eachText()).containsExactly("Choose the department from the list.");
        assertThat(refused.select("select#department").attr("aria-invalid")).isEqualTo("true");
        assertThat(repository.existsByLogin(staffId)).as("nothing created").isFalse();

        Account colleague = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(colleague.id(), new StaffDetails("市民 次郎", "shimin", null), "test:administrator");
        for (String tampered : new String[] {"危機管理課", "KIKI-KANRI", "kiki-kanri'--"}) {
            var japanese = page(mvc.perform(post("/staff/people/" + colleague.id() + "/details").param("displayName", "市民 三郎")
                            .param("department", tampered).with(authentication(admin)).with(csrf()))
                    .andExpect(status().isOk()).andReturn());
            assertThat(japanese.select(".error-summary li").eachText()).as(tampered).containsExactly("所属は一覧にある課から選んでください。");
        }
        assertThat(directory.find(colleague.reference())).as("nothing changed")
                .hasValue(new StaffView(colleague.reference(), "市民 次郎", "shimin", "市民課"));
    }

    @Test
    void aDepartmentRecordedByNameBeforeDepartmentsHadCodesIsReadAsThatDepartment() throws Exception {
        Authentication admin = administrator();
        Account colleague = accounts.staff(StaffRole.ALERT_OPERATOR);
        staff.changeDetails(colleague.id(), new StaffDetails("防災 太郎", "危機管理課", null), "test:administrator");

        assertThat(directory.find(colleague.reference())).hasValue(new StaffView(colleague.reference(), "防災 太郎", "kiki-kanri", "危機管理課"));
        assertThat(directory.departmentOf(colleague.reference())).hasValue("kiki-kanri");
        var person = page(mvc.perform(get("/staff/people/" + colleague.id()).with(authentication(admin))).andReturn());
        assertThat(person.select("select#department option[selected]").eachAttr("value")).containsExactly("kiki-kanri");
        assertThat(person.select("#department-recorded")).isEmpty();
        assertThat(page(mvc.perform(get("/staff/people").with(authentication(admin))).andReturn()).select("tbody tr").text())
                .contains(colleague.login() + " 防災 太郎 危機管理課");
    }

    @Test
    void aRecordedDepartmentThatMatchesNoneIsShownAsRecordedUntilTheAdministratorChoosesOne() throws Exception {
        Authentication admin = administrator();
        Account colleague = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(colleague.id(), new StaffDetails("広報 花子", "広報課", null), "test:administrator");

        StaffView view = directory.find(colleague.reference()).orElseThrow();
        assertThat(view).isEqualTo(new StaffView(colleague.reference(), "広報 花子", null, "広報課"));
        assertThat(view.label()).isEqualTo("広報 花子（広報課）");
        assertThat(directory.departmentOf(colleague.reference())).as("what belonged to it still does").hasValue("広報課");
        var person = page(mvc.perform(get("/staff/people/" + colleague.id()).with(authentication(admin))).andReturn());
        assertThat(person.select("select#department option[selected]").eachAttr("value")).containsExactly("");
        assertThat(person.select("#department-recorded").text()).contains("「広報課」").contains("一覧から選び直してください");
        assertThat(person.select("select#department").attr("aria-describedby")).isEqualTo("department-hint department-recorded");

        mvc.perform(post("/staff/people/" + colleague.id() + "/details").param("displayName", "広報 花子").param("department", "shimin")
                        .with(authentication(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.find(colleague.reference())).hasValue(new StaffView(colleague.reference(), "広報 花子", "shimin", "市民課"));
        assertThat(page(mvc.perform(get("/staff/people/" + colleague.id()).with(authentication(admin))).andReturn())
                .select("#department-recorded")).isEmpty();
    }

    private Authentication administrator() {
        return MachiUserTestSupport.signedIn(accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR), true);
    }

    private String storedDepartment(Account account) {
        return jdbc.sql("SELECT department FROM identity.staff_details WHERE account_id = :id").param("id", account.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }
}
