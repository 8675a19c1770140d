package org.machi.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Passkey registration answers residents only: Spring Security's filters answer before the authorisation rules. */
@MachiWebTest
class PasskeyRegistrationAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void staffBeforeOrAfterTheirSecondFactorGetNoRegistrationOptions() throws Exception {
        var staff = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        for (boolean secondFactor : new boolean[] {false, true}) {
            mvc.perform(post("/webauthn/register/options").with(authentication(MachiUserTestSupport.signedIn(staff, secondFactor)))
                    .with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/webauthn/register").contentType(MediaType.APPLICATION_JSON).content("{}")
                    .with(authentication(MachiUserTestSupport.signedIn(staff, secondFactor))).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/webauthn/register/options").with(csrf())).andExpect(status().is4xxClientError());
        mvc.perform(post("/webauthn/register/options").with(authentication(MachiUserTestSupport.signedIn(accounts.resident(), false)))
                .with(csrf())).andExpect(status().isOk());
    }
}
