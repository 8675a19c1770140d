package org.machi.procedures.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormJson;
import org.springframework.core.io.ClassPathResource;

/** Which facts the city's own seeded forms share, and which a bundle asks. */
class SharedFactsTests {

    private static FormDefinition seeded(String slug) throws Exception {
        try (InputStream in = new ClassPathResource("procedures/forms/" + slug + ".json").getInputStream()) {
            return FormJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void movingInAsksTheMoveTheAddressesAndTheChildrenOnceEach() throws Exception {
        List<FormDefinition> forms = List.of(seeded("tennyu-yoyaku"), seeded("jido-teate"), seeded("hoikusho"));
        List<Field> facts = SharedFacts.step(forms, LifeEvent.MOVING).fields();
        assertThat(facts).extracting(Field::id).containsExactly("previousAddress", "moveDate", "newAddress", "children");
        assertThat(facts.get(3).fields()).extracting(Field::id)
                .containsExactly("childFamilyName", "childGivenName", "childNameKana", "childBirthDate");
        assertThat(facts).allSatisfy(f -> assertThat(f.showIf()).isNull());
    }

    @Test
    void withoutAMoveTheAddressTheCityHoldsIsNotAskedAgain() throws Exception {
        List<FormDefinition> forms = List.of(seeded("jido-teate"), seeded("hoikusho"));
        assertThat(SharedFacts.step(forms, LifeEvent.CHILDCARE).fields()).extracting(Field::id).containsExactly("children");
        assertThat(SharedFacts.step(forms, LifeEvent.MOVING).fields()).extracting(Field::id).containsExactly("newAddress", "children");
    }
}
