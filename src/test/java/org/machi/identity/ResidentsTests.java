package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.account.Profiles;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Other modules learn who is signed in and what the city holds about a resident, and nothing about staff. */
@MachiWebTest
class ResidentsTests {

    @Autowired
    Residents residents;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Profiles profiles;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aResidentWithTheirMailAddressAssuranceAndProfile() {
        Account account = accounts.resident();
        ResidentProfile profile = new ResidentProfile("厚木", "花子", "アツギ", "ハナコ", LocalDate.of(1990, 4, 1), "2430018",
                "中町3-17-17", "chuo", "046-225-2790", "ja", ResidentProfile.ContactChannel.EMAIL);
        profiles.save(account.id(), profile);
        assertThat(residents.find(account.id())).hasValueSatisfying(resident -> {
            assertThat(resident.email()).isEqualTo(account.login());
            assertThat(resident.assurance()).isEqualTo(Assurance.SELF_ASSERTED);
            assertThat(resident.cardVerified()).isFalse();
            assertThat(resident.profile()).isEqualTo(profile);
        });
        assertThat(residents.find(accounts.resident().id())).hasValueSatisfying(resident ->
                assertThat(resident.profile()).as("no profile yet").isEqualTo(ResidentProfile.empty()));
        assertThat(residents.assurance(account.id())).contains(Assurance.SELF_ASSERTED);
    }

    @Test
    void staffAreNoResidents() {
        Account staff = accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR);
        assertThat(residents.find(staff.id())).isEmpty();
        assertThat(residents.assurance(staff.id())).isEmpty();
    }

    @Test
    void theSignedInAccountComesFromTheSession() {
        assertThat(residents.signedInAccount()).isEmpty();
        Account account = accounts.resident();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.reference(), null,
                AuthorityUtils.NO_AUTHORITIES));
        assertThat(residents.signedInAccount()).contains(account.id());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", null,
                AuthorityUtils.NO_AUTHORITIES));
        assertThat(residents.signedInAccount()).isEmpty();
    }
}
