package org.machi.procedures.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditTrail;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.forms.Condition;
import org.machi.procedures.forms.DateRange;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FileFormat;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormJson;
import org.machi.procedures.forms.FormVersion;
import org.machi.procedures.forms.FormVersions;
import org.machi.procedures.forms.Option;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Stop;
import org.machi.procedures.forms.Text;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * The form editor end to end, through its pages as a browser without script uses them. Each test
 * works on an online procedure of its own that has no seeded test form, so they do not meet.
 */
@MachiWebTest
class FormEditorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    FormVersions versions;

    @Autowired
    AuditTrail audit;

    @Test
    void onlyProcedureOwnersReachTheEditor() throws Exception {
        Authentication resident = MachiUserTestSupport.signedIn(accounts.resident(), false);
        Authentication department = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF), true);
        Authentication owner = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.PROCEDURE_OWNER), true);
        for (Authentication refused : List.of(resident, department)) {
            int list = mvc.perform(get("/staff/procedures").with(authentication(refused))).andReturn().getResponse().getStatus();
            assertThat(list).isIn(302, 403);
            mvc.perform(post("/staff/procedures/tenshutsu/draft").with(authentication(refused)).with(csrf())).andReturn();
        }
        assertThat(versions.draft("tenshutsu")).as("no draft made by those refused").isEmpty();
        Document list = page(mvc.perform(get("/staff/procedures").with(authentication(owner))).andReturn());
        assertThat(list.select("a[href=/staff/procedures/kazei-shomei]")).hasSize(1);
        assertThat(list.select("a[href=/staff/procedures/inkan-shomei]")).as("counter-only procedures have no form").isEmpty();
        Document home = page(mvc.perform(get("/staff").with(authentication(owner))).andReturn());
        assertThat(home.select("a[href=/staff/procedures]")).as("the staff home leads owners to the editor").hasSize(1);
        Document elsewhere = page(mvc.perform(get("/staff").with(authentication(department))).andReturn());
        assertThat(elsewhere.select("a[href=/staff/notices]")).hasSize(1);
        assertThat(elsewhere.select("a[href=/staff/procedures]")).isEmpty();
        assertThat(mvc.perform(get("/staff/procedures/no-such-procedure").with(authentication(owner))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void aDraftOfTheNextVersionIsEditedPreviewedAndPublishedWhileVersionOneStaysAsItWas() throws Exception {
        String slug = "kazei-shomei";
        FormDefinition first = sample(slug);
        versions.seed(first, FormJson.write(first), Instant.parse("2026-04-01T00:00:00Z"));
        Account owner = accounts.staff(StaffRole.PROCEDURE_OWNER);
        EditorPages editor = new EditorPages(mvc, MachiUserTestSupport.signedIn(owner, true));

        mvc.perform(post("/staff/procedures/" + slug + "/draft").with(authentication(MachiUserTestSupport.signedIn(owner, true)))
                .with(csrf())).andReturn();
        Document page = editor.open(slug);
        assertThat(page.select("h1").text()).contains("2");
        assertThat(page.selectFirst("#s0-f1-label-ja").attr("value")).isEqualTo("使いみち");
        assertThat(page.select("#preview h3").eachText()).contains("申請する人");

        MultiValueMap<String, String> inputs = EditorPages.inputs(page);
        EditorPages.set(inputs, "s0.f1.label.ja", "証明書の使いみち");
        EditorPages.set(inputs, "s0.f1.label.en", "What the certificate is for");
        EditorPages.set(inputs, "s0.f1.type", "TEXTAREA");
        MvcResult saved = editor.press(slug, inputs, "save");
        assertThat(saved.getResponse().getRedirectedUrl()).contains("/draft?saved");
        // a field added with its button, then given its label in every language
        MvcResult added = editor.press(slug, EditorPages.inputs(editor.open(slug)), "add-field:0");
        assertThat(added.getResponse().getRedirectedUrl()).endsWith("#s0");
        MultiValueMap<String, String> withNew = EditorPages.inputs(editor.open(slug));
        assertThat(withNew.getFirst("s0.f3.id")).isEqualTo("field1");
        EditorPages.set(withNew, "s0.f3.id", "phoneNumber");
        EditorPages.set(withNew, "s0.f3.type", "PHONE");
        for (SiteLanguage language : SiteLanguage.values()) {
            EditorPages.set(withNew, "s0.f3.label." + language.code(), "電話番号 " + language.code());
        }
        editor.press(slug, withNew, "up-field:0.3");
        Document preview = page(mvc.perform(get("/staff/procedures/" + slug + "/draft?in=en")
                .with(authentication(MachiUserTestSupport.signedIn(owner, true)))).andReturn());
        assertThat(preview.select("#preview").text()).contains("What the certificate is for").contains("電話番号 en");
        assertThat(preview.select("#preview input[disabled], #preview textarea[disabled]")).isNotEmpty();

        FormVersion draft = versions.draft(slug).orElseThrow();
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.definition().field("purpose").orElseThrow().type()).isEqualTo(FieldType.TEXTAREA);
        assertThat(draft.definition().steps().get(0).fields()).extracting(Field::id).containsExactly("who", "purpose", "phoneNumber",
                "children");

        Document confirm = page(mvc.perform(get("/staff/procedures/" + slug + "/draft/publish")
                .with(authentication(MachiUserTestSupport.signedIn(owner, true)))).andReturn());
        assertThat(confirm.select(".error-summary")).isEmpty();
        MvcResult published = mvc.perform(post("/staff/procedures/" + slug + "/draft/publish")
                .param("version", "2").param("token", confirm.selectFirst("input[name=token]").attr("value")).param("confirm", "yes")
                .with(authentication(MachiUserTestSupport.signedIn(owner, true))).with(csrf())).andReturn();
        assertThat(published.getResponse().getRedirectedUrl()).isEqualTo("/staff/procedures/" + slug + "?published=2");

        assertThat(versions.current(slug).orElseThrow().version()).isEqualTo(2);
        assertThat(versions.current(slug).orElseThrow().definition().field("purpose").orElseThrow().label().reference())
                .isEqualTo("証明書の使いみち");
        // applications begun on version 1 keep it
        assertThat(versions.publishedDefinition(slug, 1)).contains(first);
        assertThat(versions.find(slug, 1).orElseThrow().definition()).isEqualTo(first);
        assertThat(audit.latest(30)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("procedures.form.published");
            assertThat(entry.actor()).isEqualTo(owner.reference());
            assertThat(entry.subject()).isEqualTo("procedure-" + slug);
            assertThat(entry.detail()).isEqualTo("version 2");
        });

        // the page of version 2, posted again as if it were still a draft: refused, nothing changes
        EditorPages.set(inputs, "s0.f1.label.ja", "書き換え");
        MvcResult overPublished = editor.press(slug, inputs, "save");
        assertThat(overPublished.getResponse().getStatus()).isEqualTo(409);
        assertThat(page(overPublished).select("[role=alert]").text()).contains("Version 2 is already published");
        assertThat(versions.current(slug).orElseThrow().definition().field("purpose").orElseThrow().label().reference())
                .isEqualTo("証明書の使いみち");
        assertThat(versions.draft(slug)).isEmpty();
        Document versionOne = page(mvc.perform(get("/staff/procedures/" + slug + "/version?number=1")
                .with(authentication(MachiUserTestSupport.signedIn(owner, true)))).andReturn());
        assertThat(versionOne.select("#preview").text()).contains("使いみち").doesNotContain("証明書の使いみち");
    }

    @Test
    void aDraftWithProblemsIsSavedButNotPublishedAndBadInputIsRefusedWithNothingSaved() throws Exception {
        String slug = "kyufukin";
        Account owner = accounts.staff(StaffRole.PROCEDURE_OWNER);
        Authentication signedIn = MachiUserTestSupport.signedIn(owner, true);
        EditorPages editor = new EditorPages(mvc, signedIn);
        mvc.perform(post("/staff/procedures/" + slug + "/draft").with(authentication(signedIn)).with(csrf())).andReturn();
        assertThat(versions.draft(slug).orElseThrow().definition().steps()).as("a procedure without a form starts empty").isEmpty();

        editor.press(slug, EditorPages.inputs(editor.open(slug)), "add-step");
        editor.press(slug, EditorPages.inputs(editor.open(slug)), "add-field:0");
        MultiValueMap<String, String> inputs = EditorPages.inputs(editor.open(slug));
        EditorPages.set(inputs, "s0.title.ja", "世帯について");
        EditorPages.set(inputs, "s0.f0.label.ja", "世帯の人数");
        assertThat(editor.press(slug, inputs, "save").getResponse().getRedirectedUrl()).contains("saved");
        assertThat(versions.draft(slug).orElseThrow().definition().field("field1").orElseThrow().label().reference())
                .isEqualTo("世帯の人数");

        Document withProblems = editor.open(slug);
        assertThat(withProblems.select(".error-summary a[href=#s0-f0-label-ja-easy]").text())
                .as("a label in Japanese only is named, with a link to the first missing language")
                .contains("field1").contains("label").contains("English");
        Document confirm = page(mvc.perform(get("/staff/procedures/" + slug + "/draft/publish").with(authentication(signedIn))
                .header("Accept-Language", "en")).andReturn());
        assertThat(confirm.select(".error-summary a").eachAttr("href")).contains("/staff/procedures/" + slug + "/draft#s0-f0-label-ja-easy");
        assertThat(confirm.select("form[action$=/draft/publish]")).isEmpty();
        MvcResult forced = mvc.perform(post("/staff/procedures/" + slug + "/draft/publish").param("version", "1")
                .param("token", withProblems.selectFirst("input[name=token]").attr("value")).param("confirm", "yes")
                .with(authentication(signedIn)).with(csrf())).andReturn();
        assertThat(forced.getResponse().getStatus()).isEqualTo(409);
        assertThat(versions.current(slug)).isEmpty();

        String before = FormJson.write(versions.draft(slug).orElseThrow().definition());
        MultiValueMap<String, String> base = EditorPages.inputs(withProblems);
        refused(editor, slug, base, "s0.f0.id", "house hold", "s0-f0-id", "cannot be used");
        refused(editor, slug, base, "steps", "99999", "editor", "Open the page again");
        refused(editor, slug, base, "s0.f0.type", "SCRIPT", "s0-f0-type", "not in the list");
        refused(editor, slug, base, "s0.f0.maxLength", "many", "s0-f0-maxLength", "whole number");
        MvcResult forgedIndex = editor.press(slug, base, "remove-field:0.7");
        assertThat(forgedIndex.getResponse().getStatus()).isEqualTo(400);
        assertThat(versions.draft(slug).orElseThrow().definition().steps().get(0).fields()).hasSize(1);
        MultiValueMap<String, String> file = new org.springframework.util.LinkedMultiValueMap<>(base);
        EditorPages.set(file, "s0.f0.type", "FILE");
        EditorPages.set(file, "s0.f0.maxBytes", String.valueOf(11L * 1024 * 1024));
        MvcResult tooBig = editor.press(slug, file, "save");
        assertThat(tooBig.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(tooBig).select(".error-summary a[href=#s0-f0-maxBytes]").text()).contains("10 MiB");
        assertThat(FormJson.write(versions.draft(slug).orElseThrow().definition())).as("nothing of the refused posts saved")
                .isEqualTo(before);

        // a condition on a field asked later, and a duplicate id: saved, shown, and in the way of publishing
        editor.press(slug, EditorPages.inputs(editor.open(slug)), "add-field:0");
        MultiValueMap<String, String> later = EditorPages.inputs(editor.open(slug));
        EditorPages.set(later, "s0.f0.if.mode", "ANSWERED");
        EditorPages.set(later, "s0.f0.if.field", "field2");
        EditorPages.set(later, "s0.f1.id", "field1");
        assertThat(editor.press(slug, later, "save").getResponse().getRedirectedUrl()).contains("saved");
        Document shown = editor.open(slug);
        assertThat(shown.select(".error-summary a[href=#s0-f0-if-field]").text()).contains("field2").contains("not a field asked before");
        assertThat(shown.select(".error-summary a[href=#s0-f1-id]").text()).contains("used twice");
        assertThat(versions.draft(slug).orElseThrow().definition().problems()).isNotEmpty();

        // the draft is discarded, and that is on record
        mvc.perform(post("/staff/procedures/" + slug + "/draft/discard").param("version", "1")
                .param("token", shown.selectFirst("input[name=token]").attr("value")).with(authentication(signedIn)).with(csrf()))
                .andReturn();
        assertThat(versions.draft(slug)).isEmpty();
        assertThat(audit.latest(30)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("procedures.form.draft-discarded");
            assertThat(entry.actor()).isEqualTo(owner.reference());
            assertThat(entry.subject()).isEqualTo("procedure-" + slug);
        });
    }

    @Test
    void aSaveOnAnOlderViewOfTheDraftIsRefusedAndKeepsWhatWasTyped() throws Exception {
        String slug = "risai";
        FormDefinition first = sample(slug);
        versions.seed(first, FormJson.write(first), Instant.parse("2026-04-01T00:00:00Z"));
        Authentication one = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.PROCEDURE_OWNER), true);
        Authentication two = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.PROCEDURE_OWNER), true);
        mvc.perform(post("/staff/procedures/" + slug + "/draft").with(authentication(one)).with(csrf())).andReturn();
        MultiValueMap<String, String> seenByOne = EditorPages.inputs(new EditorPages(mvc, one).open(slug));
        MultiValueMap<String, String> seenByTwo = EditorPages.inputs(new EditorPages(mvc, two).open(slug));

        EditorPages.set(seenByOne, "s0.f1.label.ja", "一人目の変更");
        assertThat(new EditorPages(mvc, one).press(slug, seenByOne, "save").getResponse().getRedirectedUrl()).contains("saved");
        EditorPages.set(seenByTwo, "s0.f1.label.ja", "二人目の変更");
        MvcResult stale = new EditorPages(mvc, two).press(slug, seenByTwo, "save");

        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        Document page = page(stale);
        assertThat(page.select("[role=alert]").text()).contains("Someone else changed this draft first");
        assertThat(page.selectFirst("#s0-f1-label-ja").attr("value")).as("what was typed is still on the page").isEqualTo("二人目の変更");
        assertThat(versions.draft(slug).orElseThrow().definition().field("purpose").orElseThrow().label().reference())
                .isEqualTo("一人目の変更");
    }

    @Test
    void aFormSavedUnchangedFromThePageIsTheSameFormWithItsCombinedConditionsKept() throws Exception {
        String slug = "kaigo-nintei";
        FormDefinition sample = sample(slug);
        Step proxy = sample.steps().get(1);
        Condition combined = new Condition.All(List.of(new Condition.Equals("who", "proxy"),
                new Condition.Not(new Condition.Answered("purpose", false))));
        FormDefinition first = new FormDefinition(slug, List.of(sample.steps().get(0),
                new Step(proxy.id(), proxy.title(), proxy.intro(), combined, proxy.stops(), proxy.fields())), sample.declaration());
        versions.seed(first, FormJson.write(first), Instant.parse("2026-04-01T00:00:00Z"));
        Authentication owner = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.PROCEDURE_OWNER), true);
        mvc.perform(post("/staff/procedures/" + slug + "/draft").with(authentication(owner)).with(csrf())).andReturn();
        EditorPages editor = new EditorPages(mvc, owner);
        Document page = editor.open(slug);
        assertThat(page.select("select[name=s1.if.mode] option[selected]").attr("value")).isEqualTo("KEPT");

        assertThat(editor.press(slug, EditorPages.inputs(page), "save").getResponse().getRedirectedUrl()).contains("saved");
        assertThat(versions.draft(slug).orElseThrow().definition()).isEqualTo(first);

        // a kept condition changed on the way is refused like any other unreadable input
        MultiValueMap<String, String> forged = EditorPages.inputs(editor.open(slug));
        EditorPages.set(forged, "s1.if.kept", "{\"script\": true}");
        assertThat(editor.press(slug, forged, "save").getResponse().getStatus()).isEqualTo(400);
        assertThat(versions.draft(slug).orElseThrow().definition()).isEqualTo(first);
    }

    private void refused(EditorPages editor, String slug, MultiValueMap<String, String> base, String name, String value, String link,
                         String says) throws Exception {
        MultiValueMap<String, String> changed = new org.springframework.util.LinkedMultiValueMap<>(base);
        EditorPages.set(changed, name, value);
        MvcResult result = editor.press(slug, changed, "save");
        assertThat(result.getResponse().getStatus()).as(name).isEqualTo(400);
        assertThat(page(result).select(".error-summary a[href=#" + link + "]").text()).as(name).contains(says);
    }

    /** A form with a choice, a text, a group and a step shown only to proxies, complete in every language. */
    static FormDefinition sample(String slug) {
        Field who = field("who", FieldType.CHOICE, "申請する人", List.of(new Option("self", Text.of("本人")),
                new Option("proxy", Text.of("代理人")), new Option("other", Text.of("その他"))), null, List.of());
        Field purpose = field("purpose", FieldType.TEXT, "使いみち", List.of(), null, List.of());
        Field children = new Field("children", FieldType.GROUP, Text.of("お子さん"), null, false, null, null, null, null, null, null, null,
                null, false, null, null, List.of(new Field("childBirthDate", FieldType.DATE, Text.of("生年月日"), null, true, null, null,
                null, null, null, null, DateRange.PAST, null, false, null, null, null, null, null, null)), 0, 4, Text.of("お子さん"));
        Field letter = new Field("letter", FieldType.FILE, Text.of("委任状"), Text.of("PDFで"), true, null, null, null, null, null, null,
                null, null, false, Set.of(FileFormat.PDF), 5L * 1024 * 1024, null, null, null, null);
        Step applicant = new Step("applicant", Text.of("申請する人"), null, null,
                List.of(new Stop(new Condition.Equals("who", "other"), Text.of("本人か代理人が申請してください"))), List.of(who, purpose, children));
        Step proxy = new Step("proxy", Text.of("代理人の方へ"), Text.of("委任状が必要です"), new Condition.Equals("who", "proxy"), null,
                List.of(letter));
        FormDefinition form = new FormDefinition(slug, List.of(applicant, proxy), Text.of("内容に誤りはありません"));
        assertThat(form.problems()).isEmpty();
        return form;
    }

    private static Field field(String id, FieldType type, String label, List<Option> options, Condition showIf, List<Field> children) {
        return new Field(id, type, Text.of(label), null, true, showIf, null, null, null, null, null, null, options, false, null, null,
                children, null, null, null);
    }
}
