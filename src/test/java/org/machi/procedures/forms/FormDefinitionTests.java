package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;

/** The checks of a form definition name each mistake that would leave residents with a form they cannot complete or read. */
class FormDefinitionTests {

    private static final Text T = Text.of("t");

    private static Field field(String id, FieldType type) {
        return Field.simple(id, type, id, false);
    }

    private static Field choice(String id, String... values) {
        return new Field(id, FieldType.CHOICE, T, null, true, null, null, null, null, null, null, null,
                java.util.Arrays.stream(values).map(v -> new Option(v, T)).toList(), false, null, null, null, null, null, null);
    }

    private static Step step(String id, Condition showIf, Field... fields) {
        return new Step(id, T, null, showIf, List.of(), List.of(fields));
    }

    private static List<String> problems(Step... steps) {
        return new FormDefinition("risai", List.of(steps), T).problems();
    }

    @Test
    void aSoundFormHasNoProblems() throws Exception {
        assertThat(FormJson.read(FormJsonTests.testForm("sodai-gomi")).problems()).isEmpty();
        assertThat(FormJson.read(FormJsonTests.testForm("juminhyo")).problems()).isEmpty();
        assertThat(problems(step("a", null, choice("kind", "x", "y")), step("b", new Condition.Equals("kind", "x"), field("c", FieldType.TEXT))))
                .isEmpty();
    }

    @Test
    void idsAreUniqueAcrossTheFormAndWellFormed() {
        assertThat(problems(step("a", null, field("name", FieldType.TEXT)), step("b", null, field("name", FieldType.TEXT))))
                .containsExactly("step b field name: the id is used twice in the form");
        assertThat(problems(step("a", null, field("x", FieldType.TEXT)), step("a", null, field("y", FieldType.TEXT))))
                .containsExactly("step a: the id is used twice");
        assertThat(problems(step("a", null, field("Bad-id", FieldType.TEXT))))
                .containsExactly("step a field Bad-id: an id of letters and digits starting with a lower-case letter");
        Field group = new Field("kids", FieldType.GROUP, T, null, false, null, null, null, null, null, null, null, null, false, null, null,
                List.of(field("x", FieldType.TEXT)), null, null, T);
        assertThat(problems(step("a", null, field("x", FieldType.TEXT), group)))
                .containsExactly("step a field kids field x: the id is used twice in the form");
    }

    @Test
    void conditionsReferToFieldsAskedEarlierAndToTheirOptions() {
        assertThat(problems(step("a", new Condition.Equals("later", "x"), field("b", FieldType.TEXT)), step("c", null, choice("later", "x", "y"))))
                .containsExactly("step a showIf: refers to later, which is not a field asked earlier");
        assertThat(problems(step("a", new Condition.Answered("b", true), field("b", FieldType.TEXT))))
                .as("a step is shown or not before its own fields are answered")
                .containsExactly("step a showIf: refers to b, which is not a field asked earlier");
        assertThat(problems(step("a", null, choice("kind", "x", "y")), step("b", new Condition.In("kind", List.of("x", "z")), field("c", FieldType.TEXT))))
                .containsExactly("step b showIf: z is not an option of kind");
        Field group = new Field("kids", FieldType.GROUP, T, null, false, null, null, null, null, null, null, null, null, false, null, null,
                List.of(field("age", FieldType.NUMBER)), null, null, T);
        assertThat(problems(step("a", null, group), step("b", new Condition.Answered("age", true), field("c", FieldType.TEXT))))
                .as("group children cannot be referred to")
                .containsExactly("step b showIf: refers to age, which is not a field asked earlier");
        Step withStop = new Step("a", T, null, null, List.of(new Stop(new Condition.Equals("kind", "y"), T)), List.of(choice("kind", "x", "y")));
        assertThat(new FormDefinition("risai", List.of(withStop), T).problems()).as("a stop reads its own step").isEmpty();
    }

