package org.machi.casework.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.Procedures;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The measures page and CSV over case rows of March 2019 (no other test files cases that long ago,
 * so the figures are exact in the shared context): what plan readers and department staff see,
 * the figures as shown and as exported, and bad parameters refused with a translated message.
 * That the case rows come out of real case histories is shown by {@link MeasuresFromCaseHistoriesTests}.
 */
@MachiWebTest
class MeasuresPagesTests {

    private static final String MARCH = "/staff/casework/measures?from=2019-03&to=2019-03";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Procedures procedures;

    @BeforeEach
    void casesOfMarch2019() {
        March2019Cases.insertOnce(jdbc);
    }

    private Authentication planReader() {
        return MachiUserTestSupport.signedIn(accounts.staff(StaffRole.CIO), true);
    }

    private Authentication clerkOf(String department) {
        Account clerk = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staffAccounts.changeDetails(clerk.id(), new StaffDetails("測定 花子", department, null), "test");
        return MachiUserTestSupport.signedIn(clerk, true);
    }

    private Document show(String path, Authentication who) throws Exception {
        return page(mvc.perform(get(path).with(authentication(who))).andReturn());
    }

    private static String title(Procedures procedures, String slug) {
        return procedures.find(slug, SiteLanguage.JA).orElseThrow().title();
    }

    /** The cells of the row headed by the given text, in the table of procedures. */
    private static List<String> row(Document page, String header) {
        Element th = page.select("table.figures").first().select("tbody th[scope=row]").stream()
                .filter(cell -> cell.text().equals(header)).findFirst().orElseThrow(() -> new AssertionError("no row " + header));
        return th.parent().select("td").eachText();
    }

    private static List<String> counterRow(Document page) {
        Element table = page.select("table.figures").last();
        assertThat(table.select("tbody th[scope=row]").eachText()).containsExactly("2019年3月");
        return table.select("tbody td").eachText();
    }

    @Test
    void planReadersSeeEveryProcedureWithItsFiguresAndTheMonthTotal() throws Exception {
        Document page = show(MARCH, planReader());
        assertThat(page.select("h1").text()).isEqualTo("業務改革（BPR）の効果測定");
        assertThat(page.select("table.figures caption").first().text()).startsWith("受付月・手続ごとの申請件数と処理日数");
        assertThat(page.select("table.figures").first().select("thead th[scope=col]").eachText()).containsExactly(
                "手続", "オンライン申請（件）", "窓口申請（件）", "オンライン申請率", "決定済み（件）", "処理日数の中央値",
                "処理日数の90パーセンタイル", "期限内処理率", "追加資料依頼の件数", "1件あたりの追加資料依頼");
        assertThat(page.select("th[scope=rowgroup]").eachText()).containsExactly("2019年3月の受付");
        // online A, C, D; counter B; decided 2 h, 1 d, 3 d: median 1 d, p90 1 d + 0.8 × 2 d = 2.6 d; with a target A (late), B (on time)
        assertThat(row(page, title(procedures, "juminhyo"))).containsExactly(
                "3", "1", "75.0%", "3", "1.0日", "2.6日", "50.0%（2件中1件）", "1", "0.25");
        assertThat(row(page, title(procedures, "sodai-gomi"))).containsExactly(
                "1", "0", "100.0%", "1", "5.0日", "5.0日", "100.0%（1件中1件）", "2", "2.00");
        // all: 2 h, 1 d, 3 d, 5 d: median 2 d; p90 3 d + 0.7 × 2 d = 4.4 d
        assertThat(row(page, "すべての手続の合計")).containsExactly(
                "4", "1", "80.0%", "4", "2.0日", "4.4日", "66.7%（3件中2件）", "3", "0.60");
        assertThat(page.text()).contains("目標処理日数のない手続で決定した1件を含めていません")
                .contains("ExcelのMEDIAN関数・PERCENTILE.INC関数と同じ計算");
        assertThat(page.select("select#department option")).as("plan readers may narrow to a department").hasSizeGreaterThan(2);
        assertThat(page.select("a[href='/staff/casework/measures.csv?from=2019-03&to=2019-03&bom=true']")).hasSize(1);

        // the counter: sessions filed after 10 and 20 minutes (median 15, p90 10 + 0.9 × 10 = 19), 20 answers prefilled of 25
        assertThat(page.select("#counter-heading + p + div table caption").text()).isEqualTo("申請月ごとの窓口の受付");
        assertThat(counterRow(page)).containsExactly("2", "15.0分", "19.0分", "20", "5", "80.0%");

        Document narrowed = show(MARCH + "&department=kankyo-center", planReader());
        assertThat(narrowed.select("table.figures").first().select("tbody th[scope=row]").eachText())
                .containsExactly(title(procedures, "sodai-gomi"), "すべての手続の合計");
        assertThat(narrowed.select("select#department option[selected]").attr("value")).isEqualTo("kankyo-center");
    }

