package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.shared.CaseProgress;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * My procedures and the application page with a {@link CaseProgress} (a test one standing in for
 * casework's): the case's state in the resident's language, the city's request with a reply link,
 * and no withdrawal once the case is decided.
 */
@MachiWebTest
@org.springframework.context.annotation.Import(CaseProgressPagesTests.Cases.class)
class CaseProgressPagesTests {

    /** Cases set by the test, by application id. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Cases {

        static final Map<UUID, CaseProgress.Progress> PROGRESS = new ConcurrentHashMap<>();

        @Bean
        @Primary
        CaseProgress testCaseProgress() {
            return new CaseProgress() {
                @Override
                public Map<UUID, Progress> of(Collection<UUID> applicationIds) {
                    Map<UUID, Progress> found = new java.util.HashMap<>();
                    applicationIds.forEach(id -> {
                        if (PROGRESS.containsKey(id)) {
                            found.put(id, PROGRESS.get(id));
                        }
                    });
                    return found;
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Applying applying;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private Authentication resident;

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String lang) {
        return request.with(authentication(resident)).param("lang", lang);
    }

    private UUID submitted(Account account) {
        TestApplications forms = new TestApplications(applying, clock);
        UUID id = forms.completeDraft(account.id(), "046-225-2790");
        assertThat(forms.submit(account.id(), id).result()).isEqualTo(Applying.SubmitResult.SUBMITTED);
        return id;
    }

    @Test
    void theCasesStateRequestAndReplyLinkShowAndADecidedCaseCannotBeWithdrawn() throws Exception {
        Account account = accounts.resident();
        resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = submitted(account);

        // no case yet: the application's own status
        Document before = page(mvc.perform(as(get("/my/procedures/" + id), "ja")).andReturn());
        assertThat(before.select("#status").text()).isEqualTo("送信済み（受付を待っています）");
        assertThat(before.select("#case-reason")).isEmpty();

        Cases.PROGRESS.put(id, new CaseProgress.Progress("NEEDS_INFORMATION", false, "住民票の写しを添付してください。",
                "/my/cases/" + id + "/reply", Instant.parse("2026-12-01T01:00:00Z")));
        Document list = page(mvc.perform(as(get("/my/procedures"), "ja")).andReturn());
        assertThat(list.select("tbody td").text()).contains("追加の書類・情報をお願いしています");
        assertThat(list.select("tbody a[href=/my/cases/" + id + "/reply]").text()).isEqualTo("回答する");
        assertThat(list.select("tbody a[href=/my/cases/" + id + "/reply]").attr("aria-label")).endsWith("についてのお願いに回答する");
        Document asked = page(mvc.perform(as(get("/my/procedures/" + id), "ja")).andReturn());
        assertThat(asked.select("#status").text()).isEqualTo("追加の書類・情報をお願いしています");
        assertThat(asked.select("dt:containsOwn(市からのお願い)")).hasSize(1);
        assertThat(asked.select("#case-reason").text()).contains("住民票の写しを添付してください。");
        assertThat(asked.select("#case-reply").attr("href")).isEqualTo("/my/cases/" + id + "/reply");
        assertThat(asked.select("a[href=/my/procedures/" + id + "/withdraw]")).as("still withdrawable").hasSize(1);
        Document english = page(mvc.perform(as(get("/my/procedures/" + id), "en")).andReturn());
        assertThat(english.select("#status").text()).isEqualTo("More documents or information needed");

        Cases.PROGRESS.put(id, new CaseProgress.Progress("REJECTED", true, "所得が基準を超えています。", null,
                Instant.parse("2026-12-02T01:00:00Z")));
        Document rejected = page(mvc.perform(as(get("/my/procedures/" + id), "ja")).andReturn());
        assertThat(rejected.select("#status").text()).isEqualTo("承認されませんでした");
        assertThat(rejected.select("dt:containsOwn(理由)")).hasSize(1);
        assertThat(rejected.select("#case-reason").text()).isEqualTo("所得が基準を超えています。");
        assertThat(rejected.select("#case-reply")).isEmpty();
        assertThat(rejected.select("a[href=/my/procedures/" + id + "/withdraw]")).as("decided: no withdrawal").isEmpty();

        assertThat(mvc.perform(as(get("/my/procedures/" + id + "/withdraw"), "ja")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/my/procedures/" + id);
        mvc.perform(as(post("/my/procedures/" + id + "/withdraw"), "ja").with(csrf())).andReturn();
        assertThat(jdbc.sql("SELECT status FROM procedures.application WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("SUBMITTED");
        assertThat(applying.withdraw(account.id(), id)).isFalse();

        Cases.PROGRESS.remove(id);
    }
}
