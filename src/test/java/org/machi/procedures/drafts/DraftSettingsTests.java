package org.machi.procedures.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.machi.procedures.ProceduresProperties;
import org.machi.testing.BoundSettings;

/** What the drafts' settings refuse beyond single values, and how an address is masked on the page that says where a link went. */
class DraftSettingsTests {

    @Test
    void aReminderMustComeBeforeTheDraftIsDeleted() {
        DraftsProperties tooLate = BoundSettings.of(DraftsProperties.class, "machi.procedures.drafts.remind-before=30d");
        assertThatThrownBy(() -> new DraftExpiry(null, null, null, null, null, null, tooLate, BoundSettings.of(ProceduresProperties.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("machi.procedures.drafts.remind-before").hasMessageContaining("kept-for");
    }

    @Test
    void anAddressIsMaskedButForItsFirstLetterAndDomain() {
        assertThat(MaskedAddress.of("hanako.atsugi@example.jp")).isEqualTo("h***@example.jp");
        assertThat(MaskedAddress.of("花子@example.jp")).isEqualTo("花***@example.jp");
        assertThat(MaskedAddress.of("not-an-address")).isEqualTo("***");
    }
}
