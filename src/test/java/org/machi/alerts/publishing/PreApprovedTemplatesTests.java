package org.machi.alerts.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The four-eyes exception a city may configure: an evacuation order at the highest urgency whose
 * every text is the template's, word for word, goes out on the operator's word alone; anything
 * else still needs an approver.
 */
@MachiWebTest
class PreApprovedTemplatesTests {

    @Autowired
    AlertTemplates templates;

    @Autowired
    Clock clock;

    @Test
    void onlyTheTemplateWordForWordAtTheHighestUrgencyGoesOutWithoutAnApprover() {
        PreApprovedTemplates preApproved = new PreApprovedTemplates(new AlertsProperties(List.of(AlertKind.EVACUATION_ORDER), null, null, null, null, null), templates);
        PreApprovedTemplates noneConfigured = new PreApprovedTemplates(new AlertsProperties(List.of(), null, null, null, null, null), templates);
        Instant now = clock.instant();
        Map<String, AlertText> asTemplate = filled(now);

        Alert exact = draft(asTemplate, CapMessage.Urgency.IMMEDIATE, now);
        assertThat(preApproved.allows(exact)).isTrue();
        assertThat(noneConfigured.allows(exact)).as("no exception unless the city configures one").isFalse();

        Map<String, AlertText> edited = new LinkedHashMap<>(asTemplate);
        AlertText japanese = edited.get("ja");
        edited.put("ja", new AlertText(japanese.headline(), japanese.description() + "（追記）", japanese.instruction()));
        assertThat(preApproved.allows(draft(edited, CapMessage.Urgency.IMMEDIATE, now))).as("one word changed").isFalse();
        assertThat(preApproved.allows(draft(asTemplate, CapMessage.Urgency.EXPECTED, now))).as("not the highest urgency").isFalse();

        exact.publishUnderStandingApproval("operator-1", now);
        assertThat(exact.state()).isEqualTo(Alert.State.PUBLISHED);
        assertThat(exact.publishedOnStandingApproval()).isTrue();
        Alert expected = draft(asTemplate, CapMessage.Urgency.EXPECTED, now);
        assertThatThrownBy(() -> expected.publishUnderStandingApproval("operator-1", now)).isInstanceOf(AlertRuleBroken.class);
        Alert someoneElses = draft(asTemplate, CapMessage.Urgency.IMMEDIATE, now);
        assertThatThrownBy(() -> someoneElses.publishUnderStandingApproval("operator-2", now)).as("only its author")
                .isInstanceOf(AlertRuleBroken.class);
    }

    private Map<String, AlertText> filled(Instant now) {
        Map<String, AlertText> texts = new LinkedHashMap<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            texts.put(language.code(), templates.fill(AlertKind.EVACUATION_ORDER, language, Set.of("echi-kita"), "依知小学校", now));
        }
        return texts;
    }

    private static Alert draft(Map<String, AlertText> texts, CapMessage.Urgency urgency, Instant now) {
        return Alert.draft(new AlertContent(AlertKind.EVACUATION_ORDER, true, urgency, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.LIKELY, texts, Set.of("echi-kita"), "依知小学校", now, now.plus(Duration.ofHours(6))),
                "operator-1", now);
    }
}
