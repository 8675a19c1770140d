package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.machi.procedures.Fee;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormJson;
import org.springframework.core.io.ClassPathResource;

/** The fee due follows the answers where the seeded form says how: copies of a certificate, bulky items by size. */
class FeeDueTests {

    static FormDefinition seeded(String slug) throws Exception {
        try (InputStream in = new ClassPathResource("procedures/forms/" + slug + ".json").getInputStream()) {
            return FormJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void threeCopiesOfTheCertificateOfResidenceCostThreeTimesTheCatalogFee() throws Exception {
        FeeDue due = FeeDue.of(new Fee(Fee.Kind.FIXED, 300), seeded("juminhyo"), new Answers(Map.of("copies", "3"))).orElseThrow();
        assertThat(due.yen()).isEqualTo(900);
        assertThat(due.parts()).containsExactly(new FeeDue.Part(300, 3));
        assertThat(FeeDue.of(new Fee(Fee.Kind.FIXED, 300), seeded("kazei-shomei"), new Answers(Map.of("copies", "2"))).orElseThrow().yen())
                .isEqualTo(600);
    }

    @Test
    void twoBulkyItemsArePricedByTheirSize() throws Exception {
        Answers answers = new Answers(Map.of("items", "2",
                "items[0].itemSize", "standard", "items[0].itemCount", "2",
                "items[1].itemSize", "large", "items[1].itemCount", "1"));
        FeeDue due = FeeDue.of(new Fee(Fee.Kind.FIXED, 500), seeded("sodai-gomi"), answers).orElseThrow();
        assertThat(due.yen()).isEqualTo(2 * 500 + 1000);
        assertThat(due.parts()).containsExactly(new FeeDue.Part(500, 2), new FeeDue.Part(1000, 1));
    }

    @Test
    void withoutARuleTheCatalogFeeStandsAndWithoutAFeeNothingIsDue() throws Exception {
        FormDefinition noRule = new FormDefinition("sodai-gomi", seeded("sodai-gomi").steps(), seeded("sodai-gomi").declaration());
        assertThat(FeeDue.of(new Fee(Fee.Kind.FIXED, 500), noRule, Answers.NONE).orElseThrow().yen()).isEqualTo(500);
        assertThat(FeeDue.of(Fee.NONE, seeded("juminhyo"), new Answers(Map.of("copies", "3")))).isEmpty();
        assertThat(FeeDue.of(new Fee(Fee.Kind.FIXED, 300), seeded("juminhyo"), Answers.NONE)).as("copies not answered yet").isEmpty();
    }
}