    @Test
    void choicesHaveOptionsAndOtherFieldsNone() {
        assertThat(problems(step("a", null, choice("kind", "only"))))
                .containsExactly("step a field kind: a CHOICE needs two options at least, CHECKBOXES one");
        assertThat(problems(step("a", null, choice("kind", "x", "x"))))
                .containsExactly("step a field kind: option x twice");
        Field textWithOptions = new Field("t", FieldType.TEXT, T, null, false, null, null, null, null, null, null, null,
                List.of(new Option("x", T)), false, null, null, null, null, null, null);
        assertThat(problems(step("a", null, textWithOptions))).containsExactly("step a field t: options are for CHOICE and CHECKBOXES");
    }

    @Test
    void everyTextIsInAllNineLanguages() {
        EnumMap<SiteLanguage, String> japaneseOnly = new EnumMap<>(SiteLanguage.class);
        japaneseOnly.put(SiteLanguage.JA, "氏名");
        Field name = new Field("name", FieldType.TEXT, new Text(japaneseOnly), null, false, null, null, null, null, null, null, null,
                null, false, null, null, null, null, null, null);
        assertThat(problems(step("a", null, name))).containsExactly("step a field name label: not in all nine languages");
        assertThat(new FormDefinition("risai", List.of(step("a", null, field("b", FieldType.TEXT))), null).problems())
                .containsExactly("declaration: missing");
    }

    @Test
    void groupsHoldNoGroupOrFileAndHaveSensibleCounts() {
        Field file = new Field("photo", FieldType.FILE, T, null, false, null, null, null, null, null, null, null, null, false,
                Set.of(FileFormat.PDF), 1000L, null, null, null, null);
        Field inner = new Field("inner", FieldType.GROUP, T, null, false, null, null, null, null, null, null, null, null, false, null, null,
                List.of(field("x", FieldType.TEXT)), null, null, T);
        Field group = new Field("kids", FieldType.GROUP, T, null, false, null, null, null, null, null, null, null, null, false, null, null,
                List.of(file, inner), 3, 2, T);
        assertThat(problems(step("a", null, group))).containsExactlyInAnyOrder(
                "step a field kids: minItems and maxItems between 0 and 20, min not above max",
                "step a field kids field photo: a group holds no group or file field",
                "step a field kids field inner: a group holds no group or file field");
    }

    @Test
    void fileFieldsAcceptAtMostTenMebibytes() {
        Field big = new Field("scan", FieldType.FILE, T, null, false, null, null, null, null, null, null, null, null, false,
                Set.of(FileFormat.PDF), 10L * 1024 * 1024 + 1, null, null, null, null);
        assertThat(problems(step("a", null, big))).containsExactly("step a field scan: maxBytes between 1 and 10485760 (10 MiB)");
        Field exactly = new Field("scan", FieldType.FILE, T, null, false, null, null, null, null, null, null, null, null, false,
                Set.of(FileFormat.PDF), 10L * 1024 * 1024, null, null, null, null);
        assertThat(problems(step("a", null, exactly))).isEmpty();
        Field noKinds = new Field("scan", FieldType.FILE, T, null, false, null, null, null, null, null, null, null, null, false,
                null, 1000L, null, null, null, null);
        assertThat(problems(step("a", null, noKinds))).containsExactly("step a field scan: a FILE field says which kinds it accepts");
    }

    @Test
    void prefillAndFactsFitTheFieldType() {
        Field wrongPrefill = new Field("born", FieldType.TEXT, T, null, false, null, PrefillKey.BIRTH_DATE, null, null, null, null, null,
                null, false, null, null, null, null, null, null);
        assertThat(problems(step("a", null, wrongPrefill))).containsExactly("step a field born: prefill BIRTH_DATE does not fit a TEXT field");
        Field wrongFact = new Field("moved", FieldType.TEXT, T, null, false, null, null, "moveDate", null, null, null, null,
                null, false, null, null, null, null, null, null);
        assertThat(problems(step("a", null, wrongFact))).containsExactly("step a field moved: fact moveDate is unknown here or of another type");
    }
}
