package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertFormTests {

    @Test
    void textKeepsLineBreaksAndTabsAndDropsWhatXmlCannotCarry() {
        assertThat(AlertForm.normalise(" 避難\u000B所\u0000へ\r\n移動\tして\rください\uFFFF "))
                .isEqualTo("避難所へ\n移動\tして\nください");
    }
}
