package org.machi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The catalog's pages in Japanese, やさしい日本語 and other languages, and what they do with addresses they cannot use. */
@MachiWebTest
class ProcedurePagesTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void theCatalogListsEveryProcedureAndOffersLifeEventsAndDepartments() throws Exception {
        Document catalog = page(mvc.perform(get("/procedures").param("lang", "ja")).andExpect(status().isOk()).andReturn());
        assertThat(catalog.select("h1").text()).isEqualTo("手続の案内");
        assertThat(catalog.select("main a[href^=/procedures/]")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.select("main a[href=/procedures?event=BEREAVEMENT]").text()).isEqualTo("おくやみ（ご家族が亡くなったとき）");
        assertThat(catalog.select("main a[href=/procedures?department=shimin]").text()).isEqualTo("市民課");
        assertThat(catalog.select("label[for=q]")).isNotEmpty();
        assertThat(catalog.select(".error-summary")).isEmpty();

        Document home = page(mvc.perform(get("/").param("lang", "ja")).andReturn());
        assertThat(home.select("a[href=/procedures]")).as("the home page offers the catalog").isNotEmpty();
    }

    @Test
    void searchingByReadingFindsTheResidenceCertificate() throws Exception {
        Document found = page(mvc.perform(get("/procedures").param("lang", "ja").param("q", "じゅうみんひょう"))
                .andExpect(status().isOk()).andReturn());
        assertThat(found.select("main li a[href=/procedures/juminhyo]").text()).isEqualTo("住民票の写し等の交付請求");
        assertThat(found.select("[role=status]").text()).isEqualTo("1件の手続が見つかりました。");
        Document pets = page(mvc.perform(get("/procedures").param("lang", "vi").param("event", "PETS")).andReturn());
        assertThat(pets.select("main li a[href^=/procedures/]")).extracting(a -> a.attr("href")).containsExactly("/procedures/inu-toroku");
        assertThat(pets.select("main li a").text()).isEqualTo("Đăng ký chó (犬の登録)");
        Document department = page(mvc.perform(get("/procedures").param("department", "hoiku")).andReturn());
        assertThat(department.select("main li a[href^=/procedures/]")).extracting(a -> a.attr("href")).containsExactly("/procedures/hoikusho");
    }

    @Test
    void aProcedurePageShowsEverythingAResidentNeedsToKnow() throws Exception {
        Document japanese = page(mvc.perform(get("/procedures/juminhyo").param("lang", "ja")).andExpect(status().isOk()).andReturn());
        assertThat(japanese.select("h1").text()).isEqualTo("住民票の写し等の交付請求");
        assertThat(japanese.select("dt")).extracting(e -> e.text()).containsExactly("申請できる人", "代理人による申請", "必要なもの",
                "手数料", "処理期間の目安", "申請の方法", "本人確認", "担当課・問い合わせ先");
        assertThat(japanese.select("dd").text()).contains("300円 1通につき。", "その場で", "マイナンバーカードでサインイン", "市民課",
                "046-223-1511");
        assertThat(japanese.select("a[href=tel:+81462231511]")).isNotEmpty();
        assertThat(japanese.select("main a[href*=lang=ja]")).as("no link to the Japanese it already is").isEmpty();

        Document easy = page(mvc.perform(get("/procedures/juminhyo").param("lang", "ja-easy")).andReturn());
        assertThat(easy.select("html").attr("lang")).isEqualTo("ja");
        assertThat(easy.select("h1").text()).isEqualTo("住民票（じゅうみんひょう）の うつしを もらう");
        assertThat(easy.select("dd").text()).contains("300えん", "ほんにんか、いっしょに すんでいる かぞく");
        assertThat(easy.select("main a[href=/procedures/juminhyo?lang=ja]").text()).isEqualTo("ふつうの にほんごで よむ");

        Document english = page(mvc.perform(get("/procedures/inkan-shomei").param("lang", "en")).andReturn());
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("h1").text()).isEqualTo("Seal registration certificate (印鑑登録証明書)");
        assertThat(english.select("dd").text()).contains("Accepted at the counter only.",
                "The seal registration card must be presented at the counter", "¥300", "+81 46-223-1511");
        assertThat(english.select("main a[href=/procedures/inkan-shomei?lang=ja]").text()).isEqualTo("Read in Japanese (日本語)");

        Document bundle = page(mvc.perform(get("/procedures/okuyami").param("lang", "ko")).andReturn());
        assertThat(bundle.select("h2 + ul a")).extracting(a -> a.attr("href")).contains("/procedures/juminhyo", "/procedures/kazei-shomei");
    }

    @Test
    void anUnknownProcedureIsATranslatedNotFoundPage() throws Exception {
        for (String slug : new String[] {"no-such-procedure", "%E4%BD%8F%E6%B0%91%E7%A5%A8", "x".repeat(300)}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/procedures/" + slug + "?lang=en")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");
        }
    }

    @Test
    void wordsTooLongOrUnknownChoicesAreExplainedAndTheCatalogStillShows() throws Exception {
        Document tooLong = page(mvc.perform(get("/procedures").param("lang", "ja").param("q", "じゅうみんひょう".repeat(50)))
                .andExpect(status().isOk()).andReturn());
        assertThat(tooLong.select(".error-summary a[href=#q]").text()).isEqualTo("探す言葉が長すぎます。100文字以内で入力してください。");
        assertThat(tooLong.select("main a[href^=/procedures/]")).hasSizeGreaterThanOrEqualTo(15);

        Document unknown = page(mvc.perform(get("/procedures").param("lang", "en").param("event", "<script>").param("department", "nope"))
                .andExpect(status().isOk()).andReturn());
        assertThat(unknown.select(".error-summary a")).extracting(a -> a.attr("href")).containsExactly("#event", "#department");
        assertThat(unknown.html()).doesNotContain("<script>");

        Document controls = page(mvc.perform(get("/procedures").param("q", "\u0000住民票\u0007\u001b")).andExpect(status().isOk()).andReturn());
        assertThat(controls.select("main li a[href=/procedures/juminhyo]")).isNotEmpty();
        assertThat(controls.select(".error-summary")).isEmpty();
    }
}
