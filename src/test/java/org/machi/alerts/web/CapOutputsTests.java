package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.alerts.Subscribing;
import org.machi.alerts.WebhookReceiver;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertArea;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertStore;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.Standards;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of CAP message Machi publishes passes the CAP 1.2 schema and Google's CAP profile; the
 * areas are the districts' boundaries (or exactly what was drawn) with the codes Japanese receivers
 * know; and a message carries one language tag and one identifier form in CAP, JSON and webhooks.
 */
@MachiWebTest
class CapOutputsTests {

    private static final String OPERATOR = "test:operator";
    private static final String APPROVER = "test:approver";
    private static final Pattern REFERENCE_IDENTIFIERS = Pattern.compile("[^,\\s]+,([^,\\s]+),[^,\\s]+");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAlertForms forms;

    @Autowired
    AlertDesk desk;

    @Autowired
    AlertStore store;

    @Autowired
    CityProfile city;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    private Mailbox mailbox;

    @BeforeEach
    void mailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void everyKindOfMessagePassesTheSchemaAndGooglesProfile() throws Exception {
        Map<String, UUID> published = new LinkedHashMap<>();
        for (AlertKind kind : AlertKind.values()) {
            published.put(kind + " alert", publish(content(kind, false, Set.of("koayu"), texts("ja"), null, AlertArea.NONE)));
            published.put(kind + " drill", publish(content(kind, true, Set.of("koayu"), texts("ja"), null, AlertArea.NONE)));
        }
        published.put("ja and やさしい日本語", publish(content(AlertKind.EVACUATION_ORDER, false, Set.of("ogino"), texts("ja", "ja-easy"),
                null, AlertArea.NONE)));
        published.put("all nine languages, whole city", publish(content(AlertKind.EMERGENCY_SAFETY, false, allDistricts(),
                texts(languages()), null, AlertArea.NONE)));
        published.put("with an end and two districts", publish(content(AlertKind.ROAD_CLOSURE, false, Set.of("koayu", "ogino"),
                texts("ja", "en"), clock.instant().plus(Duration.ofHours(6)), AlertArea.NONE)));
        published.put("a drawn polygon and circle", publish(content(AlertKind.LANDSLIDE_WARNING, false, Set.of("koayu"), texts("ja", "en"),
                null, AlertArea.parse("35.45,139.29 35.45,139.30 35.44,139.30 35.45,139.29", "35.452,139.296 0.5", 35.44, 139.36))));

        UUID original = publish(content(AlertKind.EVACUATION_ORDER, false, Set.of("koayu"), texts("ja", "ja-easy", "en"), null,
                AlertArea.NONE));
        UUID update = approved(desk.draftUpdate(original, content(AlertKind.EVACUATION_ORDER, false, Set.of("koayu", "ogino"),
                texts("ja", "ja-easy", "en"), null, AlertArea.NONE), OPERATOR).id());
        UUID secondUpdate = approved(desk.draftUpdate(update, content(AlertKind.EVACUATION_ORDER, false, allDistricts(),
                texts("ja", "ja-easy", "en"), null, AlertArea.NONE), OPERATOR).id());
        UUID cancelOfUpdates = approved(desk.draftCancel(secondUpdate, texts("ja", "en"), OPERATOR).id());
        UUID drill = publish(content(AlertKind.EXERCISE, true, allDistricts(), texts("ja"), null, AlertArea.NONE));
        UUID cancelOfDrill = approved(desk.draftCancel(drill, texts("ja"), OPERATOR).id());
        published.putAll(Map.of("original", original, "update", update, "update of the update", secondUpdate,
                "cancel of the updates", cancelOfUpdates, "drill", drill, "cancel of the drill", cancelOfDrill));

        for (var message : published.entrySet()) {
            String cap = cap(message.getValue());
            Standards.assertValidCap(cap);
            assertThat(cap).as(message.getKey()).contains("<polygon>")
                    .contains("<geocode><valueName>全国地方公共団体コード</valueName><value>142123</value></geocode>");
            if (!message.getKey().contains("drawn")) {
                assertThat(cap).as(message.getKey() + ": districts are polygons, not circles around a centre").doesNotContain("<circle>");
            }
        }
        assertThat(references(cap(cancelOfUpdates))).as("the cancel names the whole chain, oldest first")
                .containsExactly(identifier(original), identifier(update), identifier(secondUpdate));
        assertThat(references(cap(secondUpdate))).containsExactly(identifier(original), identifier(update));
        assertThat(cap(cancelOfDrill)).contains("<status>Exercise</status>", "<msgType>Cancel</msgType>", "<expires>");
    }

