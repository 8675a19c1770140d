package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountDeletion;
import org.machi.testing.TestClock;
import java.time.Duration;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.Visitor;
import java.util.Map;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A resident's own data: enter and correct it, see it, take it away, delete it. */
@MachiWebTest
class ProfileTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    AccountDeletion deletion;

    @Autowired
    TestClock clock;

    @Test
    void aResidentEntersTheirDetailsAndSeesThemWithTheJapaneseEra() {
        Account resident = accounts.resident();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD));
        assertThat(visitor.get("/account").html().select("main").text()).contains("まだ登録されていません");

        visitor.get("/account/profile");
        var saved = visitor.post("/account/profile", validFields());
        assertThat(saved.location()).endsWith("/account");

        Document account = visitor.follow(saved).html();
        assertThat(account.select("p.notice").text()).isEqualTo("登録情報を保存しました。");
        assertThat(account.select("main dd").eachText())
                .contains("1985-04-01（昭和60年4月1日）", "〒243-8511 厚木市中町3-17-17", "荻野地区", "メール")
                .anyMatch(text -> text.startsWith("厚木 花子"));
        assertThat(visitor.get("/account").html().select("p.notice")).as("the notice shows once").isEmpty();

        Document form = visitor.get("/account/profile").html();
        assertThat(form.select("#familyName").attr("value")).isEqualTo("厚木");
        assertThat(form.select("#district option[selected]").attr("value")).isEqualTo("ogino");

        String stored = jdbc.sql("SELECT sealed FROM identity.profile WHERE account_id = :id").param("id", resident.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain("厚木").doesNotContain("1985");
    }

    @Test
    void aMyNumberInTheAddressIsRefusedAndNothingIsSaved() throws Exception {
        Account resident = accounts.resident();
        Document page = page(mvc.perform(valid(post("/account/profile"), "address", "中町3-17-17 1234 5678 9018")
                        .with(authentication(MachiUserTestSupport.signedIn(resident, false))).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".error-summary a[href=#address]").text()).startsWith("マイナンバー（個人番号）は入力しないでください");
        assertThat(page.select("#address").attr("aria-invalid")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.profile WHERE account_id = :id").param("id", resident.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyMistakeIsNamedAtItsField() throws Exception {
        Account resident = accounts.resident();
        Document page = page(mvc.perform(post("/account/profile").param("lang", "en")
                        .param("familyName", "").param("givenName", "Hanako").param("familyNameKana", "atsugi")
                        .param("birthDate", "2999-01-01").param("postalCode", "12345").param("district", "atlantis")
                        .param("phone", "call me").param("preferredLanguage", "xx").param("contactChannel", "FAX")
                        .with(authentication(MachiUserTestSupport.signedIn(resident, false))).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".error-summary li a").eachAttr("href")).containsExactlyInAnyOrder("#familyName", "#familyNameKana",
                "#birthDate", "#postalCode", "#district", "#phone", "#preferredLanguage", "#contactChannel");
        assertThat(page.select("#familyName-error").text()).isEqualTo("Enter your family name.");
        assertThat(page.select("#district-error").text()).isEqualTo("Choose a district from the list.");
        assertThat(page.select("#givenName").attr("value")).as("what was typed stays").isEqualTo("Hanako");
    }

    @Test
    void anImpossibleDateGetsAClearMessage() throws Exception {
        Account resident = accounts.resident();
        Document page = page(mvc.perform(valid(post("/account/profile"), "birthDate", "1985-13-45")
                        .with(authentication(MachiUserTestSupport.signedIn(resident, false))).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("#birthDate-error").text()).contains("1985-04-01");
        for (String outOfRange : new String[] {"+999999999-12-31", "-0001-01-01", "10000-01-01"}) {
            Document refused = page(mvc.perform(valid(post("/account/profile"), "birthDate", outOfRange)
                            .with(authentication(MachiUserTestSupport.signedIn(resident, false))).with(csrf()))
                    .andExpect(status().isOk()).andReturn());
            assertThat(refused.select("#birthDate-error").text()).as(outOfRange).contains("1985-04-01");
        }
        Document tooEarly = page(mvc.perform(valid(post("/account/profile"), "birthDate", "1850-01-01")
                        .with(authentication(MachiUserTestSupport.signedIn(resident, false))).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(tooEarly.select("#birthDate-error").text()).as("before the Japanese calendar the account page shows")
                .contains("1900");
        mvc.perform(get("/account").with(authentication(MachiUserTestSupport.signedIn(resident, false))))
                .andExpect(status().isOk());
    }

    @Test
    void whatAJapaneseKeyboardTypesIsNormalisedNotRefused() throws Exception {
        Account resident = accounts.resident();
        Authentication signedIn = MachiUserTestSupport.signedIn(resident, false);
        mvc.perform(valid(post("/account/profile"), "postalCode", "２４３ー８５１１", "phone", "０４６－２２３ー１５１１",
                        "familyNameKana", "ｱﾂｷﾞ", "givenNameKana", "ﾊﾅｺ")
                        .with(authentication(signedIn)).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        Document form = page(mvc.perform(get("/account/profile").with(authentication(signedIn))).andReturn());
        assertThat(form.select("#postalCode").attr("value")).isEqualTo("243-8511");
        assertThat(form.select("#phone").attr("value")).isEqualTo("046-223-1511");
        assertThat(form.select("#familyNameKana").attr("value")).isEqualTo("アツギ");
        assertThat(form.select("#givenNameKana").attr("value")).isEqualTo("ハナコ");
    }

    @Test
    void aDateThatDoesNotExistIsRefusedNotMoved() throws Exception {
        Account resident = accounts.resident();
        Authentication signedIn = MachiUserTestSupport.signedIn(resident, false);
        Document page = page(mvc.perform(valid(post("/account/profile"), "birthDate", "2025-02-30")
                        .with(authentication(signedIn)).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("#birthDate-error").text()).isEqualTo("2025年2月30日という日はありません。日付を確かめてください。");
        Document english = page(mvc.perform(valid(post("/account/profile"), "birthDate", "２０２５－０２－３０").param("lang", "en")
                        .with(authentication(signedIn)).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(english.select("#birthDate-error").text()).contains("There is no such date");
        assertThat(profileRows(resident)).isZero();
    }

    @Test
    void theResidentTakesTheirDataAwayAsJson() throws Exception {
        Account resident = accounts.resident();
        Authentication signedIn = MachiUserTestSupport.signedIn(resident, false);
        mvc.perform(valid(post("/account/profile")).with(authentication(signedIn)).with(csrf()));
        var response = mvc.perform(get("/account/export").with(authentication(signedIn))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"signInName\" : \"" + resident.login() + "\"")
                .contains("\"familyName\" : \"厚木\"").contains("\"birthDate\" : \"1985-04-01\"");
    }

    @Test
    void deletingTheAccountEndsSignInAtOnceAndErasesTheDataAfterTheRetentionPeriod() throws Exception {
        Account resident = accounts.resident();
        Authentication signedIn = MachiUserTestSupport.signedIn(resident, false);
        mvc.perform(valid(post("/account/profile")).with(authentication(signedIn)).with(csrf()));
        assertThat(page(mvc.perform(get("/account/delete").param("lang", "en").with(authentication(signedIn))).andReturn())
                .select("main p").first().text()).contains("kept for 30 days");

        var unconfirmed = page(mvc.perform(post("/account/delete").param("currentPassword", "someone else's guess")
                .with(authentication(signedIn)).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(unconfirmed.select(".error-summary a[href=#currentPassword]").text()).contains("現在のパスワードが正しくありません");
        assertThat(accounts.exists(resident.login())).as("nothing deleted without the password").isTrue();

        mvc.perform(post("/account/delete").param("currentPassword", TestAccounts.PASSWORD).with(authentication(signedIn)).with(csrf()))
                .andExpect(redirectedUrl("/?deleted"));

        assertThat(accounts.exists(resident.login())).as("the address is free again").isFalse();
        Visitor visitor = new Visitor(port);
        visitor.get("/sign-in");
        assertThat(visitor.post("/sign-in", Map.of("login", resident.login(), "password", TestAccounts.PASSWORD)).location())
                .endsWith("/sign-in?error");
        assertThat(profileRows(resident)).as("kept during the retention period").isEqualTo(1);
        assertThat(page(mvc.perform(get("/?deleted")).andReturn()).select("p.notice").text()).startsWith("アカウントを削除しました");

        clock.advance(Duration.ofDays(31));
        assertThat(deletion.eraseExpired()).isPositive();
        assertThat(profileRows(resident)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM identity.account WHERE id = :id").param("id", resident.id())
                .query(Long.class).single()).isZero();
        assertThat(audit.latest(50)).extracting(AuditEntry::action, AuditEntry::subject)
                .contains(tuple("account.deleted", resident.reference()), tuple("account.erased", resident.reference()));
    }

    private long profileRows(Account resident) {
        return jdbc.sql("SELECT count(*) FROM identity.profile WHERE account_id = :id").param("id", resident.id())
                .query(Long.class).single();
    }

    /** A valid form, with some fields replaced ("field", "value", ...). */
    private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, String... replaced) {
        var fields = new java.util.LinkedHashMap<>(validFields());
        for (int i = 0; i < replaced.length; i += 2) {
            fields.put(replaced[i], replaced[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }

    private static Map<String, String> validFields() {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("familyName", "厚木");
        fields.put("givenName", "花子");
        fields.put("familyNameKana", "あつぎ");
        fields.put("givenNameKana", "はなこ");
        fields.put("birthDate", "1985-04-01");
        fields.put("postalCode", "243-8511");
        fields.put("address", "厚木市中町3-17-17");
        fields.put("district", "ogino");
        fields.put("phone", "046-223-1511");
        fields.put("preferredLanguage", "ja");
        fields.put("contactChannel", "EMAIL");
        return fields;
    }
}
