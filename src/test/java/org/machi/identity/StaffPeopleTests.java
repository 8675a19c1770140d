package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.Visitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator creates a colleague, changes their roles and resets their sign-in. */
@MachiWebTest
class StaffPeopleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditTrail audit;

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAColleagueWhoCanThenSignIn() throws Exception {
        Account admin = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        var signedIn = MachiUserTestSupport.signedIn(admin, true);
        String staffId = "atsugi." + UUID.randomUUID().toString().substring(0, 6);

        var created = page(mvc.perform(post("/staff/people/new").param("staffId", staffId.toUpperCase()).param("role", "COUNTER_STAFF", "ALERT_OPERATOR", "EMPEROR")
                        .param("displayName", "厚木 花子")
                        .with(authentication(signedIn))
                        .with(csrf()))
                .andReturn());
        String oneTimePassword = created.select(".secret").text();
        assertThat(oneTimePassword).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");

        Account colleague = repository.findByLogin(staffId).orElseThrow();
        assertThat(colleague.roles()).containsExactlyInAnyOrder(StaffRole.COUNTER_STAFF, StaffRole.ALERT_OPERATOR);
        assertThat(colleague.passwordMustChange()).isTrue();
        assertThat(encoder.matches(oneTimePassword, colleague.passwordHash())).isTrue();
        assertThat(audit.latest(10)).filteredOn(e -> colleague.reference().equals(e.subject())).extracting(AuditEntry::action)
                .contains("staff.created", "role.granted");

        Visitor visitor = new Visitor(port);
        visitor.get("/staff/sign-in");
        assertThat(visitor.post("/sign-in", Map.of("login", staffId, "password", oneTimePassword, "audience", "staff")).location())
                .endsWith("/staff/password");
    }

    @Test
    void staffHaveANameADepartmentAndAMailAddressThatIdentifyingPartsAreSealed() throws Exception {
        Account admin = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        var signedIn = MachiUserTestSupport.signedIn(admin, true);
        String staffId = "kiki." + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/staff/people/new").param("staffId", staffId).param("role", "ALERT_APPROVER")
                        .param("displayName", "厚木 太郎").param("department", "kiki-kanri").param("email", "taro@city.example.jp")
                        .with(authentication(signedIn)).with(csrf()))
                .andExpect(status().isOk());
        Account colleague = repository.findByLogin(staffId).orElseThrow();

        var person = page(mvc.perform(get("/staff/people/" + colleague.id()).with(authentication(signedIn))).andReturn());
        assertThat(person.select("#displayName").attr("value")).isEqualTo("厚木 太郎");
        assertThat(person.select("#department option[selected]").eachAttr("value")).containsExactly("kiki-kanri");
        assertThat(person.select("#email").attr("value")).isEqualTo("taro@city.example.jp");
        assertThat(person.select("#email").attr("autocomplete")).isEqualTo("off");
        var list = page(mvc.perform(get("/staff/people").with(authentication(signedIn))).andReturn());
        assertThat(list.select("tbody tr").text()).contains(staffId + " 厚木 太郎 危機管理課");
        String stored = jdbc.sql("SELECT display_name_sealed || ' ' || email_sealed FROM identity.staff_details WHERE account_id = :id")
                .param("id", colleague.id()).query(String.class).single();
        assertThat(stored).doesNotContain("厚木").doesNotContain("taro");

        var refused = page(mvc.perform(post("/staff/people/" + colleague.id() + "/details").param("lang", "en")
                        .param("displayName", " ").param("department", "kiki-kanri").param("email", "taro at city")
                        .with(authentication(signedIn)).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused.select(".error-summary li a").eachAttr("href")).containsExactly("#displayName", "#email");
        assertThat(refused.select(".error-summary").text()).contains("Enter the name to display").contains("not a valid email address");
        assertThat(directory.holding(Permission.APPROVE_ALERTS)).as("nothing changed")
                .contains(new StaffView(colleague.reference(), "厚木 太郎", "kiki-kanri", "危機管理課"));

        mvc.perform(post("/staff/people/" + colleague.id() + "/details").param("displayName", "厚木 次郎")
                        .param("department", "kiki-kanri").param("email", "")
                        .with(authentication(signedIn)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.holding(Permission.APPROVE_ALERTS)).contains(new StaffView(colleague.reference(), "厚木 次郎", "kiki-kanri", "危機管理課"))
                .noneMatch(view -> view.reference().equals(admin.reference()));
        assertThat(audit.latest(10)).filteredOn(e -> colleague.reference().equals(e.subject())).extracting(AuditEntry::action)
                .contains("staff.details.changed");
    }

    @Test
    void mistakesAreNamedAndNothingIsCreated() throws Exception {
        Account admin = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        var signedIn = MachiUserTestSupport.signedIn(admin, true);
        var page = page(mvc.perform(post("/staff/people/new").param("staffId", "a b").param("lang", "en")
                        .with(authentication(signedIn))
                        .with(csrf()))
                .andReturn());
        assertThat(page.select(".error-summary li").eachText()).containsExactly(
                "The staff ID must be 3 to 40 lower-case letters, digits, “.”, “_” or “-”.", "Enter the name to display.",
                "Choose at least one role.");
        assertThat(repository.existsByLogin("a b")).isFalse();

        var taken = page(mvc.perform(post("/staff/people/new").param("staffId", admin.login()).param("role", "CIO").param("lang", "en")
                        .param("displayName", "厚木 一郎")
                        .with(authentication(signedIn))
                        .with(csrf()))
                .andReturn());
        assertThat(taken.select(".error-summary li").text()).contains("already in use");
    }

    @Test
    void rolesChangeAndASignInResetRequiresANewSecondFactor() throws Exception {
        Account admin = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        Account colleague = accounts.staff(StaffRole.COUNTER_STAFF);
        var signedIn = MachiUserTestSupport.signedIn(admin, true);
        Visitor beforeTheChange = signedInWithPassword(colleague);
        assertThat(beforeTheChange.get("/staff/second-factor/enrol").status()).isEqualTo(200);

        mvc.perform(post("/staff/people/" + colleague.id() + "/roles").param("role", "DEPARTMENT_STAFF")
                .with(authentication(signedIn))
                .with(csrf()));
        assertThat(repository.findById(colleague.id()).orElseThrow().roles()).containsExactly(StaffRole.DEPARTMENT_STAFF);
        assertThat(audit.latest(10)).filteredOn(e -> colleague.reference().equals(e.subject()))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .contains(tuple("role.granted", "DEPARTMENT_STAFF"),
                        tuple("role.revoked", "COUNTER_STAFF"));
        assertThat(beforeTheChange.get("/staff/second-factor/enrol").location()).as("a session from before the role change has ended")
                .endsWith("/staff/sign-in");

        Visitor beforeTheReset = signedInWithPassword(colleague);
        assertThat(beforeTheReset.get("/staff/second-factor/enrol").status()).isEqualTo(200);
        var reset = page(mvc.perform(post("/staff/people/" + colleague.id() + "/reset")
                        .with(authentication(signedIn))
                        .with(csrf()))
                .andReturn());
        Account after = repository.findById(colleague.id()).orElseThrow();
        assertThat(after.passwordMustChange()).isTrue();
        assertThat(encoder.matches(reset.select(".secret").text(), after.passwordHash())).isTrue();
        assertThat(beforeTheReset.get("/staff/second-factor/enrol").location()).as("a session from before the reset has ended")
                .endsWith("/staff/sign-in");
    }

    private Visitor signedInWithPassword(Account staff) {
        Visitor visitor = new Visitor(port);
        visitor.get("/staff/sign-in");
        visitor.post("/sign-in", Map.of("login", staff.login(), "password", TestAccounts.PASSWORD, "audience", "staff"));
        return visitor;
    }

    @Test
    void anUnknownPersonIsNotFound() throws Exception {
        Account admin = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        var signedIn = MachiUserTestSupport.signedIn(admin, true);
        for (String id : new String[] {UUID.randomUUID().toString(), "not-an-id", accounts.resident().id().toString()}) {
            mvc.perform(get("/staff/people/" + id)
                            .with(authentication(signedIn)))
                    .andExpect(status().isNotFound());
        }
    }
}
