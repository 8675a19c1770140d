package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.apps.webpush.WebPushHybridDecrypt;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.machi.alerts.PushService;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.delivery.PushIdentity;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.NoticeDesk;
import org.machi.shared.DataProtection;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push from the browser's side: a browser subscribes with its keys; an alert arrives at its
 * push service encrypted for that browser alone (decrypted here with the browser's private key),
 * with a VAPID token signed by the city's key for that service; notices come only for the chosen
 * categories; a subscription the service has forgotten is forgotten here too. Bad requests are
 * refused with a translated reason.
 */
@MachiWebTest
class WebPushTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertDesk alerts;

    @Autowired
    NoticeDesk notices;

    @Autowired
    PushIdentity identity;

    @Autowired
    DataProtection protection;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    /** A browser's push subscription keys, as its Push API makes them. */
    record BrowserKeys(KeyPair pair, byte[] auth) {

        static BrowserKeys make() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new BrowserKeys(generator.generateKeyPair(), auth);
        }

        Map<String, String> json() {
            ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
            byte[] point = new byte[65];
            point[0] = 4;
            copy(w.getAffineX(), point, 1);
            copy(w.getAffineY(), point, 33);
            return Map.of("p256dh", base64Url(point), "auth", base64Url(auth));
        }

        String decrypt(byte[] body) throws Exception {
            HybridDecrypt decrypt = new WebPushHybridDecrypt.Builder().withAuthSecret(auth)
                    .withRecipientPublicKey((ECPublicKey) pair.getPublic()).withRecipientPrivateKey((ECPrivateKey) pair.getPrivate()).build();
            return new String(decrypt.decrypt(body, null), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAlertAndANoticeOfAChosenCategoryArriveEncryptedAndSigned() throws Exception {
        try (PushService service = new PushService()) {
            BrowserKeys browser = BrowserKeys.make();
            String endpoint = service.endpoint(false);
            subscribe(endpoint, browser.json(), "en", List.of("echi-kita"), List.of("HEALTH")).andExpect(status().isCreated());
            BrowserKeys forgotten = BrowserKeys.make();
            String goneEndpoint = service.endpoint(true);
            subscribe(goneEndpoint, forgotten.json(), "ja", List.of("echi-kita"), List.of()).andExpect(status().isCreated());

            Alert alert = publishAlert();
            PushService.Push push = service.await(endpoint, 1).get(0);
            assertThat(push.headers()).containsEntry("Content-Encoding", "aes128gcm").containsEntry("Urgency", "high")
                    .containsEntry("TTL", Long.toString(Duration.ofHours(12).toSeconds()));
            JsonNode shown = json.readTree(browser.decrypt(push.body()));
            assertThat(shown.get("title").asString()).isEqualTo("[Drill] Evacuation order");
            assertThat(shown.get("body").asString()).isEqualTo("[Drill] Evacuation order for Echi-kita");
            assertThat(shown.get("url").asString()).isEqualTo("http://machi.test/alerts/" + alert.id());
            assertThat(shown.get("lang").asString()).isEqualTo("en");
            assertVapid(push.headers().get("Authorization"), service.origin());

            // the push service no longer knows the other browser: Machi forgets it
            service.await(goneEndpoint, 1);
            waitUntilGone(goneEndpoint);

            // a notice of a chosen category comes at normal urgency; one of another category does not come
            notices.publish(NoticeCategory.EVENTS, Map.of("ja", new NoticeText("市民まつり", "市民まつりを開きます。")), Set.of(), null, "test:department");
            notices.publish(NoticeCategory.HEALTH, Map.of("ja", new NoticeText("がん検診", "がん検診の申し込みを受け付けます。"),
                    "en", new NoticeText("Cancer screening", "Applications are open.")), Set.of(), null, "test:department");
            List<PushService.Push> pushes = service.await(endpoint, 2);
            assertThat(pushes).hasSize(2);
            assertThat(pushes.get(1).headers()).containsEntry("Urgency", "normal");
            assertThat(json.readTree(browser.decrypt(pushes.get(1).body())).get("body").asString()).isEqualTo("Cancer screening");

            mvc.perform(post("/alerts/push/end").with(csrf()).contentType("application/json")
                    .content(json.writeValueAsString(Map.of("endpoint", endpoint)))).andExpect(status().isOk());
            assertThat(subscriptions(endpoint)).isZero();
        }
    }

    @Test
    void unusableBrowserSubscriptionsAreRefusedWithAReason() throws Exception {
        Map<String, String> keys = BrowserKeys.make().json();
        assertRefused(subscribe("https://10.0.0.8/push/1", keys, "en", List.of("echi-kita"), List.of()), "push");
        assertRefused(subscribe("ftp://push.example/1", keys, "en", List.of("echi-kita"), List.of()), "push");
        assertRefused(subscribe("http://localhost:9/push/1", Map.of("p256dh", "short", "auth", "x"), "en", List.of("echi-kita"), List.of()),
                "push");
        assertRefused(subscribe("http://localhost:9/push/2", keys, "xx", List.of("echi-kita"), List.of()), "language");
        assertRefused(subscribe("http://localhost:9/push/3", keys, "en", List.of("atlantis"), List.of()), "districts");
        assertRefused(subscribe("http://localhost:9/push/4", keys, "en", List.of(), List.of()), "districts");
        assertRefused(subscribe("http://localhost:9/push/5", keys, "en", List.of("echi-kita"), List.of("NOPE")), "categories");
        mvc.perform(post("/alerts/push").with(csrf()).contentType("application/json").content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/alerts/push").contentType("application/json")
                .content(json.writeValueAsString(Map.of("endpoint", "http://localhost:9/push/6")))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.subscription WHERE push_endpoint_hash IS NOT NULL AND push_endpoint_hash IN (?, ?)")
                .params(protection.lookupHash("http://localhost:9/push/1"), protection.lookupHash("http://localhost:9/push/2"))
                .query(Integer.class).single()).isZero();
    }

    /** An endpoint not on a browser push service's host is refused, with a reason, and nothing is stored (a public address alone is not enough). */
    @Test
    void anEndpointOffThePushServicesHostsIsRefused() throws Exception {
        Map<String, String> keys = BrowserKeys.make().json();
        for (String endpoint : List.of("https://8.8.8.8/push/" + UUID.randomUUID(), "https://push.example.net/push/" + UUID.randomUUID())) {
            JsonNode answer = json.readTree(subscribe(endpoint, keys, "en", List.of("echi-kita"), List.of())
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(answer.get("problems").findValuesAsString("message")).as(endpoint)
                    .containsExactly("We cannot send notifications through this browser's push service. Please try again in a browser such as "
                            + "Chrome, Edge, Firefox or Safari.");
            assertThat(subscriptions(endpoint)).isZero();
        }
    }

    /** Browser subscriptions need no confirmation, so one client address makes only so many (50 in tests); the next is refused, translated. */
    @Test
    void oneClientSubscribesOnlySoManyBrowsers() throws Exception {
        String client = "192.0.2." + (1 + new SecureRandom().nextInt(250));
        Map<String, String> keys = BrowserKeys.make().json();
        String prefix = "http://localhost:9/push/limit-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 50; i++) {
            subscribeFrom(client, prefix + i, keys).andExpect(status().isCreated());
        }
        JsonNode refused = json.readTree(subscribeFrom(client, prefix + 50, keys).andExpect(status().isTooManyRequests()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.get("problems").findValuesAsString("message")).containsExactly("Too many browsers have asked for notifications "
                + "from this connection, so we are not taking new ones for a while. Please try again later.");
        assertThat(subscriptions(prefix + 50)).isZero();
        subscribeFrom("198.51.100.9", prefix + "elsewhere", keys).andExpect(status().isCreated());
    }

    private ResultActions subscribeFrom(String client, String endpoint, Map<String, String> keys) throws Exception {
        Map<String, Object> body = Map.of("endpoint", endpoint, "keys", keys, "language", "en", "wholeCity", true,
                "districts", List.of(), "categories", List.of());
        return mvc.perform(post("/alerts/push").with(csrf()).contentType("application/json").header("Accept-Language", "en")
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }).content(json.writeValueAsString(body)));
    }

    private ResultActions subscribe(String endpoint, Map<String, String> keys, String language, List<String> districts,
                                    List<String> categories) throws Exception {
        Map<String, Object> body = Map.of("endpoint", endpoint, "keys", keys, "language", language, "wholeCity", false,
                "districts", districts, "categories", categories);
        return mvc.perform(post("/alerts/push").with(csrf()).contentType("application/json").header("Accept-Language", "en")
                .content(json.writeValueAsString(body)));
    }

    private void assertRefused(ResultActions result, String field) throws Exception {
        JsonNode answer = json.readTree(result.andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.get("problems").findValuesAsString("field")).contains(field);
        assertThat(answer.get("problems").findValuesAsString("message")).allSatisfy(m -> assertThat(m).isNotBlank().doesNotContain("."
                + field + "."));
    }

    /** The token is ES256 over header and claims, by the key the browser was given, for this push service, for less than a day. */
    private void assertVapid(String authorization, String origin) throws Exception {
        assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + identity.publicKey());
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = token.split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        assertThat(claims.get("aud").asString()).isEqualTo(origin);
        assertThat(claims.get("sub").asString()).isNotBlank();
        Instant expires = Instant.ofEpochSecond(claims.get("exp").asLong());
        assertThat(expires).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofHours(24)));

        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(identity.publicKey())));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the city's VAPID key").isTrue();
    }

    private static ECPublicKey publicKey(byte[] uncompressed) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private Alert publishAlert() {
        Instant now = clock.instant();
        AlertKind kind = AlertKind.EVACUATION_ORDER;
        AlertContent content = new AlertContent(kind, true, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.LIKELY, Map.of("ja", new AlertText("【訓練】依知北地区に避難指示", "訓練です。", ""),
                "en", new AlertText("[Drill] Evacuation order for Echi-kita", "This is a drill.", "")),
                Set.of("echi-kita"), "", now.minusSeconds(60), now.plus(Duration.ofHours(1)));
        Alert draft = alerts.draft(content, "test:operator-" + UUID.randomUUID());
        alerts.submit(draft.id(), draft.author());
        return alerts.approve(draft.id(), "test:approver");
    }

    private int subscriptions(String endpoint) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts.subscription WHERE push_endpoint_hash = ?").param(protection.lookupHash(endpoint))
                .query(Integer.class).single();
    }

    private void waitUntilGone(String endpoint) {
        Awaitility.await("a subscription the push service forgot is forgotten").atMost(Duration.ofSeconds(10))
                .until(() -> subscriptions(endpoint) == 0);
    }

    private static void copy(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