    @Test
    void eachDistrictIsSentAsItsBoundaryWithItsCode() throws Exception {
        UUID id = publish(content(AlertKind.EVACUATION_ORDER, false, Set.of("ogino", "koayu"), texts("ja", "en"), null, AlertArea.NONE));
        String cap = cap(id);
        for (String code : List.of("ogino", "koayu")) {
            CityProfile.District district = city.district(code).orElseThrow();
            assertThat(cap).contains("<areaDesc>" + district.name() + "</areaDesc><polygon>" + district.boundary().polygon() + "</polygon>"
                    + "<geocode><valueName>全国地方公共団体コード</valueName><value>142123</value></geocode>"
                    + "<geocode><valueName>地区コード</valueName><value>" + city.districtGeocode(district) + "</value></geocode>");
        }
        assertThat(cap).contains("<value>142123-08</value>").doesNotContain("<circle>", "<value>ogino</value>", "district</valueName>");
    }

    @Test
    void aPolygonDrawnAloneIsSentAsDrawn() throws Exception {
        String drawn = "35.49,139.29 35.49,139.31 35.47,139.31 35.47,139.29 35.49,139.29";
        UUID id = forms.publish(post("/staff/alerts/new").param("kind", "LANDSLIDE_WARNING").param("polygon", drawn)
                .param("effective", StaffAlertForms.LOCAL.format(forms.now())).param("expires", StaffAlertForms.LOCAL.format(forms.now().plusHours(3)))
                .param("urgency", "IMMEDIATE").param("severity", "SEVERE").param("certainty", "LIKELY"));
        assertThat(store.find(id).orElseThrow().districts()).as("delivered to the district it concerns").contains("ogino");
        String cap = cap(id);
        Standards.assertValidCap(cap);
        List<String> polygons = new ArrayList<>();
        Matcher polygon = Pattern.compile("<polygon>([^<]+)</polygon>").matcher(cap);
        while (polygon.find()) {
            polygons.add(polygon.group(1));
        }
        assertThat(polygons).as("one area per info: what was drawn, nothing added")
                .containsOnly(drawn).hasSize(cap.split("<info>").length - 1);
        assertThat(cap).doesNotContain("<circle>", city.district("ogino").orElseThrow().boundary().polygon(), "地区コード");
    }

