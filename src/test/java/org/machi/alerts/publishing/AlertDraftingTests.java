package org.machi.alerts.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertArea;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDrafting.NotSaved;
import org.machi.alerts.publishing.AlertDrafting.Problem;
import org.machi.alerts.publishing.AlertDrafting.Saved;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The drafting use case the staff forms call, without the forms: what it fills in, asks to confirm and refuses. */
@MachiWebTest
class AlertDraftingTests {

    private static final String BY = "test:operator";

    @Autowired
    AlertDrafting drafting;

    @Autowired
    AlertTemplates templates;

    @Autowired
    AlertDesk desk;

    @Autowired
    Clock clock;

    @Test
    void languagesLeftEmptyAreFilledFromTheKindsTemplate() {
        Alert alert = saved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of(), Set.of("ogino"), AlertArea.NONE), false, BY));

        assertThat(alert.texts().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SiteLanguage.values()).map(SiteLanguage::code).toList());
        assertThat(alert.texts().get("ja").sameWords(templates.fill(AlertKind.EVACUATION_ORDER, SiteLanguage.JA, Set.of("ogino"), "",
                alert.content().effective()))).isTrue();
    }

    @Test
    void aKindWithoutTemplateNeedsTheJapaneseWritten() {
        NotSaved refused = notSaved(drafting.draft(content(AlertKind.OTHER, Map.of(), Set.of("ogino"), AlertArea.NONE), false, BY));

        assertThat(refused.problems()).extracting(Problem::field, Problem::key).containsExactly(
                tuple("headline-ja", "alert.rule.japaneseRequired"));
    }

    @Test
    void anAreaDrawnAloneConcernsEveryDistrictItTouches() {
        // 500 m around the centre of 森の里
        AlertArea aroundMorinosato = new AlertArea(null, "35.4080,139.3010 0.5");
        Alert alert = saved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of(), Set.of(), aroundMorinosato), false, BY));
        assertThat(alert.districts()).containsExactly("morinosato");

        // a small square on the border of 荻野 and 睦合西, far from both centres: both are concerned
        AlertArea onTheBorder = new AlertArea("35.4745,139.3085 35.4745,139.3105 35.4765,139.3105 35.4765,139.3085 35.4745,139.3085", null);
        assertThat(saved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of(), Set.of(), onTheBorder), false, BY)).districts())
                .containsExactlyInAnyOrder("ogino", "mutsuai-nishi");
        // and so does a small circle there
        assertThat(saved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of(), Set.of(),
                new AlertArea(null, "35.4755,139.3095 0.1")), false, BY)).districts())
                .containsExactlyInAnyOrder("ogino", "mutsuai-nishi");

        // 50 m in a neighbouring city, east of Atsugi: no district
        NotSaved nowhere = notSaved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of(), Set.of(),
                new AlertArea(null, "35.4400,139.4600 0.05")), false, BY));
        assertThat(nowhere.problems()).extracting(Problem::key).containsExactly("alert.form.areaCoversNoDistrict");
        assertThat(nowhere.problems()).extracting(Problem::field).containsExactly("districts");
    }

    @Test
    void aTimeThatLooksLikeASlipIsAskedAboutUntilConfirmed() {
        Instant now = clock.instant();
        AlertContent farAhead = new AlertContent(AlertKind.WEATHER_WARNING, false, AlertKind.WEATHER_WARNING.urgency(),
                AlertKind.WEATHER_WARNING.severity(), AlertKind.WEATHER_WARNING.certainty(), Map.of(), Set.of("ogino"), "",
                now.plus(Duration.ofDays(40)), null);

        NotSaved asked = notSaved(drafting.draft(farAhead, false, BY));
        assertThat(asked.problems()).isEmpty();
        assertThat(asked.checks()).extracting(Problem::field, Problem::key).containsExactly(
                tuple("effective", "alert.check.effective.farAhead"));

        assertThat(saved(drafting.draft(farAhead, true, BY)).content().effective()).isEqualTo(farAhead.effective());
    }

    @Test
    void aBrokenRuleIsNamedWithTheFieldItConcerns() {
        Instant now = clock.instant();
        AlertContent endsFirst = new AlertContent(AlertKind.WEATHER_WARNING, false, AlertKind.WEATHER_WARNING.urgency(),
                AlertKind.WEATHER_WARNING.severity(), AlertKind.WEATHER_WARNING.certainty(), Map.of(), Set.of("ogino"), "",
                now, now.minus(Duration.ofHours(1)));

        NotSaved refused = notSaved(drafting.draft(endsFirst, true, BY));
        assertThat(refused.problems()).extracting(Problem::field).containsExactly("expires");
        assertThat(refused.checks()).isEmpty();
    }

    @Test
    void aRevisionWithOtherFactsMakesTemplateTextsAnewAndAsksAboutHandWrittenOnes() {
        AlertText english = new AlertText("Evacuate now", "Written by hand.", "");
        Alert draft = saved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of("en", english), Set.of("ogino"), AlertArea.NONE),
                false, BY));

        // the form sends back every text as it was shown, with another district
        AlertContent moved = content(AlertKind.EVACUATION_ORDER, draft.texts(), Set.of("koayu"), AlertArea.NONE);
        NotSaved asked = notSaved(drafting.revise(draft, moved, false, BY));
        assertThat(asked.checks()).extracting(Problem::field).containsExactly("headline-en");
        assertThat(asked.textsKept()).containsExactly("en");

        Alert revised = saved(drafting.revise(draft, moved, true, BY));
        assertThat(revised.texts().get("en")).isEqualTo(english);
        assertThat(revised.texts().get("ja").sameWords(templates.fill(AlertKind.EVACUATION_ORDER, SiteLanguage.JA, Set.of("koayu"), "",
                revised.content().effective()))).as("made anew for the new district").isTrue();
    }

    @Test
    void aCancelNeedsItsJapaneseAndGetsEveryOtherLanguageFromTheCancelTemplate() {
        Alert draft = saved(drafting.draft(content(AlertKind.EVACUATION_ORDER, Map.of(), Set.of("ogino"), AlertArea.NONE), false, BY));

        NotSaved blank = notSaved(drafting.draftCancel(draft, " ", "解除しました。", BY));
        assertThat(blank.problems()).extracting(Problem::field, Problem::key).containsExactly(
                tuple("headline", "alert.rule.japaneseRequired"));

        AlertText proposed = drafting.cancelText(draft);
        NotSaved notPublished = notSaved(drafting.draftCancel(draft, proposed.headline(), proposed.description(), BY));
        assertThat(notPublished.problems()).extracting(Problem::key).as("only a published alert is cancelled")
                .containsExactly("alert.rule.wrongState");

        desk.submit(draft.id(), BY);
        Alert published = desk.approve(draft.id(), "test:approver");
        Alert cancel = saved(drafting.draftCancel(published, proposed.headline(), proposed.description() + "\r\n", BY));
        assertThat(cancel.texts().get("ja")).isEqualTo(new AlertText(proposed.headline(), proposed.description(), ""));
        assertThat(cancel.texts().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SiteLanguage.values()).map(SiteLanguage::code).toList());
    }

    private AlertContent content(AlertKind kind, Map<String, AlertText> texts, Set<String> districts, AlertArea area) {
        Instant now = clock.instant();
        return new AlertContent(kind, true, kind.urgency(), kind.severity(), kind.certainty(), texts, districts, "",
                now, now.plus(Duration.ofHours(3)), area, null);
    }

    private static Alert saved(AlertDrafting.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Saved.class);
        return ((Saved) outcome).alert();
    }

    private static NotSaved notSaved(AlertDrafting.Outcome outcome) {
        assertThat(outcome).isInstanceOf(NotSaved.class);
        return (NotSaved) outcome;
    }
}
