package org.machi.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.cap.CapWriter;
import org.machi.testing.Standards;

class AlertTests {

    private static final Instant NOW = Instant.parse("2026-07-13T20:30:00Z");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String ECHI_KITA = "35.5238,139.3285 35.5260,139.3450 35.5210,139.3740 35.4930,139.3840 35.4919,139.3840 "
            + "35.4779,139.3548 35.5238,139.3285";
    private static final String ECHI_MINAMI = "35.4768,139.3545 35.4779,139.3548 35.4919,139.3840 35.4630,139.3830 35.4548,139.3816 "
            + "35.4602,139.3672 35.4768,139.3545";
    private static final String OUTLINE = "35.5260,139.3450 35.5210,139.3740 35.4630,139.3830 35.4548,139.3816 35.4779,139.3548 "
            + "35.5260,139.3450";
    private static final Map<String, CapCity.DistrictArea> AREAS = Map.of(
            "echi-kita", new CapCity.DistrictArea("142123-03", ECHI_KITA),
            "echi-minami", new CapCity.DistrictArea("142123-04", ECHI_MINAMI));
    private static final String WEB = "https://machi.test/alerts/x";
    private static final CapWording WORDING = new CapWording() {
        @Override
        public String senderName(String language) {
            return language.equals("ja") ? "厚木市" : "Atsugi City";
        }

        @Override
        public String event(AlertKind kind, String language) {
            return language.equals("ja") ? "避難指示" : "Evacuation order";
        }

        @Override
        public String districtName(String code, String language) {
            return language.equals("ja") ? Map.of("echi-kita", "依知北地区", "echi-minami", "依知南地区").get(code)
                    : Map.of("echi-kita", "Echi-kita", "echi-minami", "Echi-minami").get(code);
        }

        @Override
        public String wholeCity(String language) {
            return language.equals("ja") ? "市内全域" : "the whole city";
        }

        @Override
        public String drawnArea(String language) {
            return language.equals("ja") ? "指定した範囲" : "Area drawn";
        }
    };
    private static final CapCity CITY = new CapCity("city.atsugi.kanagawa.jp", TOKYO, "142123", OUTLINE, AREAS, Duration.ofHours(24),
            WORDING);
    private static final Map<String, AlertText> TEXTS = Map.of(
            "ja", new AlertText("【訓練】避難指示", "相模川の水位が上がっています（訓練）。", "避難所へ移動してください。"),
            "en", new AlertText("[Exercise] Evacuation order", "The Sagami River is rising (exercise).", "Go to a shelter."));

    @Test
    void aDraftIsPublishedOnlyWhenASecondPersonApprovesIt() throws Exception {
        Alert alert = draft();
        alert.submit("operator-1");
        assertThatThrownBy(() -> alert.approve("operator-1", NOW)).isInstanceOf(AlertRuleBroken.class)
                .extracting("messageKey").isEqualTo("alert.rule.fourEyes");

        alert.approve("approver-1", NOW);
        assertThat(alert.state()).isEqualTo(Alert.State.PUBLISHED);
        assertThat(alert.approver()).isEqualTo("approver-1");
        assertThat(alert.inForce(NOW.plusSeconds(60))).isTrue();
        assertThat(alert.inForce(NOW.plus(Duration.ofHours(13)))).as("after it expires").isFalse();

        String cap = CapWriter.write(alert.toCap(CITY, List.of(), WEB));
        validate(cap);
        assertThat(cap).contains("<status>Exercise</status>", "<language>ja</language>", "<areaDesc>依知北地区</areaDesc>",
                "<polygon>" + ECHI_KITA + "</polygon>");
        assertThat(cap.indexOf("<language>ja</language>")).as("Japanese first").isLessThan(cap.indexOf("<language>en</language>"));
        String english = cap.substring(cap.indexOf("<language>en</language>"));
        assertThat(english).as("each info in its own language").contains("<event>Evacuation order</event>",
                "<senderName>Atsugi City</senderName>", "<areaDesc>Echi-kita</areaDesc>").doesNotContain("依知北地区");
    }

