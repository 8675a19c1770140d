package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextValuesTests {

    @Test
    void trimsAndCountsCharactersAsAPersonDoes() {
        assertThat(TextValues.line("  転居のため \u3000", 100).storedText()).contains("転居のため");
        assertThat(TextValues.line("𠮷野家𠮷野家", 6).isAccepted()).as("six characters, though twelve UTF-16 units").isTrue();
        assertThat(TextValues.line("𠮷野家𠮷野家𠮷", 6).refusal().orElseThrow()).isEqualTo(Problem.of("form.value.text.tooLong", 6));
        assertThat(TextValues.lines("一行目\r\n二行目\r三行目", 100).storedText()).contains("一行目\n二行目\n三行目");
        assertThat(TextValues.line("<script>alert(1)</script>", 100).storedText()).as("kept as typed; pages escape it")
                .contains("<script>alert(1)</script>");
    }

    @Test
    void refusesControlCharactersAndDirectionOverrides() {
        assertThat(TextValues.line("abc\u0000", 100).refusal().orElseThrow().key()).isEqualTo("form.value.text.control");
        assertThat(TextValues.line("一行目\n二行目", 100).refusal().orElseThrow().key()).isEqualTo("form.value.text.control");
        assertThat(TextValues.lines("abc\u001b[31m", 100).refusal().orElseThrow().key()).isEqualTo("form.value.text.control");
        assertThat(TextValues.lines("file\u202Etxt.exe", 100).refusal().orElseThrow().key()).isEqualTo("form.value.text.control");
        assertThat(TextValues.lines("タブ\tと\n改行", 100).isAccepted()).isTrue();
    }

    @Test
    void refusesAMyNumber() {
        // 12345678901 has the check digit 8 (IndividualNumbersTests)
        assertThat(TextValues.line("番号は 1234 5678 9018 です", 100).refusal().orElseThrow().key()).isEqualTo("form.value.text.individualNumber");
        assertThat(TextValues.lines("１２３４５６７８９０１８", 100).refusal().orElseThrow().key()).isEqualTo("form.value.text.individualNumber");
        assertThat(TextValues.line("電話 09012345678", 100).isAccepted()).isTrue();
    }

    @Test
    void readsMailAddressesTypedWithAnImeLeftOn() {
        assertThat(EmailValues.parse(" ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ ").storedText()).contains("taro@example.jp");
        assertThat(EmailValues.parse("taro@example").refusal().orElseThrow().key()).isEqualTo("form.value.email.invalid");
        assertThat(EmailValues.parse("\"taro\"@example.jp").refusal().orElseThrow().key()).isEqualTo("form.value.email.invalid");
        assertThat(EmailValues.parse("").refusal().orElseThrow().key()).isEqualTo("form.value.required");
    }
}
