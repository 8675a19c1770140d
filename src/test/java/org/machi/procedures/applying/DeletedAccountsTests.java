package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountDeletion;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** When a resident deletes their account, their unfinished drafts go; what they submitted stays as the city's record. */
@MachiWebTest
class DeletedAccountsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountDeletion deletion;

    @Autowired
    JdbcClient jdbc;

    @Test
    void draftsGoWithTheAccountAndSubmittedApplicationsStay() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID submitted = startDraft(resident);
        jdbc.sql("""
                UPDATE procedures.application SET status = 'SUBMITTED', receipt_number = :number, submitted_at = updated_at,
                       draft_expires_at = NULL WHERE id = :id""")
                .param("number", "2026-" + (100000 + (int) (Math.random() * 899999)) + "-0").param("id", submitted).update();
        UUID draft = startDraft(resident);
        assertThat(status(draft)).isEqualTo("DRAFT");

        deletion.deleteResident(account.id());

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> status(draft) == null);
        assertThat(status(submitted)).isEqualTo("SUBMITTED");
    }

    private UUID startDraft(Authentication resident) throws Exception {
        String location = ApplyingFlowTests.redirect(mvc.perform(post("/procedures/sodai-gomi/apply").with(authentication(resident)).with(csrf()))
                .andReturn());
        String base = "/procedures/sodai-gomi/apply/";
        return UUID.fromString(location.substring(location.indexOf(base) + base.length(), location.indexOf(base) + base.length() + 36));
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM procedures.application WHERE id = :id").param("id", id).query(String.class).optional().orElse(null);
    }
}
