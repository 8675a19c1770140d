package org.machi.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.machi.testing.Mailbox;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A resident subscribing as a person does: the form, the mailed link, the confirmation button. */
public final class Subscribing {

    private Subscribing() {
    }

    /**
     * Sends the subscription form with the given fields (email included), confirms from the mailed
     * link, and returns the webhook secret shown once (empty without a webhook).
     */
    public static String subscribe(MockMvc mvc, Mailbox mailbox, String email, MockHttpServletRequestBuilder form) throws Exception {
        var sent = page(mvc.perform(form.with(csrf()).param("email", email)).andReturn());
        assertThat(sent.select("h1").text()).isNotBlank();
        assertThat(sent.select(".error-summary")).as("the form was accepted").isEmpty();
        String text = Mailbox.text(mailbox.to(email));
        Matcher link = Pattern.compile("http://machi\\.test(/alerts/subscribe/confirm\\?token=[A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).as("a confirmation link in: " + text).isTrue();
        String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
        mvc.perform(get(link.group(1))).andExpect(status().isOk());
        var active = page(mvc.perform(post("/alerts/subscribe/confirm").with(csrf()).param("token", token)).andReturn());
        return active.select(".secret").text();
    }
}
