package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertStore;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.TestAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The staff alert forms as tests send them: by an operator, then submitted and approved by a second person. */
public final class StaffAlertForms {

    /** The form's time fields, as a browser's datetime-local input sends them. */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MockMvc mvc;
    private final AlertDesk desk;
    private final AlertStore store;
    private final TestAccounts accounts;
    private final Clock clock;

    public StaffAlertForms(MockMvc mvc, AlertDesk desk, AlertStore store, TestAccounts accounts, Clock clock) {
        this.mvc = mvc;
        this.desk = desk;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Now, in the city's time zone. */
    ZonedDateTime now() {
        return clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
    }

    Authentication operator() {
        return MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true);
    }

    /** Sends the form as an operator; a second person approves what it drafted. Returns the alert's id. */
    UUID publish(MockHttpServletRequestBuilder form) throws Exception {
        MvcResult result = mvc.perform(form.with(authentication(operator())).with(csrf())).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as(result.getResponse().getContentAsString()).startsWith("/staff/alerts/");
        UUID id = UUID.fromString(location.substring("/staff/alerts/".length()));
        desk.submit(id, store.find(id).orElseThrow().author());
        desk.approve(id, "test:approver");
        return id;
    }
}
