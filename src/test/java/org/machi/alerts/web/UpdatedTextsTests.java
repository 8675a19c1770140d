package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertStore;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An update posted as the browser sends it (every text filled in from the published alert): texts
 * made from the template follow the new districts and shelters; texts written by hand are kept,
 * and the form names each one that may no longer match before anything is saved.
 */
@MachiWebTest
class UpdatedTextsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertStore store;

    @Autowired
    StaffAlertForms forms;

    @Test
    void textsFromTheTemplateFollowTheNewDistrictsAndShelters() throws Exception {
        UUID original = published(post("/staff/alerts/new"));
        MockHttpServletRequestBuilder update = updateAsTheBrowserSendsIt(original);

        String location = mvc.perform(update).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("nothing written by hand: nothing to ask").startsWith("/staff/alerts/");
        Alert saved = store.find(UUID.fromString(location.substring("/staff/alerts/".length()))).orElseThrow();
        assertThat(saved.texts()).hasSize(9).allSatisfy((language, text) ->
                assertThat(text.instruction()).as(language).contains("依知南小学校"));
        assertThat(saved.texts().get("ja").headline() + saved.texts().get("ja").description()).contains("依知南地区");
        assertThat(saved.texts().get("en").headline() + saved.texts().get("en").description()).contains("Echi-minami");
    }

    @Test
    void aTextWrittenByHandIsKeptAndNamedForChecking() throws Exception {
        AlertText english = new AlertText("Evacuate Echi-kita now", "Written by the duty officer for Echi-kita.", "");
        UUID original = published(post("/staff/alerts/new").param("headline-en", english.headline())
                .param("description-en", english.description()));

        Document asked = page(mvc.perform(updateAsTheBrowserSendsIt(original)).andExpect(status().isOk()).andReturn());
        assertThat(asked.select("#check-summary a").eachAttr("href")).containsExactly("#headline-en");
        assertThat(asked.select("#check-summary").text()).contains("English").doesNotContain("??");
        assertThat(asked.select("#headline-en").val()).as("kept as written").isEqualTo(english.headline());
        assertThat(asked.selectFirst("#headline-en").closest("details").hasAttr("open")).as("opened to be checked").isTrue();
        assertThat(asked.select("#headline-ja").val()).as("the template's text, to be made anew on saving").isEmpty();
        assertThat(store.history(store.find(original).orElseThrow())).as("nothing saved yet").hasSize(1);

        MockHttpServletRequestBuilder confirmed = post("/staff/alerts/" + original + "/update").param("confirmed", "on");
        fields(asked).forEach(confirmed::param);
        assertThat(asked.select("input[name=district][checked]").eachAttr("value")).containsExactlyInAnyOrder("echi-kita", "echi-minami");
        confirmed.param("district", "echi-kita", "echi-minami").param("shelters", asked.selectFirst("#shelters").wholeText());
        String location = mvc.perform(confirmed.with(authentication(operator())).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/staff/alerts/");
        Alert saved = store.find(UUID.fromString(location.substring("/staff/alerts/".length()))).orElseThrow();
        assertThat(saved.texts().get("en").headline()).isEqualTo(english.headline());
        assertThat(saved.texts().get("ko").instruction()).contains("依知南小学校");
    }

    /** The update form as it comes, with a district and a shelter added. */
    private MockHttpServletRequestBuilder updateAsTheBrowserSendsIt(UUID original) throws Exception {
        Document form = page(mvc.perform(get("/staff/alerts/" + original + "/update").with(authentication(operator()))).andReturn());
        MockHttpServletRequestBuilder update = post("/staff/alerts/" + original + "/update");
        fields(form).forEach(update::param);
        update.param("district", "echi-kita", "echi-minami").param("shelters", "依知小学校\n依知南小学校");
        return update.with(authentication(operator())).with(csrf());
    }

    /** The form's fields as a browser submits them, but the districts and the shelters, which the test sets. */
    private static Map<String, String> fields(Document page) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Element field : page.select("form.form input[name], form.form textarea[name], form.form select[name]")) {
            String name = field.attr("name");
            if (name.equals("district") || name.equals("shelters") || name.equals("_csrf") || name.equals("confirmed")
                    || (field.attr("type").equals("checkbox") && !field.hasAttr("checked"))) {
                continue;
            }
            fields.put(name, field.tagName().equals("select") ? field.select("option[selected]").val()
                    : field.tagName().equals("textarea") ? field.wholeText() : field.val());
        }
        return fields;
    }

    private UUID published(MockHttpServletRequestBuilder draft) throws Exception {
        return forms.publish(draft.param("kind", "EVACUATION_ORDER").param("district", "echi-kita").param("shelters", "依知小学校")
                .param("effective", StaffAlertForms.LOCAL.format(forms.now())).param("expires", ""));
    }

    private Authentication operator() {
        return forms.operator();
    }
}
