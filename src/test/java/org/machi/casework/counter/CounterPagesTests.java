package org.machi.casework.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.casework.counter.SyntheticPeople.Person;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The counter's look-up and session pages with MockMvc, against the synthetic register the test
 * context imports: what a look-up shows and records in the audit trail, and every refusal (no
 * purpose, no looked-up resident, another clerk's session, nothing picked), each with its
 * translated message and nothing changed.
 */
@MachiWebTest
class CounterPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private Authentication clerk;
    private jakarta.servlet.http.Cookie[] cookies;
    private Person person;
    private Person other;

    @BeforeEach
    void aClerkAndTwoResidents() {
        clerk = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.COUNTER_STAFF), true);
        List<Person> heads = SyntheticPeople.heads();
        person = heads.get(3);
        other = heads.get(4);
    }

    @Test
    void lookingUpByNameAndBirthDateShowsThePersonAndRecordsTheReadWithThePurpose() throws Exception {
        mvc.perform(as(clerk, post("/counter/look-up")).param("purpose", "APPLICATION").param("familyName", person.familyName())
                        .param("givenName", person.givenName()).param("birthDate", person.birthDate().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(person.familyName() + " " + person.givenName())))
                .andExpect(content().string(containsString(person.familyNameKana() + " " + person.givenNameKana())))
                .andExpect(content().string(containsString(person.registerNumber())))
                .andExpect(content().string(containsString(person.familyName() + " " + person.givenName() + " さんの窓口を始める")));
        List<AuditEntry> reads = readsBy(clerk, person.registerNumber());
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read.action()).isEqualTo("personal-data.read");
            assertThat(read.record()).isEqualTo("casework.register");
            assertThat(read.purpose()).isEqualTo("counter-application");
            assertThat(read.detail()).isEqualTo("counter look-up by name and birth date");
        });
    }

    @Test
    void lookingUpByKanaByAddressAndByNumberFindsThePersonToo() throws Exception {
        mvc.perform(as(clerk, post("/counter/look-up")).param("purpose", "CONSULTATION").param("familyName", person.familyNameKana())
                        .param("givenName", person.givenNameKana()).param("birthDate", person.birthDate().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(person.registerNumber())));
        mvc.perform(as(clerk, post("/counter/look-up")).param("purpose", "CERTIFICATE").param("postcode", person.postcode())
                        .param("addressLine", person.addressLine()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(person.registerNumber())));
        mvc.perform(as(clerk, post("/counter/look-up")).param("purpose", "CERTIFICATE").param("registerNumber", person.registerNumber()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("検索結果（1人）")));
        assertThat(readsBy(clerk, person.registerNumber())).extracting(AuditEntry::purpose)
                .containsExactlyInAnyOrder("counter-consultation", "counter-certificate", "counter-certificate");
    }

    @Test
    void aLookUpWithoutAPurposeShowsNobodyAndRecordsNothing() throws Exception {
        mvc.perform(as(clerk, post("/counter/look-up")).param("registerNumber", person.registerNumber()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("個人情報を表示する目的を選んでください")))
                .andExpect(content().string(containsString("href=\"#purpose\"")))
                .andExpect(content().string(not(containsString(person.familyName() + " " + person.givenName()))));
        mvc.perform(as(clerk, post("/counter/look-up")).param("purpose", "APPLICATION").param("familyName", person.familyName())
                        .param("birthDate", "1990-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("名を入力してください")))
                .andExpect(content().string(containsString("生年月日を正しく入力してください")));
        assertThat(readsBy(clerk, person.registerNumber())).isEmpty();
    }

    @Test
    void aLookUpThatFindsNobodySaysSoAndRecordsNothing() throws Exception {
        mvc.perform(as(clerk, post("/counter/look-up")).param("purpose", "APPLICATION").param("familyName", "存在")
                        .param("givenName", "しない人").param("birthDate", "1901-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("該当する方は見つかりませんでした")));
        assertThat(audit.latest(50)).noneMatch(entry -> entry.actor().equals(clerk.getName()));
    }

    @Test
    void aSessionStartsOnlyForAResidentTheClerkLookedUp() throws Exception {
        String refusal = "窓口を始めるには、先にお客様を住民記録で探して、検索結果から選んでください。";
        mvc.perform(as(clerk, post("/counter/sessions")).param("registerNumber", person.registerNumber()).param("purpose", "APPLICATION"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString(refusal)));
        mvc.perform(as(clerk, post("/counter/sessions")).param("purpose", "APPLICATION"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString(refusal)));
        lookUp(clerk, person);
        mvc.perform(as(clerk, post("/counter/sessions")).param("registerNumber", other.registerNumber()).param("purpose", "APPLICATION"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString(refusal)));
        assertThat(sessionsOf(clerk)).isZero();

        UUID session = start(clerk, person);
        assertThat(jdbc.sql("SELECT register_number FROM casework.counter_session WHERE id = :id").param("id", session)
                .query(String.class).single()).isEqualTo(person.registerNumber());
        assertThat(jdbc.sql("SELECT purpose FROM casework.counter_session_purpose WHERE session_id = :id").param("id", session)
                .query(String.class).single()).isEqualTo("APPLICATION");
        mvc.perform(as(clerk, get("/counter")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/counter/sessions/" + session)));
    }

    @Test
    void theSessionPageShowsTheResidentWhatIsPendingAndWhatIsNotThereYetAndRecordsTheRead() throws Exception {
        UUID session = start(clerk, person);
        mvc.perform(as(clerk, get("/counter/sessions/" + session)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(person.familyName() + " " + person.givenName() + " さん")))
                .andExpect(content().string(containsString("処理中の申請はありません。")))
                .andExpect(content().string(containsString("手数料の未払いと施設の予約は、それぞれの機能が使えるようになると、ここに表示されます。")))
                .andExpect(content().string(containsString("まだ手続を選んでいません。")));
        assertThat(readsBy(clerk, person.registerNumber())).anySatisfy(read -> {
            assertThat(read.detail()).isEqualTo("counter session " + session);
            assertThat(read.purpose()).isEqualTo("counter-application");
        });
    }

    @Test
    void anotherClerksSessionIsRefusedAndNothingOfItIsShownOrChanged() throws Exception {
        UUID session = start(clerk, person);
        Authentication colleague = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.COUNTER_STAFF), true);
        String refusal = "この窓口は、別の職員が対応しています。";
        mvc.perform(as(colleague, get("/counter/sessions/" + session)))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString(refusal)))
                .andExpect(content().string(not(containsString(person.familyName() + " " + person.givenName()))));
        mvc.perform(as(colleague, post("/counter/sessions/" + session + "/procedures")).param("procedure", "jido-teate"))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString(refusal)));
        mvc.perform(as(colleague, post("/counter/sessions/" + session + "/submit")).param("signed", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(as(colleague, post("/counter/sessions/" + session + "/close"))).andExpect(status().isForbidden());
        mvc.perform(as(colleague, get("/counter/sessions/" + session + "/summary.pdf"))).andExpect(status().isForbidden());
        assertThat(readsBy(colleague, person.registerNumber())).isEmpty();
        assertThat(jdbc.sql("SELECT procedures || '|' || COALESCE(CAST(closed_at AS VARCHAR), 'open') FROM casework.counter_session WHERE id = :id")
                .param("id", session).query(String.class).single()).isEqualTo("|open");
        assertThat(startedIn(session)).isZero();
        mvc.perform(as(colleague, get("/counter/sessions/" + UUID.randomUUID())))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("この窓口は見つかりません。")));
    }

    @Test
    void anEmptyPickOrAProcedureThatCannotBeFilledInIsRefusedAndStartsNothing() throws Exception {
        UUID session = start(clerk, person);
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("始める手続を1つ以上選んでください")))
                .andExpect(content().string(containsString("href=\"#procedure\"")));
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")).param("procedure", "inu-toroku"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("窓口で入力できない手続があります")));
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")).param("procedure", "no-such-procedure"))
                .andExpect(status().isBadRequest());
        assertThat(startedIn(session)).isZero();
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/submit")).param("signed", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("提出する申請がありません。先に手続を選んでください")));
        mvc.perform(as(clerk, get("/counter/sessions/" + session + "/summary.pdf"))).andExpect(status().isBadRequest());
    }

    @Test
    void pickedProceduresStartAsDraftsFilledFromTheRegisterWithTheirSummaryAndCannotBeSubmittedUnfinishedOrUnsigned() throws Exception {
        UUID session = start(clerk, person);
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")).param("procedure", "jido-teate"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")).param("procedure", "jido-teate"))
                .andExpect(status().is3xxRedirection()); // the same form sent twice
        assertThat(startedIn(session)).as("a procedure already started is not started twice").isOne();
        assertThat(jdbc.sql("SELECT procedures FROM casework.counter_session WHERE id = :id").param("id", session)
                .query(String.class).single()).isEqualTo("jido-teate");
        UUID draft = jdbc.sql("SELECT application_id FROM casework.counter_application WHERE session_id = :id").param("id", session)
                .query(UUID.class).single();
        assertThat(jdbc.sql("SELECT clerk || ' ' || register_number || ' ' || channel FROM procedures.application WHERE id = :id")
                .param("id", draft).query(String.class).single())
                .isEqualTo(clerk.getName() + " " + person.registerNumber() + " COUNTER");
        assertThat(jdbc.sql("SELECT prefilled FROM procedures.application WHERE id = :id").param("id", draft).query(String.class)
                .single().split("\n")).as("the register's name and address").containsExactlyInAnyOrder("familyName", "address");
        mvc.perform(as(clerk, get("/counter/sessions/" + session)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/counter/applications/" + draft)))
                .andExpect(content().string(containsString("入力途中")))
                .andExpect(content().string(containsString("2項目")))
                .andExpect(content().string(containsString("/counter/sessions/" + session + "/summary.pdf")));
        var pdf = mvc.perform(as(clerk, get("/counter/sessions/" + session + "/summary.pdf")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(readsBy(clerk, person.registerNumber())).anySatisfy(read -> assertThat(read.detail()).isEqualTo("counter summary " + session));

        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/submit")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("の入力が終わっていません")))
                .andExpect(content().string(containsString("href=\"#draft-" + draft + "\"")))
                .andExpect(content().string(containsString("お客様が内容確認書を確かめて署名したことを確認し、チェックを入れてください")));
        assertThat(jdbc.sql("SELECT status FROM procedures.application WHERE id = :id").param("id", draft).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM casework.counter_session WHERE id = :id AND submitted_at IS NULL").param("id", session)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aPickWithAProcedureThatHasNoFormStartsNoneOfThem() throws Exception {
        UUID session = start(clerk, person);
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")).param("procedure", "jido-teate")
                        .param("procedure", "kazei-shomei"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("の入力画面はまだ用意されていません")));
        assertThat(startedIn(session)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM procedures.application WHERE counter_session = :id").param("id", session)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLifeEventOffersItsOnlineProceduresTickedAndTheStaffHomeCountsTheOpenSessions() throws Exception {
        UUID session = start(clerk, person);
        String page = mvc.perform(as(clerk, get("/counter/sessions/" + session)).param("event", "BIRTH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var form = org.jsoup.Jsoup.parse(page).select("main form[action$='/procedures'] input[name=procedure]");
        assertThat(form).extracting(input -> input.attr("value")).as("出生: the online ones; 出生届 is done on paper")
                .containsExactly("jido-teate");
        assertThat(form).allSatisfy(input -> assertThat(input.hasAttr("checked")).isTrue());
        mvc.perform(as(clerk, get("/counter/sessions/" + session)).param("event", "NOT_AN_EVENT"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"kazei-shomei\"")));
        mvc.perform(as(clerk, get("/staff")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("対応中の窓口が1件あります")))
                .andExpect(content().string(containsString("href=\"/counter\"")));
    }

    @Test
    void aClosedSessionCannotBeChanged() throws Exception {
        UUID session = start(clerk, person);
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/close")))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/counter?closed"));
        mvc.perform(as(clerk, post("/counter/sessions/" + session + "/procedures")).param("procedure", "jido-teate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("この窓口は提出済みか終了済みのため、変更できません")));
        assertThat(startedIn(session)).isZero();
        mvc.perform(as(clerk, get("/counter"))).andExpect(content().string(not(containsString("/counter/sessions/" + session))));
    }

    /** Looks the person up; the web session (kept in the database, named by its cookie) remembers who was shown. */
    private void lookUp(Authentication who, Person p) throws Exception {
        var response = mvc.perform(as(who, post("/counter/look-up"))
                        .param("purpose", "APPLICATION").param("registerNumber", p.registerNumber()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(p.registerNumber())))
                .andReturn().getResponse();
        if (response.getCookies().length > 0) {
            cookies = response.getCookies();
        }
    }

    private UUID start(Authentication who, Person p) throws Exception {
        lookUp(who, p);
        String location = mvc.perform(as(who, post("/counter/sessions"))
                        .param("registerNumber", p.registerNumber()).param("purpose", "APPLICATION"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/counter/sessions/");
        return UUID.fromString(location.substring("/counter/sessions/".length()));
    }

    private MockHttpServletRequestBuilder as(Authentication who, MockHttpServletRequestBuilder request) {
        request.with(csrf()).with(authentication(who)).accept("text/html");
        return cookies == null ? request : request.cookie(cookies);
    }

    private List<AuditEntry> readsBy(Authentication who, String registerNumber) {
        return audit.latest(200).stream().filter(e -> e.actor().equals(who.getName()))
                .filter(e -> ("register:" + registerNumber).equals(e.subject())).toList();
    }

    private long sessionsOf(Authentication who) {
        return jdbc.sql("SELECT COUNT(*) FROM casework.counter_session WHERE clerk = :clerk").param("clerk", who.getName())
                .query(Long.class).single();
    }

    private long startedIn(UUID session) {
        return jdbc.sql("SELECT COUNT(*) FROM casework.counter_application WHERE session_id = :id").param("id", session)
                .query(Long.class).single();
    }
}