    @Test
    void anUpdateAndACancelReferToThePublishedAlertAndRetireIt() {
        Alert original = published();
        Alert update = original.draftUpdate(content(TEXTS, Set.of("echi-kita", "echi-minami"), NOW, NOW.plus(Duration.ofHours(24))), "operator-2", NOW);
        update.submit("operator-2");
        update.approve("approver-1", NOW.plusSeconds(600));
        original.replacedBy(update);
        assertThat(original.state()).isEqualTo(Alert.State.SUPERSEDED);
        String updateCap = CapWriter.write(update.toCap(CITY, List.of(original), WEB));
        validate(updateCap);
        assertThat(updateCap).contains("<msgType>Update</msgType>",
                "<references>city.atsugi.kanagawa.jp," + original.capIdentifier() + ",2026-07-14T05:30:00+09:00</references>");

        Alert cancel = update.draftCancel(Map.of("ja", new AlertText("避難指示の解除（訓練）", "避難指示を解除します。", null)), "operator-2",
                NOW.plusSeconds(3600));
        cancel.submit("operator-2");
        cancel.approve("approver-2", NOW.plusSeconds(3700));
        update.replacedBy(cancel);
        assertThat(update.state()).isEqualTo(Alert.State.CANCELLED);
        assertThat(cancel.inForce(NOW.plusSeconds(3800))).as("a cancel is not itself an alert in force").isFalse();
        String cancelCap = CapWriter.write(cancel.toCap(CITY, List.of(original, update), WEB));
        validate(cancelCap);
        assertThat(cancelCap).as("the cancel of an update names every message of the chain, oldest first").contains(
                "<references>city.atsugi.kanagawa.jp," + original.capIdentifier() + ",2026-07-14T05:30:00+09:00 "
                        + "city.atsugi.kanagawa.jp," + update.capIdentifier() + ",2026-07-14T05:40:00+09:00</references>");
        assertThatThrownBy(() -> cancel.toCap(CITY, List.of(update), WEB)).as("not without the original")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDrawnAreaAndALinkTravelInTheCapDocument() {
        AlertArea area = AlertArea.parse("35.50,139.35 35.50,139.38 35.48,139.38 35.48,139.35 35.50,139.35", "35.496,139.363 0.8",
                35.44, 139.36);
        AlertContent content = new AlertContent(AlertKind.EVACUATION_ORDER, true, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.LIKELY, TEXTS, Set.of("echi-kita"), "", NOW, NOW.plus(Duration.ofHours(12)), area,
                "https://www.city.atsugi.kanagawa.jp/bosai/");
        Alert alert = Alert.draft(content, "operator-1", NOW);
        alert.submit("operator-1");
        alert.approve("approver-1", NOW);
        String cap = CapWriter.write(alert.toCap(CITY, List.of(), WEB));
        validate(cap);
        assertThat(cap).contains("<areaDesc>指定した範囲</areaDesc>", "<areaDesc>Area drawn</areaDesc>",
                "<polygon>35.5,139.35 35.5,139.38 35.48,139.38 35.48,139.35 35.5,139.35</polygon>", "<circle>35.496,139.363 0.8</circle>",
                "<uri>https://www.city.atsugi.kanagawa.jp/bosai/</uri>", "<mimeType>text/html</mimeType>");
        assertThat(cap).as("the drawn area is the part of the district concerned, not added to it")
                .doesNotContain(ECHI_KITA, "依知北地区", "地区コード");

        Alert cancel = alert.draftCancel(Map.of("ja", new AlertText("解除（訓練）", "解除します。", null)), "operator-1", NOW.plusSeconds(60));
        assertThat(cancel.content().area()).as("a cancel concerns the same area").isEqualTo(area);
        assertThat(cancel.content().link()).isNull();
        assertRule("alert.rule.linkInvalid", () -> Alert.draft(new AlertContent(AlertKind.OTHER, false, CapMessage.Urgency.EXPECTED,
                CapMessage.Severity.MINOR, CapMessage.Certainty.OBSERVED, TEXTS, Set.of("echi-kita"), "", NOW, null, AlertArea.NONE,
                "javascript:alert(1)"), "operator-1", NOW));
    }

    @Test
    void districtsAreSentAsTheirBoundariesWithTheCodesOtherSystemsKnow() {
        String one = CapWriter.write(published(Set.of("echi-kita")).toCap(CITY, List.of(), WEB));
        validate(one);
        assertThat(one).contains("<areaDesc>依知北地区</areaDesc><polygon>" + ECHI_KITA + "</polygon>"
                + "<geocode><valueName>全国地方公共団体コード</valueName><value>142123</value></geocode>"
                + "<geocode><valueName>地区コード</valueName><value>142123-03</value></geocode>").doesNotContain("<circle>", "echi-kita");

        String everywhere = CapWriter.write(published(Set.of("echi-kita", "echi-minami")).toCap(CITY, List.of(), WEB));
        validate(everywhere);
        assertThat(everywhere).as("every district: the city's outline and code, and each district's code")
                .contains("<areaDesc>市内全域</areaDesc><polygon>" + OUTLINE + "</polygon>"
                        + "<geocode><valueName>全国地方公共団体コード</valueName><value>142123</value></geocode>"
                        + "<geocode><valueName>地区コード</valueName><value>142123-03</value></geocode>"
                        + "<geocode><valueName>地区コード</valueName><value>142123-04</value></geocode></area>")
                .doesNotContain(ECHI_KITA);
    }

    @Test
    void anAlertWithoutAnEndExpiresInCapAtTheCitysReviewHorizonAndAnUpdateRenewsIt() {
        Alert order = draft(TEXTS, Set.of("echi-kita"), NOW, null);
        order.submit("operator-1");
        order.approve("approver-1", NOW);
        String cap = CapWriter.write(order.toCap(CITY, List.of(), WEB));
        validate(cap);
        assertThat(cap).contains("<effective>2026-07-14T05:30:00+09:00</effective><expires>2026-07-15T05:30:00+09:00</expires>");
        assertThat(order.inForce(NOW.plus(Duration.ofHours(30)))).as("in force until lifted, whatever CAP's horizon").isTrue();

        Instant later = NOW.plus(Duration.ofHours(20));
        Alert update = order.draftUpdate(content(TEXTS, Set.of("echi-kita", "echi-minami"), NOW, null), "operator-1", later);
        update.submit("operator-1");
        update.approve("approver-1", later);
        String updateCap = CapWriter.write(update.toCap(CITY, List.of(order), WEB));
        validate(updateCap);
        assertThat(updateCap).as("a new horizon from the update's publication")
                .contains("<effective>2026-07-14T05:30:00+09:00</effective><expires>2026-07-16T01:30:00+09:00</expires>");

        Alert cancel = update.draftCancel(Map.of("ja", new AlertText("解除（訓練）", "解除します。", null)), "operator-1", later);
        cancel.submit("operator-1");
        cancel.approve("approver-1", later.plusSeconds(60));
        validate(CapWriter.write(cancel.toCap(CITY, List.of(order, update), WEB)));
    }

    @Test
    void badDraftsAreRefusedNamingTheRule() {
        assertRule("alert.rule.japaneseRequired", () -> draft(Map.of("en", TEXTS.get("en")), Set.of("echi-kita"), NOW, NOW.plusSeconds(60)));
        assertRule("alert.rule.japaneseRequired", () -> draft(Map.of("ja", new AlertText(" ", "x", null)), Set.of("echi-kita"), NOW, NOW.plusSeconds(60)));
        assertRule("alert.rule.placeRequired", () -> draft(TEXTS, Set.of(), NOW, NOW.plusSeconds(60)));
        assertRule("alert.rule.expiresBeforeEffective", () -> draft(TEXTS, Set.of("echi-kita"), NOW, NOW.minusSeconds(60)));
        assertRule("alert.rule.expired", () -> draft(TEXTS, Set.of("echi-kita"), NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))));
        assertRule("alert.rule.tooLong", () -> draft(Map.of("ja", new AlertText("あ".repeat(141), "x", null)), Set.of("echi-kita"), NOW, null));
        assertThatThrownBy(() -> draft(Map.of("ja", TEXTS.get("ja"), "en", new AlertText("Evacuate", "x".repeat(4001), null)),
                Set.of("echi-kita"), NOW, null)).isInstanceOf(AlertRuleBroken.class)
                .satisfies(broken -> assertThat(((AlertRuleBroken) broken).field()).as("the long text is named")
                        .contains("description-en"));
        assertRule("alert.rule.effectiveRequired", () -> draft(TEXTS, Set.of("echi-kita"), null, null));
        Alert unknownPlace = published(Set.of("atlantis"));
        assertRule("alert.rule.unknownDistrict", () -> unknownPlace.toCap(CITY, List.of(), WEB));
    }

    /** Every action in every state: allowed where the table says so, refused everywhere else. */
    @Test
    void everyTransitionIsGuarded() {
        Map<Alert.State, List<String>> allowed = new EnumMap<>(Map.of(
                Alert.State.DRAFT, List.of("submit", "revise", "discard"),
                Alert.State.AWAITING_APPROVAL, List.of("approve", "sendBack"),
                Alert.State.PUBLISHED, List.of("draftUpdate", "draftCancel"),
                Alert.State.SUPERSEDED, List.of(),
                Alert.State.CANCELLED, List.of()));
        Map<String, Consumer<Alert>> actions = Map.of(
                "submit", a -> a.submit("operator-1"),
                "approve", a -> a.approve("approver-1", NOW),
                "sendBack", a -> a.sendBack("approver-1"),
                "draftUpdate", a -> a.draftUpdate(content(TEXTS, Set.of("echi-kita"), NOW, NOW.plusSeconds(600)), "operator-1", NOW),
                "draftCancel", a -> a.draftCancel(TEXTS, "operator-1", NOW),
                "revise", a -> a.revise(content(TEXTS, Set.of("echi-minami"), NOW, NOW.plusSeconds(600)), "operator-1", NOW),
                "discard", a -> a.discard("operator-1"));
        List<String> wrong = new ArrayList<>();
        for (Alert.State state : Alert.State.values()) {
            for (var action : actions.entrySet()) {
                Alert alert = inState(state);
                boolean refused;
                try {
                    action.getValue().accept(alert);
                    refused = false;
                } catch (AlertRuleBroken broken) {
                    refused = true;
                }
                if (refused == allowed.get(state).contains(action.getKey())) {
                    wrong.add(state + " " + action.getKey() + (refused ? " was refused" : " was allowed"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPublishedCancelIsFinal() {
        Alert original = published();
        Alert cancel = original.draftCancel(TEXTS, "operator-1", NOW);
        cancel.submit("operator-1");
        cancel.approve("approver-1", NOW);
        original.replacedBy(cancel);
        assertRule("alert.rule.wrongState", () -> cancel.draftUpdate(content(TEXTS, Set.of("echi-kita"), NOW, null), "operator-1", NOW));
        assertRule("alert.rule.wrongState", () -> cancel.draftCancel(TEXTS, "operator-1", NOW));
    }

    @Test
    void capNumbersDoNotDependOnTheServersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String cap = CapWriter.write(published().toCap(CITY, List.of(), WEB));
            Standards.assertValidCap(cap);
            assertThat(cap).contains("<polygon>" + ECHI_KITA + "</polygon>", "<expires>2026-07-14T17:30:00+09:00</expires>");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void onlyTheAuthorSubmitsRevisesOrDiscards() {
        assertRule("alert.rule.onlyAuthorSubmits", () -> draft().submit("someone-else"));
        assertRule("alert.rule.onlyAuthorChanges", () -> draft().discard("someone-else"));
        assertRule("alert.rule.onlyAuthorChanges",
                () -> draft().revise(content(TEXTS, Set.of("echi-minami"), NOW, null), "someone-else", NOW));
    }

    @Test
    void anExerciseStaysAnExercise() {
        Alert original = published();
        AlertContent actual = new AlertContent(AlertKind.EVACUATION_ORDER, false, CapMessage.Urgency.IMMEDIATE,
                CapMessage.Severity.SEVERE, CapMessage.Certainty.OBSERVED, TEXTS, Set.of("echi-kita"), "", NOW, null);
        assertRule("alert.rule.kindFixed", () -> original.draftUpdate(actual, "operator-1", NOW));
        AlertContent drill = new AlertContent(AlertKind.EXERCISE, false, CapMessage.Urgency.FUTURE,
                CapMessage.Severity.MINOR, CapMessage.Certainty.UNLIKELY, TEXTS, Set.of("echi-kita"), "", NOW, null);
        assertThat(drill.exercise()).as("the exercise kind is always an exercise").isTrue();
    }

    @Test
    void anOrderUntilLiftedIsDueForRenewalBeforeItsCapHorizon() {
        Duration horizon = Duration.ofHours(24);
        Duration warning = Duration.ofHours(3);
        Alert order = Alert.draft(content(TEXTS, Set.of("echi-kita"), NOW.minus(Duration.ofHours(2)), null), "operator-1", NOW);
        order.submit("operator-1");
        order.approve("approver-1", NOW);

        assertThat(order.renewalNeededBy(horizon, NOW)).as("a day after its publication, later than its start").contains(NOW.plus(horizon));
        assertThat(order.renewalDue(horizon, warning, NOW.plus(Duration.ofHours(20)))).isFalse();
        assertThat(order.renewalDue(horizon, warning, NOW.plus(Duration.ofHours(21).plusMinutes(1)))).isTrue();
        assertThat(order.renewalDue(horizon, warning, NOW.plus(Duration.ofHours(30)))).as("past the horizon, still in force").isTrue();

        Alert withAnEnd = published();
        assertThat(withAnEnd.renewalNeededBy(horizon, NOW)).as("an alert with an end ends in CAP and on the page alike").isEmpty();
        assertThat(withAnEnd.endsSoon(warning, NOW.plus(Duration.ofHours(10)))).isTrue();
        assertThat(withAnEnd.endsSoon(warning, NOW.plus(Duration.ofHours(8)))).isFalse();
        Alert cancelled = inState(Alert.State.CANCELLED);
        assertThat(cancelled.renewalDue(horizon, warning, NOW.plus(Duration.ofHours(23)))).isFalse();
    }

    private static Alert inState(Alert.State state) {
        return switch (state) {
            case DRAFT -> draft();
            case AWAITING_APPROVAL -> {
                Alert alert = draft();
                alert.submit("operator-1");
                yield alert;
            }
            case PUBLISHED -> published();
            case SUPERSEDED, CANCELLED -> {
                Alert original = published();
                Alert later = state == Alert.State.CANCELLED
                        ? original.draftCancel(TEXTS, "operator-1", NOW)
                        : original.draftUpdate(content(TEXTS, Set.of("echi-kita"), NOW, NOW.plusSeconds(600)), "operator-1", NOW);
                later.submit("operator-1");
                later.approve("approver-1", NOW);
                original.replacedBy(later);
                yield original;
            }
        };
    }

    private static Alert published() {
        return published(Set.of("echi-kita"));
    }

    private static Alert published(Set<String> districts) {
        Alert alert = draft(TEXTS, districts, NOW, NOW.plus(Duration.ofHours(12)));
        alert.submit("operator-1");
        alert.approve("approver-1", NOW);
        return alert;
    }

    private static Alert draft() {
        return draft(TEXTS, Set.of("echi-kita"), NOW, NOW.plus(Duration.ofHours(12)));
    }

    private static Alert draft(Map<String, AlertText> texts, Set<String> districts, Instant effective, Instant expires) {
        return Alert.draft(content(texts, districts, effective, expires), "operator-1", NOW);
    }

    private static AlertContent content(Map<String, AlertText> texts, Set<String> districts, Instant effective, Instant expires) {
        return new AlertContent(AlertKind.EVACUATION_ORDER, true, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.OBSERVED, texts, districts, "厚木小学校", effective, expires);
    }

    private static void assertRule(String key, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AlertRuleBroken.class).extracting("messageKey").isEqualTo(key);
    }

    private static void validate(String xml) {
        Standards.assertValidCap(xml);
    }
}