    @Test
    void oneLanguageTagAndOneIdentifierFormInCapJsonAndWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String email = "easy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            Subscribing.subscribe(mvc, mailbox, email, post("/alerts/subscribe").param("language", "ja-easy")
                    .param("district", "morinosato").param("byEmail", "on").param("webhookUrl", receiver.url()));

            UUID original = publish(content(AlertKind.EVACUATION_ORDER, false, Set.of("morinosato"), texts("ja", "ja-easy", "en"), null,
                    AlertArea.NONE));
            UUID update = approved(desk.draftUpdate(original, content(AlertKind.EVACUATION_ORDER, false, Set.of("morinosato", "tamagawa"),
                    texts("ja", "ja-easy", "en"), null, AlertArea.NONE), OPERATOR).id());
            UUID cancel = approved(desk.draftCancel(update, texts("ja", "ja-easy"), OPERATOR).id());
            List<String> chain = List.of(identifier(original), identifier(update));

            String cancelCap = cap(cancel);
            JsonNode api = json.readTree(api("/api/alerts/" + cancel));
            JsonNode apiOfOriginal = json.readTree(api("/api/alerts/" + original));
            Set<String> ours = Set.of(original.toString(), update.toString(), cancel.toString());
            Map<String, JsonNode> events = receiver.await(3).stream().map(call -> json.readTree(call.body()).get("data"))
                    .filter(data -> ours.contains(data.get("id").asString()))
                    .collect(Collectors.toMap(data -> data.get("id").asString(), data -> data, (first, again) -> first));
            assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(ours);

            // every part is checked, so that each output that differs is named
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(cancelCap).as("CAP language").contains("<language>ja-x-easy</language>").doesNotContain("ja-easy");
            soft.assertThat(names(api.get("texts"))).as("JSON texts").contains("ja", "ja-x-easy").doesNotContain("ja-easy");
            for (JsonNode data : events.values()) {
                soft.assertThat(data.get("language").asString()).as("webhook language").isEqualTo("ja-x-easy");
            }

            soft.assertThat(references(cancelCap)).as("CAP references").isEqualTo(chain);
            soft.assertThat(api.get("capIdentifier").asString()).isEqualTo(identifier(cancel));
            soft.assertThat(strings(api.get("references"))).as("JSON references").isEqualTo(chain);
            soft.assertThat(strings(apiOfOriginal.get("references"))).as("JSON references of an original").isEmpty();
            for (JsonNode data : events.values()) {
                soft.assertThat(data.get("capIdentifier").asString()).isEqualTo(identifier(UUID.fromString(data.get("id").asString())));
            }
            soft.assertThat(strings(events.get(cancel.toString()).get("references"))).as("webhook references of the cancel").isEqualTo(chain);
            soft.assertThat(strings(events.get(update.toString()).get("references"))).as("webhook references of the update")
                    .containsExactly(identifier(original));
            soft.assertThat(events.get(original.toString()).get("references").isArray()).as("webhook references of an original: a list")
                    .isTrue();
            soft.assertThat(strings(events.get(original.toString()).get("references"))).isEmpty();
            soft.assertAll();
        }
    }

    private UUID publish(AlertContent content) {
        return approved(desk.draft(content, OPERATOR).id());
    }

    private UUID approved(UUID id) {
        desk.submit(id, OPERATOR);
        desk.approve(id, APPROVER);
        return id;
    }

    private AlertContent content(AlertKind kind, boolean exercise, Set<String> districts, Map<String, AlertText> texts, Instant expires,
                                 AlertArea area) {
        return new AlertContent(kind, exercise, kind.urgency(), kind.severity(), kind.certainty(), texts, districts, "", clock.instant(),
                expires, area, null);
    }

    private Set<String> allDistricts() {
        return city.districts().stream().map(CityProfile.District::code).collect(Collectors.toSet());
    }

    private static String[] languages() {
        return java.util.Arrays.stream(SiteLanguage.values()).map(SiteLanguage::code).toArray(String[]::new);
    }

    private static Map<String, AlertText> texts(String... languages) {
        Map<String, AlertText> texts = new LinkedHashMap<>();
        for (int i = 0; i < languages.length; i++) {
            texts.put(languages[i], new AlertText("見出し" + (i + 1), "説明" + (i + 1), "行動" + (i + 1)));
        }
        return texts;
    }

    private String cap(UUID id) throws Exception {
        return mvc.perform(get("/alerts/" + id + "/cap.xml")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The JSON API's answer, following a redirect from an older path. */
    private String api(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        if (response.getStatus() / 100 == 3) {
            response = mvc.perform(get(response.getRedirectedUrl() != null ? response.getRedirectedUrl() : response.getHeader("Location")))
                    .andReturn().getResponse();
        }
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String identifier(UUID id) {
        return store.find(id).orElseThrow().capIdentifier();
    }

    private static List<String> references(String cap) {
        Matcher list = Pattern.compile("<references>([^<]+)</references>").matcher(cap);
        if (!list.find()) {
            return List.of();
        }
        List<String> identifiers = new ArrayList<>();
        Matcher reference = REFERENCE_IDENTIFIERS.matcher(list.group(1));
        while (reference.find()) {
            identifiers.add(reference.group(1));
        }
        return identifiers;
    }

    /** The strings of a JSON array; a single value or null (as older payloads had) as it is, or none. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(element -> values.add(element.asString()));
        } else {
            values.add(node.asString());
        }
        return values;
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
