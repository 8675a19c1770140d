package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.Assurance;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormJson;
import org.machi.procedures.forms.FormVersions;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Text;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** Staff publish a new version of a form while a resident is half way through the old one: the old draft completes on its version. */
@MachiWebTest
class FormVersionsWhileApplyingTests {

    private static final String SLUG = "tenshutsu"; // no test form and no other test publishes one
    private static final String BASE = "/procedures/" + SLUG + "/apply";

    @Autowired
    MockMvc mvc;

    @Autowired
    FormVersions versions;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDraftBegunOnVersionOneIsSubmittedOnVersionOneAfterVersionTwoIsPublished() throws Exception {
        FormDefinition one = new FormDefinition(SLUG, List.of(step("destination", "newCity", "転出先の市区町村")), Text.of("届け出ます"));
        versions.seed(one, FormJson.write(one), Instant.now());
        Account account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "versions-" + UUID.randomUUID() + "@example.jp", null, false,
                Assurance.CARD_VERIFIED, true, Set.of(), Instant.now());
        accounts.insert(account);
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        String started = ApplyingFlowTests.redirect(mvc.perform(post(BASE).with(authentication(resident)).with(csrf())).andReturn());
        UUID id = UUID.fromString(started.substring(BASE.length() + 1, BASE.length() + 37));
        assertThat(started).endsWith("/destination");

        FormDefinition two = new FormDefinition(SLUG, List.of(step("moveDate", "movedOn", "転出する日")), Text.of("届け出ます"));
        versions.saveDraft(SLUG, two, "staff-test");
        versions.publishDraft(SLUG, "staff-test");
        assertThat(versions.current(SLUG).orElseThrow().version()).isEqualTo(2);

        // the resident goes on with the form they began: version 1's step, then its check page
        assertThat(ApplyingFlowTests.redirect(mvc.perform(post(BASE + "/" + id + "/destination").with(authentication(resident)).with(csrf())
                .param("formVersion", "1").param("newCity", "横浜市")).andReturn())).endsWith("/check-answers");
        Document check = page(mvc.perform(get(BASE + "/" + id + "/check-answers").with(authentication(resident))).andReturn());
        assertThat(check.select("dd").text()).contains("横浜市");
        String key = check.select("input[name=submitKey]").attr("value");
        mvc.perform(post(BASE + "/" + id + "/check-answers").with(authentication(resident)).with(csrf()).param("submitKey", key)
                .param("declaration", "confirmed")).andReturn();
        assertThat(jdbc.sql("SELECT status || ' ' || form_version FROM procedures.application WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("SUBMITTED 1");

        // a new application starts on version 2
        String next = ApplyingFlowTests.redirect(mvc.perform(post(BASE).with(authentication(resident)).with(csrf())).andReturn());
        assertThat(next).endsWith("/moveDate");
    }

    private static Step step(String stepId, String fieldId, String label) {
        return new Step(stepId, Text.of(label), null, null, List.of(), List.of(Field.simple(fieldId, FieldType.TEXT, label, true)));
    }
}
