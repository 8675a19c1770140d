package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machi.procedures.forms.FieldValueParser;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormJson;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;

/** The rules of a form on answers: skipped steps, hidden fields dropped, stops, groups kept within their limits. */
class FormRulesTests {

    private static final FieldValueParser AS_TYPED = AsTyped.PARSER;

    private static FormRules rules() throws Exception {
        FormDefinition form = FormJson.read(new String(new org.springframework.core.io.ClassPathResource("procedures/forms-test/sodai-gomi.json")
                .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        return new FormRules(form, AS_TYPED, false);
    }

    @Test
    void aStepWhoseConditionFailsIsSkipped() throws Exception {
        FormRules rules = rules();
        Answers door = new Answers(Map.of("place", "door"));
        Answers other = new Answers(Map.of("place", "other"));
        assertThat(rules.shownSteps(door)).extracting(Step::id).contains("elevator");
        assertThat(rules.shownSteps(other)).extracting(Step::id).doesNotContain("elevator");
        Step collection = rules.form().step("collection").orElseThrow();
        assertThat(rules.next(collection, other)).as("after the last shown step: check your answers").isEmpty();
        assertThat(rules.next(collection, door)).map(Step::id).contains("elevator");
    }

    @Test
    void aFieldHiddenByAnAnswerIsDroppedAndAStopHolds() throws Exception {
        FormRules rules = rules();
        Step collection = rules.form().step("collection").orElseThrow();
        Answers before = new Answers(Map.of("placeNote", "門の前"));
        StepReading reading = rules.read(collection, before, TestApplications.MapInput.of("collectionDate", "2030-01-01", "place", "door"),
                Set.of(), null, SiteLanguage.JA);
        assertThat(reading.valid()).isTrue();
        assertThat(reading.applyTo(before).values()).doesNotContainKey("placeNote").containsEntry("place", "door");
        Step business = rules.form().step("business").orElseThrow();
        assertThat(rules.stop(business, new Answers(Map.of("isBusiness", "yes")))).isPresent();
        assertThat(rules.complete(business, new Answers(Map.of("isBusiness", "yes")), SiteLanguage.JA)).as("a stop is not complete").isFalse();
        assertThat(rules.complete(business, new Answers(Map.of("isBusiness", "no")), SiteLanguage.JA)).isTrue();
    }

    @Test
    void aGroupStaysWithinItsLimitsWhateverCountIsPosted() throws Exception {
        FormRules rules = rules();
        Step items = rules.form().step("items").orElseThrow();
        StepReading forged = rules.read(items, Answers.NONE, TestApplications.MapInput.of("items.count", "999"), Set.of(), null,
                SiteLanguage.EN);
        assertThat(forged.items()).containsEntry("items", 3);
        StepReading none = rules.read(items, Answers.NONE, TestApplications.MapInput.of("items.count", "0"), Set.of(), null, SiteLanguage.EN);
        assertThat(none.problems()).extracting(Problem::key).containsExactly("apply.group.tooFew");
        StepReading added = rules.read(items, Answers.NONE, TestApplications.MapInput.of("items.count", "3"), Set.of(),
                GroupAction.parse("add:items"), SiteLanguage.EN);
        assertThat(added.items()).as("no more than the maximum").containsEntry("items", 3);
        StepReading removed = rules.read(items, Answers.NONE, TestApplications.MapInput.of("items.count", "2", "items[0].itemName", "a",
                "items[0].itemCount", "1", "items[1].itemName", "b", "items[1].itemCount", "2"), Set.of(), GroupAction.parse("remove:items:0"),
                SiteLanguage.EN);
        assertThat(removed.changes()).containsEntry("items", "1").containsEntry("items[0].itemName", "b").doesNotContainKey("items[1].itemName");
        assertThat(GroupAction.parse("remove:items:x")).isNull();
        assertThat(GroupAction.parse("continue")).isNull();
    }

    @Test
    void aRequiredFileFieldRefusesUntilAttachmentsAreThere() {
        org.machi.procedures.forms.Field photo = new org.machi.procedures.forms.Field("photo", org.machi.procedures.forms.FieldType.FILE,
                org.machi.procedures.forms.Text.of("写真"), null, true, null, null, null, null, null, null, null, null, false,
                Set.of(org.machi.procedures.forms.FileFormat.JPEG), 1000L, null, null, null, null);
        Step step = new Step("photos", org.machi.procedures.forms.Text.of("写真"), null, null, java.util.List.of(), java.util.List.of(photo));
        FormDefinition form = new FormDefinition("risai", java.util.List.of(step), org.machi.procedures.forms.Text.of("d"));
        StepReading unavailable = new FormRules(form, AS_TYPED, false).read(step, Answers.NONE,
                TestApplications.MapInput.of("photo", "00000000-0000-0000-0000-000000000001"), Set.of(), null, SiteLanguage.JA);
        assertThat(unavailable.problems()).extracting(Problem::key).containsExactly("apply.file.unavailable");
        assertThat(unavailable.changes()).as("a posted text is no attachment").doesNotContainKey("photo");
    }
}