    @Test
    void departmentStaffSeeTheProceduresOfTheirOwnDepartmentOnly() throws Exception {
        Authentication shimin = clerkOf("shimin");
        Document page = show(MARCH + "&department=kankyo-center", shimin);
        assertThat(page.select("select#department")).as("no choice of department").isEmpty();
        assertThat(page.select("table.figures").first().select("tbody th[scope=row]").eachText())
                .containsExactly(title(procedures, "juminhyo"), "すべての手続の合計");
        assertThat(row(page, "すべての手続の合計")).startsWith("3", "1", "75.0%");
        assertThat(counterRow(page)).as("the sessions with one of its procedures").containsExactly("1", "10.0分", "10.0分", "12", "3", "80.0%");

        MockHttpServletResponse own = mvc.perform(get("/staff/casework/measures.csv?from=2019-03&to=2019-03&department=kankyo-center")
                .with(authentication(shimin))).andReturn().getResponse();
        assertThat(own.getContentAsString(StandardCharsets.UTF_8)).contains(",juminhyo,").doesNotContain("sodai-gomi");
        assertThat(own.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"machi-measures-2019-03-2019-03-shimin.csv\"");

        Document none = show(MARCH, MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF), true));
        assertThat(none.select(".notice").text()).contains("担当課が登録されていない");
        assertThat(none.select("table")).isEmpty();
    }

    @Test
    void theCsvHasAHeaderRowPlainNumbersAndABomOnlyWhenAsked() throws Exception {
        Authentication reader = planReader();
        MockHttpServletResponse plain = mvc.perform(get("/staff/casework/measures.csv?from=2019-03&to=2019-03")
                .with(authentication(reader))).andReturn().getResponse();
        assertThat(plain.getStatus()).isEqualTo(200);
        assertThat(plain.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(plain.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"machi-measures-2019-03-2019-03.csv\"");
        byte[] bytes = plain.getContentAsByteArray();
        assertThat(bytes[0]).as("no BOM unless asked").isNotEqualTo((byte) 0xEF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("受付月,手続コード,手続,担当課コード,オンライン申請,窓口申請,申請件数,オンライン申請率,決定済み,"
                + "処理日数の中央値（日）,処理日数の90パーセンタイル（日）,目標日数のある決定,期限内の決定,期限内処理率,目標日数のない決定,"
                + "追加資料依頼の件数,1件あたりの追加資料依頼");
        assertThat(lines).contains(
                "2019-03,juminhyo," + title(procedures, "juminhyo") + ",shimin,3,1,4,0.7500,3,1.0000,2.6000,2,1,0.5000,1,1,0.2500",
                "2019-03,sodai-gomi," + title(procedures, "sodai-gomi") + ",kankyo-center,1,0,1,1.0000,1,5.0000,5.0000,1,1,1.0000,0,2,2.0000",
                "2019-03,,すべての手続の合計,,4,1,5,0.8000,4,2.0000,4.4000,3,2,0.6667,1,3,0.6000");
        assertThat(lines.get(lines.size() - 1)).as("the month total closes the month").startsWith("2019-03,,");

        byte[] excel = mvc.perform(get("/staff/casework/measures.csv?from=2019-03&to=2019-03&bom=true").with(authentication(reader)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(excel, StandardCharsets.UTF_8).substring(1)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));

        String english = mvc.perform(get("/staff/casework/measures.csv?from=2019-03&to=2019-03&lang=en").with(authentication(reader)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).startsWith("Month of receipt,Procedure code,Procedure,");
    }

    @Test
    void badMonthsAreExplainedOnThePageAndNothingIsShown() throws Exception {
        Authentication reader = planReader();
        for (String query : List.of("from=2019-13&to=2019-03", "from=March&to=2019-03", "from=2019-03&to=19-3")) {
            var result = mvc.perform(get("/staff/casework/measures?" + query).with(authentication(reader))).andReturn();
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            Document page = page(result);
            assertThat(page.select(".error-summary a").attr("href")).as(query).isIn("#from", "#to");
            assertThat(page.select(".error-summary").text()).contains("のように年と月で入力してください");
            assertThat(page.select("table")).isEmpty();
        }
        Document order = page(mvc.perform(get("/staff/casework/measures?from=2019-04&to=2019-03").with(authentication(reader))).andReturn());
        assertThat(order.select(".error-summary a[href=#from]").text()).isEqualTo("「この月から」は、「この月まで」と同じか、それより前の月にしてください。");
        assertThat(order.select("input#from").attr("value")).as("what was typed stays").isEqualTo("2019-04");
        Document tooLong = page(mvc.perform(get("/staff/casework/measures?from=2016-01&to=2019-03").with(authentication(reader))).andReturn());
        assertThat(tooLong.select(".error-summary").text()).contains("期間は36か月までにしてください。");
        Document department = page(mvc.perform(get(MARCH + "&department=no-such").with(authentication(reader))).andReturn());
        assertThat(department.select(".error-summary a[href=#department]").text()).contains("選んだ担当課が見つかりません");
        Document english = page(mvc.perform(get("/staff/casework/measures?from=2019-13&lang=en").with(authentication(reader))).andReturn());
        assertThat(english.select(".error-summary").text()).contains("Enter \"From month\" as a year and month");
    }

    @Test
    void badParametersOfTheCsvAreAProblemInTheReadersLanguage() throws Exception {
        Authentication reader = planReader();
        for (String query : List.of("from=2019-13", "from=2019-04&to=2019-03", "bom=yes", "department=no-such")) {
            MockHttpServletResponse response = mvc.perform(get("/staff/casework/measures.csv?" + query).with(authentication(reader))
                    .header("Accept-Language", "en")).andReturn().getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.getContentType()).as(query).startsWith("application/problem+json");
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(query).contains("\"title\":\"The period or another choice cannot be read\"").contains("\"status\":400");
        }
        String japanese = mvc.perform(get("/staff/casework/measures.csv?to=2019-3").with(authentication(reader))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(japanese).contains("「この月まで」は、「2026-04」のように年と月で入力してください。").contains("\"parameters\":[\"to\"]");
        MockHttpServletResponse unassigned = mvc.perform(get("/staff/casework/measures.csv")
                .with(authentication(MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF), true)))).andReturn().getResponse();
        assertThat(unassigned.getStatus()).isEqualTo(400);
        assertThat(unassigned.getContentAsString(StandardCharsets.UTF_8)).contains("担当課が登録されていない");
    }

    @Test
    void theStaffHomeLeadsToTheMeasures() throws Exception {
        assertThat(show("/staff", planReader()).select("a[href=/staff/casework/measures]")).hasSize(1);
        assertThat(show("/staff", clerkOf("shimin")).select("a[href=/staff/casework/measures]")).hasSize(1);
        assertThat(show("/staff", MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true))
                .select("a[href=/staff/casework/measures]")).isEmpty();
    }
}
