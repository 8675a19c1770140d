package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlertFormTests {

    @Test
    void textKeepsLineBreaksAndTabsAndDropsWhatXmlCannotCarry() {
        assertThat(AlertForm.normalise(" 避難\u000B所\u0000へ\r\n移動\tして\rください\uFFFF "))
                .isEqualTo("避難所へ\n移動\tして\nください");
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(AlertForm.time("2025-02-30T10:00", tokyo)).isNull();
        assertThat(AlertForm.time("2025-02-29T10:00", tokyo)).isNull();
        assertThat(AlertForm.time("2028-02-29T10:00", tokyo)).isNotNull();
        assertThat(AlertForm.time("2026-12-01T16:50", tokyo)).hasToString("2026-12-01T07:50:00Z");
    }
}
