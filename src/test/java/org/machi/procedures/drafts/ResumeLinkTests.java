package org.machi.procedures.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.servlet.http.Cookie;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Save and get a link to continue": the owner of a draft is mailed a one-time link that signs
 * them in, in a browser where they are not signed in, and continues the draft where they stopped.
 * Links are opened from addresses of this test's own, so that other tests' requests from
 * 127.0.0.1 do not share the per-client budget.
 */
@MachiWebTest
class ResumeLinkTests {

    private static final String BASE = "/procedures/sodai-gomi/apply";
    private static final Pattern LINK = Pattern.compile("http://machi\\.test/procedures/drafts/continue\\?token=([A-Za-z0-9_-]+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    /** A browser of its own: its own cookies (so session) and a client address no other test uses. */
    private final class Browser {

        final Map<String, Cookie> cookies = new LinkedHashMap<>();
        final String address = "198.51.100." + CLIENTS.incrementAndGet();

        /** Sends the cookies it holds (the session is Spring Session's, named by its cookie) and keeps the ones it is given. */
        MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            MvcResult result = mvc.perform(request.with(from(address)).with(csrf()).param("lang", "ja")).andReturn();
            for (Cookie cookie : result.getResponse().getCookies()) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie);
                }
            }
            return result;
        }
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult as(Authentication resident, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(resident)).with(csrf()).param("lang", "ja")).andReturn();
    }

    private UUID start(Authentication resident) throws Exception {
        String location = as(resident, post(BASE)).getResponse().getRedirectedUrl();
        assertThat(location).matches(BASE + "/[0-9a-f-]{36}/business");
        return UUID.fromString(location.substring(BASE.length() + 1, BASE.length() + 37));
    }

    private static String token(MimeMessage mail) {
        Matcher matcher = LINK.matcher(Mailbox.text(mail));
        assertThat(matcher.find()).as("a resume link in the mail").isTrue();
        return matcher.group(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLinkByMailContinuesTheDraftInAnotherBrowserOnceAndOnlyOnce(CapturedOutput output) throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = start(resident);
        Document step = page(as(resident, get(BASE + "/" + id + "/business")));
        assertThat(step.select("form button[name=action][value=save-for-later]").text()).isEqualTo("保存して、続きを入力するリンクをメールで受け取る");
        assertThat(step.select("button").eachText()).as("one save button, no stray copy of the check page's")
                .containsOnlyOnce("保存して、続きを入力するリンクをメールで受け取る");
        assertThat(step.select(".save-for-later .hint").text()).contains("最後に入力してから30日保存", "7日前に");

        MvcResult asked = as(resident, post(BASE + "/" + id + "/business").param("formVersion", "1").param("isBusiness", "no")
                .param("action", "save-for-later"));
        String sentPage = asked.getResponse().getRedirectedUrl();
        assertThat(sentPage).startsWith(BASE + "/" + id + "/resume-link/sent").contains("step=applicant").doesNotContain("notSaved");
        Document sent = page(as(resident, get(sentPage)));
        assertThat(sent.select("h1").text()).isEqualTo("続きを入力するリンクをメールで送りました");
        String masked = account.login().charAt(0) + "***@example.jp";
        assertThat(sent.select("main").text()).contains(masked + " あてに送りました", "1回だけ、24時間のあいだ使えます")
                .doesNotContain(account.login());

        MimeMessage mail = new Mailbox(greenMail).to(account.login());
        assertThat(mail.getSubject()).contains("申請の続きを入力するためのリンク");
        assertThat(Mailbox.text(mail)).contains("「粗大ごみ", "24時間のあいだ、1回だけ使えます", "令和");
        String token = token(mail);

        Browser elsewhere = new Browser();
        Document button = page(elsewhere.perform(get("/procedures/drafts/continue").param("token", token)));
        assertThat(button.select("main form[action=/procedures/drafts/continue] input[name=token]").attr("value")).isEqualTo(token);
        MvcResult opened = elsewhere.perform(post("/procedures/drafts/continue").param("token", token));
        assertThat(opened.getResponse().getRedirectedUrl()).as("where they stopped").isEqualTo(BASE + "/" + id + "/applicant");
        Document applicant = page(elsewhere.perform(get(BASE + "/" + id + "/applicant")));
        assertThat(applicant.select("h1").text()).isEqualTo("申込者");
        Document business = page(elsewhere.perform(get(BASE + "/" + id + "/business")));
        assertThat(business.select("input[name=isBusiness][value=no]").hasAttr("checked")).as("the answer was saved").isTrue();
        assertThat(elsewhere.perform(get("/my/procedures")).getResponse().getStatus()).as("signed in for the session").isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'sign-in.resume-link.succeeded' AND actor = :actor")
                .param("actor", Account.reference(account.id())).query(Long.class).single()).isEqualTo(1);

        Browser again = new Browser();
        MvcResult refused = again.perform(post("/procedures/drafts/continue").param("token", token));
        assertThat(refused.getResponse().getStatus()).isEqualTo(410);
        assertThat(page(refused).select("h1").text()).isEqualTo("このリンクは使えません");
        assertThat(again.perform(get("/my/procedures")).getResponse().getRedirectedUrl()).as("not signed in").endsWith("/sign-in");
        // the test's own SMTP server (GreenMail) logs the mailboxes it creates; Machi's lines must hold neither
        assertThat(output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")))
                .as("neither the token nor the address is logged").noneMatch(line -> line.contains(token) || line.contains(account.login()));
    }

    @Test
    void anUnknownAUsedAndAnExpiredLinkGetTheSamePageWhichOffersANewLinkToTheOwner() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = start(resident);
        as(resident, post(BASE + "/" + id + "/resume-link"));
        String token = token(new Mailbox(greenMail).to(account.login()));

        clock.advance(Duration.ofHours(25));
        Browser browser = new Browser();
        MvcResult expired = browser.perform(post("/procedures/drafts/continue").param("token", token));
        MvcResult unknown = browser.perform(post("/procedures/drafts/continue").param("token", "no-such-token-" + UUID.randomUUID()));
        assertThat(expired.getResponse().getStatus()).isEqualTo(410).isEqualTo(unknown.getResponse().getStatus());
        assertThat(page(expired).select("main").text()).isEqualTo(page(unknown).select("main").text());
        assertThat(page(expired).select("main").text()).contains("有効期限が切れている");
        assertThat(browser.perform(get("/my/procedures")).getResponse().getRedirectedUrl()).endsWith("/sign-in");

        Document offer = page(expired);
        assertThat(offer.select("form[action=/procedures/drafts/continue/new-link] input[name=token]").attr("value")).isEqualTo(token);
        Document asked = page(browser.perform(post("/procedures/drafts/continue/new-link").param("token", token)));
        Document askedUnknown = page(browser.perform(post("/procedures/drafts/continue/new-link").param("token", "nothing")));
        assertThat(asked.select("main").text()).isEqualTo(askedUnknown.select("main").text()).contains("新しいリンクを送りました");
        MimeMessage second = new Mailbox(greenMail).to(account.login(), mail -> !Mailbox.text(mail).contains(token));
        String renewed = token(second);
        MvcResult opened = new Browser().perform(post("/procedures/drafts/continue").param("token", renewed));
        assertThat(opened.getResponse().getRedirectedUrl()).as("back to check your answers, where the first was asked")
                .isEqualTo(BASE + "/" + id + "/check-answers");
    }

    @Test
    void anotherAccountCannotAskForALinkToADraftNotTheirs() throws Exception {
        Account owner = accounts.resident();
        UUID id = start(MachiUserTestSupport.signedIn(owner, false));
        Account stranger = accounts.resident();
        Authentication other = MachiUserTestSupport.signedIn(stranger, false);
        long before = links(id);
        assertThat(as(other, post(BASE + "/" + id + "/resume-link")).getResponse().getStatus()).isEqualTo(404);
        assertThat(as(other, post(BASE + "/" + id + "/business").param("formVersion", "1").param("isBusiness", "no")
                .param("action", "save-for-later")).getResponse().getStatus()).isEqualTo(404);
        assertThat(as(other, get(BASE + "/" + id + "/resume-link/sent")).getResponse().getStatus()).isEqualTo(404);
        assertThat(links(id)).as("no link made").isEqualTo(before).isZero();
    }

    @Test
    void aPageWithProblemsIsNotSavedAndItsLinkLeadsBackToIt() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = start(resident);
        String sentPage = as(resident, post(BASE + "/" + id + "/business").param("formVersion", "1").param("action", "save-for-later"))
                .getResponse().getRedirectedUrl();
        assertThat(sentPage).contains("step=business", "notSaved=1");
        assertThat(page(as(resident, get(sentPage))).select("[role=status]").text()).contains("このページの内容は保存していません");
        String token = token(new Mailbox(greenMail).to(account.login()));
        assertThat(new Browser().perform(post("/procedures/drafts/continue").param("token", token)).getResponse().getRedirectedUrl())
                .isEqualTo(BASE + "/" + id + "/business");
    }

    @Test
    void anAccountIsSentOnlyAFewLinksAnHour() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = start(resident);
        for (int i = 0; i < 5; i++) {
            assertThat(as(resident, post(BASE + "/" + id + "/resume-link")).getResponse().getRedirectedUrl()).doesNotContain("throttled");
        }
        String refused = as(resident, post(BASE + "/" + id + "/resume-link")).getResponse().getRedirectedUrl();
        assertThat(refused).contains("throttled=1");
        MvcResult page = as(resident, get(refused));
        assertThat(page.getResponse().getStatus()).isEqualTo(429);
        assertThat(page(page).select("h1").text()).isEqualTo("リンクを送れませんでした");
        assertThat(links(id)).isEqualTo(5);
    }

    @Test
    void oneClientCanTryOnlySoManyLinks() throws Exception {
        Browser guesser = new Browser();
        for (int i = 0; i < 30; i++) {
            guesser.perform(post("/procedures/drafts/continue").param("token", "guess-" + i));
        }
        MvcResult held = guesser.perform(post("/procedures/drafts/continue").param("token", "guess-30"));
        assertThat(held.getResponse().getStatus()).isEqualTo(429);
        assertThat(page(held).select("main").text()).contains("何度もリンクを開こうとした");
    }

    @Test
    void theCheckAnswersPageOffersALinkAndMyProceduresSaysHowLongTheDraftIsKept() throws Exception {
        Account account = accounts.resident();
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        UUID id = start(resident);
        step(resident, id, "business", "isBusiness", "no");
        step(resident, id, "applicant", "familyName", "厚木", "givenName", "太郎", "phone", "046-225-2790");
        step(resident, id, "items", "items.count", "1", "items[0].itemName", "ソファ", "items[0].itemCount", "1");
        String next = step(resident, id, "collection", "collectionDate",
                LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).plusDays(3).toString(), "place", "other", "placeNote", "門の前");
        assertThat(next).isEqualTo(BASE + "/" + id + "/check-answers");
        Document check = page(as(resident, get(next)));
        assertThat(check.select("form[action=" + BASE + "/" + id + "/resume-link] button").text())
                .isEqualTo("保存して、続きを入力するリンクをメールで受け取る");

        Document mine = page(as(resident, get("/my/procedures")));
        assertThat(mine.select(".kept-until").text()).startsWith("保存期限：").contains("年", "（令和");
        assertThat(mine.select("main").text()).contains("最後に入力してから30日保存");
        Document english = page(mvc.perform(get("/my/procedures").with(authentication(resident)).param("lang", "en")).andReturn());
        assertThat(english.select(".kept-until").text()).startsWith("Kept until ").contains("(Reiwa ");
    }

    private String step(Authentication resident, UUID id, String step, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(BASE + "/" + id + "/" + step).param("formVersion", "1");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MvcResult result = as(resident, request);
        assertThat(result.getResponse().getStatus()).as(step + " saved").isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private long links(UUID draft) {
        return jdbc.sql("SELECT count(*) FROM procedures.draft_resume_link WHERE application_id = :id").param("id", draft)
                .query(Long.class).single();
    }
}
