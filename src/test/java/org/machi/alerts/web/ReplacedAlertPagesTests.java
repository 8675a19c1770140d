package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page a resident reaches from the first mail leads with where things stand now: updated (and
 * what changed) or lifted (and when), with the latest version linked at the top.
 */
@MachiWebTest
class ReplacedAlertPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAlertForms forms;

    @Test
    void theFirstPageSaysItWasUpdatedWithWhatChangedThenThatItWasLifted() throws Exception {
        UUID original = publish(draft(post("/staff/alerts/new").param("kind", "EVACUATION_ORDER").param("district", "echi-kita")
                .param("shelters", "依知小学校")));
        UUID update = publish(draft(post("/staff/alerts/" + original + "/update").param("district", "echi-kita", "echi-minami")
                .param("shelters", "依知小学校\n依知南小学校")));

        Element state = leading(original);
        assertThat(state.text()).contains("更新", "依知南地区", "依知南小学校");
        assertThat(state.select("a").eachAttr("href")).containsExactly("/alerts/" + update);
        assertThat(page(mvc.perform(get("/alerts/" + update)).andReturn()).select(".current-state")).as("the latest says nothing of the kind")
                .isEmpty();

        MvcResult cancelForm = mvc.perform(get("/staff/alerts/" + update + "/cancel").with(authentication(operator()))).andReturn();
        UUID cancel = publish(post("/staff/alerts/" + update + "/cancel").param("headline", page(cancelForm).select("#headline").val())
                .param("description", page(cancelForm).select("#description").text()));

        for (UUID earlier : new UUID[] {original, update}) {
            // public pages are read from the database at most once a second
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Element lifted = leading(earlier);
                assertThat(lifted.text()).contains("解除");
                assertThat(lifted.select("a").eachAttr("href")).containsExactly("/alerts/" + cancel);
            });
        }
        for (UUID any : new UUID[] {original, update, cancel}) {
            assertThat(page(mvc.perform(get("/alerts/" + any)).andReturn()).select("main").text()).as("lifted, not until lifted")
                    .doesNotContain("解除まで継続");
        }
        assertThat(page(mvc.perform(get("/staff/alerts/" + cancel).with(authentication(operator()))).andReturn()).select("main").text())
                .as("nor on the staff page").doesNotContain("解除まで継続");
        Document english = page(mvc.perform(get("/alerts/" + original).header("Accept-Language", "en")).andReturn());
        assertThat(english.select(".current-state").text()).contains("lifted").doesNotContain("??");
    }

    /** What the page shows first: before the headline. */
    private Element leading(UUID id) throws Exception {
        Element article = page(mvc.perform(get("/alerts/" + id)).andReturn()).selectFirst("main article");
        assertThat(article).isNotNull();
        Element first = article.child(0);
        assertThat(first.hasClass("current-state")).as(first.outerHtml()).isTrue();
        return first;
    }

    private MockHttpServletRequestBuilder draft(MockHttpServletRequestBuilder form) {
        var now = forms.now();
        return form.param("effective", StaffAlertForms.LOCAL.format(now)).param("expires", "");
    }

    private UUID publish(MockHttpServletRequestBuilder form) throws Exception {
        return forms.publish(form);
    }

    private Authentication operator() {
        return forms.operator();
    }
}
