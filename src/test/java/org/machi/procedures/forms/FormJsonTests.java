package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;
import org.springframework.core.io.ClassPathResource;

/** Form files are read strictly: a typing mistake is refused with where it is, and what is written reads back the same. */
class FormJsonTests {

    static String testForm(String slug) throws Exception {
        try (InputStream in = new ClassPathResource("procedures/forms-test/" + slug + ".json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsStepsFieldsConditionsAndTexts() throws Exception {
        FormDefinition form = FormJson.read(testForm("sodai-gomi"));
        assertThat(form.procedure()).isEqualTo("sodai-gomi");
        assertThat(form.steps()).extracting(Step::id).containsExactly("business", "applicant", "items", "collection", "elevator");
        assertThat(form.step("business").orElseThrow().stops()).singleElement()
                .satisfies(stop -> assertThat(stop.when()).isEqualTo(new Condition.Equals("isBusiness", "yes")));
        Field items = form.field("items").orElseThrow();
        assertThat(items.type()).isEqualTo(FieldType.GROUP);
        assertThat(items.fields()).extracting(Field::id).containsExactly("itemName", "itemCount");
        assertThat(items.effectiveMaxItems()).isEqualTo(3);
        Field familyName = form.field("familyName").orElseThrow();
        assertThat(familyName.prefill()).isEqualTo(PrefillKey.FAMILY_NAME);
        assertThat(familyName.label().in(SiteLanguage.JA)).isEqualTo("姓");
        assertThat(familyName.label().in(SiteLanguage.JA_EASY)).isEqualTo("みょうじ");
        assertThat(form.field("collectionDate").orElseThrow().effectiveDates()).isEqualTo(DateRange.FUTURE);
        assertThat(form.field("placeNote").orElseThrow().showIf()).isEqualTo(new Condition.Equals("place", "other"));
        assertThat(form.problems()).isEmpty();
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        FormDefinition form = FormJson.read(testForm("sodai-gomi"));
        assertThat(FormJson.read(FormJson.write(form))).isEqualTo(form);
        FormDefinition nested = new FormDefinition("risai", java.util.List.of(new Step("one", Text.of("t"), null,
                new Condition.Any(java.util.List.of(new Condition.Not(new Condition.Answered("a", true)),
                        new Condition.All(java.util.List.of(new Condition.In("a", java.util.List.of("x", "y")))))),
                java.util.List.of(), java.util.List.of(Field.simple("b", FieldType.TEXT, "b", false)))), Text.of("d"));
        assertThat(FormJson.read(FormJson.write(nested))).isEqualTo(nested);
    }

    @Test
    void anUnknownKeyIsRefusedWithItsPath() throws Exception {
        String typo = testForm("sodai-gomi").replaceFirst("\"required\"", "\"requried\"");
        assertThatThrownBy(() -> FormJson.read(typo)).isInstanceOf(FormFormatException.class)
                .hasMessage("$.steps[0].fields[0].requried: unknown key");
    }

    @Test
    void wrongKindsOfValueAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> FormJson.read("{\"procedure\": \"x\", \"steps\": [{\"id\": \"a\", \"title\": {\"ja\": \"a\"},"
                + " \"fields\": [{\"id\": \"b\", \"type\": \"SLIDER\", \"label\": {\"ja\": \"b\"}}]}], \"declaration\": {\"ja\": \"d\"}}"))
                .hasMessageStartingWith("$.steps[0].fields[0].type: one of [TEXT");
        assertThatThrownBy(() -> FormJson.read("{\"procedure\": \"x\", \"steps\": [], \"declaration\": {\"fr\": \"d\"}}"))
                .hasMessage("$.declaration.fr: not a language code of the site");
        assertThatThrownBy(() -> FormJson.read("{\"procedure\": \"x\", \"steps\": [{\"id\": \"a\", \"title\": {\"ja\": \"a\"},"
                + " \"showIf\": {\"field\": \"b\", \"greater\": 3}}], \"declaration\": {\"ja\": \"d\"}}"))
                .hasMessage("$.steps[0].showIf.greater: unknown key");
        assertThatThrownBy(() -> FormJson.read("{\"procedure\": \"x\", \"steps\": [{\"id\": \"a\", \"title\": {\"ja\": \"a\"},"
                + " \"fields\": [{\"id\": \"b\", \"type\": \"NUMBER\", \"label\": {\"ja\": \"b\"}, \"max\": \"ten\"}]}],"
                + " \"declaration\": {\"ja\": \"d\"}}"))
                .hasMessage("$.steps[0].fields[0].max: a whole number");
        assertThatThrownBy(() -> FormJson.read("[1, 2")).isInstanceOf(FormFormatException.class).hasMessageStartingWith("not JSON");
        assertThat(FormJson.read("{\"procedure\": \"x\", \"steps\": []}").problems()).as("a missing text is a problem of the content")
                .contains("declaration: missing");
    }

    @Test
    void fileFieldsReadTheirKindsAndLimit() {
        FormDefinition form = FormJson.read("{\"procedure\": \"risai\", \"steps\": [{\"id\": \"a\", \"title\": {\"ja\": \"a\"},"
                + " \"fields\": [{\"id\": \"photo\", \"type\": \"FILE\", \"label\": {\"ja\": \"写真\"}, \"accept\": [\"JPEG\", \"PNG\"],"
                + " \"maxBytes\": 5242880}]}], \"declaration\": {\"ja\": \"d\"}}");
        Field photo = form.field("photo").orElseThrow();
        assertThat(photo.accept()).isEqualTo(Set.of(FileFormat.JPEG, FileFormat.PNG));
        assertThat(photo.maxBytes()).isEqualTo(5242880L);
    }
}
