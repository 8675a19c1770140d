package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** A form's {@code "fee"} and a TEXT field's {@code "digits"}: read, written back the same, and checked. */
class FeeAndDigitsFormatTests {

    static String seeded(String slug) throws Exception {
        try (InputStream in = new ClassPathResource("procedures/forms/" + slug + ".json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSeededFeesAndDigitCountsReadAndWriteBack() throws Exception {
        FormDefinition bulky = FormJson.read(seeded("sodai-gomi"));
        assertThat(bulky.fee()).isEqualTo(new FeeRule.PerItem("items", "itemCount", "itemSize",
                java.util.Map.of("standard", 500L, "large", 1000L)));
        assertThat(FormJson.read(FormJson.write(bulky))).isEqualTo(bulky);
        FormDefinition copies = FormJson.read(seeded("juminhyo"));
        assertThat(copies.fee()).isEqualTo(new FeeRule.PerCount("copies"));
        assertThat(FormJson.read(FormJson.write(copies))).isEqualTo(copies);
        FormDefinition allowance = FormJson.read(seeded("jido-teate"));
        assertThat(allowance.field("accountNumber").orElseThrow().digits()).isEqualTo(7);
        assertThat(FormJson.read(FormJson.write(allowance))).isEqualTo(allowance);
        assertThat(FormJson.read(seeded("kaigo-nintei")).field("insuredNumber").orElseThrow().digits()).isEqualTo(10);
    }

    @Test
    void aFeeThatDoesNotFitTheFormIsNamed() throws Exception {
        String json = seeded("sodai-gomi");
        assertThat(FormJson.read(json.replace("\"count\": \"itemCount\"", "\"count\": \"itemDetail\"")).problems())
                .contains("fee count: itemDetail is not a NUMBER field of group items");
        assertThat(FormJson.read(json.replace("\"large\": 1000", "\"huge\": 1000")).problems())
                .contains("fee prices: no price of zero yen or more for option large", "fee prices: huge is not an option of itemSize");
        assertThat(FormJson.read(json.replace("\"group\": \"items\"", "\"group\": \"applicant\"")).problems())
                .contains("fee group: applicant is not a GROUP field of the form");
        assertThat(FormJson.read(seeded("juminhyo").replace("\"fee\": {\"count\": \"copies\"}", "\"fee\": {\"count\": \"purpose\"}"))
                .problems()).contains("fee count: purpose is not a NUMBER field of the form");
        assertThatThrownBy(() -> FormJson.read(seeded("juminhyo").replace("{\"count\": \"copies\"}", "{\"copies\": \"copies\"}")))
                .isInstanceOf(FormFormatException.class).hasMessage("$.fee.copies: unknown key");
    }

    @Test
    void digitsAreForTextOnly() throws Exception {
        String json = seeded("kaigo-nintei").replace("\"digits\": 10", "\"digits\": 0");
        assertThat(FormJson.read(json).problems()).anyMatch(p -> p.endsWith("field insuredNumber: digits is for TEXT, between 1 and 30"));
        Field number = new Field("copies", FieldType.NUMBER, Text.of("n"), null, false, null, null, null, null, null, null, null, null,
                false, null, null, null, null, null, null, 3);
        assertThat(new FormDefinition("juminhyo", java.util.List.of(new Step("one", Text.of("t"), null, null, java.util.List.of(),
                java.util.List.of(number))), Text.of("d")).problems()).contains("step one field copies: digits is for TEXT, between 1 and 30");
    }
}
