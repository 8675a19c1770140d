package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.PrefillKey;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Text;
import org.machi.shared.SiteLanguage;

/** A field shown as "already known" is answered by what the city holds when the resident goes on without changing it. */
class KnownAnswersTests {

    private static final Field ADDRESS = new Field("collectionAddress", FieldType.ADDRESS, Text.of("収集する住所"), null, true, null,
            PrefillKey.ADDRESS, null, null, null, null, null, null, false, null, null, null, null, null, null);
    private static final Step WHERE = new Step("where", Text.of("どこへ収集に行けばよいですか"), null, null, List.of(), List.of(ADDRESS));
    private static final FormRules RULES = new FormRules(new FormDefinition("sodai-gomi", List.of(WHERE), Text.of("申し込みます")),
            AsTyped.PARSER, false);

    @Test
    void aKnownAddressIsKeptWholeWhenTheResidentGoesOn() {
        Answers prefilled = Answers.NONE.with(Map.of("collectionAddress.postcode", "2430018", "collectionAddress.line", "厚木市中町3-17-17",
                "collectionAddress.district", "atsugi"), Set.of());

        StepReading reading = RULES.read(WHERE, prefilled, posted(Set.of("collectionAddress")), Set.of("collectionAddress"), null,
                SiteLanguage.JA);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.changes()).containsEntry("collectionAddress.postcode", "2430018")
                .containsEntry("collectionAddress.line", "厚木市中町3-17-17").containsEntry("collectionAddress.district", "atsugi");
    }

    @Test
    void anAddressThatWasNotPrefilledMustBeTyped() {
        Answers typedBefore = Answers.NONE.with(Map.of("collectionAddress.postcode", "2430018", "collectionAddress.line", "厚木市中町1"),
                Set.of());

        StepReading reading = RULES.read(WHERE, typedBefore, posted(Set.of("collectionAddress")), Set.of(), null, SiteLanguage.JA);

        assertThat(reading.problems()).extracting(Problem::field).containsExactly("collectionAddress.postcode");
    }

    /** A page posted with nothing typed, listing the fields it showed as already known. */
    private static StepInput posted(Set<String> known) {
        return new StepInput() {
            @Override
            public String value(String name) {
                return null;
            }

            @Override
            public List<String> values(String name) {
                return List.of();
            }

            @Override
            public boolean keptAsKnown(String fieldId) {
                return known.contains(fieldId);
            }

            @Override
            public boolean fileSent(String name) {
                return false;
            }
        };
    }
}
