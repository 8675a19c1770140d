package org.machi.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.casework.cases.CaseCommand;
import org.machi.casework.cases.CaseWork;
import org.machi.casework.cases.TestCases;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.Html;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The applicant's reply page: the department's request, a text and files checked by the
 * procedures module; refused (translated, nothing kept) when empty, with a file that is not what it
 * says, for anyone but the applicant, and once the case no longer waits for a reply.
 */
@MachiWebTest
class ReplyPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseWork work;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private TestCases cases;
    private Account resident;
    private Authentication signedIn;
    private Account clerk;
    private UUID caseId;

    @BeforeEach
    void aCaseAskingForInformation() {
        cases = new TestCases(work, jdbc, clock);
        resident = accounts.resident();
        signedIn = MachiUserTestSupport.signedIn(resident, false);
        clerk = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(clerk.id(), new StaffDetails("職員 " + clerk.login(), "kyufukin", null), "system");
        caseId = cases.open("R" + UUID.randomUUID().toString().substring(0, 8), "risai", "kyufukin", resident.id(), null);
        assertThat(work.act(caseId, clerk.reference(), new CaseCommand.StartReview()).succeeded()).isTrue();
        assertThat(work.act(caseId, clerk.reference(), new CaseCommand.RequestInformation("振込先口座の通帳の写しを送ってください。"))
                .succeeded()).isTrue();
    }

    @Test
    void theApplicantReadsTheRequestAndAnswersWithTextAndAPhotoThatTheClerkCanOpen() throws Exception {
        Document form = Html.page(mvc.perform(get("/my/cases/" + caseId + "/reply").with(authentication(signedIn)))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("h1").text()).isEqualTo("追加の資料や回答を送る");
        assertThat(form.select("#request-message").text()).isEqualTo("振込先口座の通帳の写しを送ってください。");
        assertThat(form.select("label[for=reply-text]").text()).isEqualTo("回答");
        assertThat(form.select("label[for=reply-files]").text()).isEqualTo("書類のファイル");
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
        Document easy = Html.page(mvc.perform(get("/my/cases/" + caseId + "/reply").param("lang", "ja-easy").with(authentication(signedIn)))
                .andReturn());
        assertThat(easy.select("h1").text()).isEqualTo("たのまれた しりょうや こたえを おくる");

        mvc.perform(multipart("/my/cases/" + caseId + "/reply").file(new MockMultipartFile("files", "tsucho.png", "image/png", png()))
                        .param("text", "通帳の写しを添付します。").with(csrf()).with(authentication(signedIn)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/my/cases/" + caseId + "/reply?sent"));
        assertThat(cases.state(caseId)).isEqualTo("RESIDENT_REPLIED");
        Document sent = Html.page(mvc.perform(get("/my/cases/" + caseId + "/reply").param("sent", "").with(authentication(signedIn)))
                .andExpect(status().isOk()).andReturn());
        assertThat(sent.select("h1").text()).isEqualTo("回答を送りました");

        Authentication staffSignedIn = MachiUserTestSupport.signedIn(clerk, true);
        Document casePage = Html.page(mvc.perform(get("/staff/cases/" + caseId).with(authentication(staffSignedIn))).andReturn());
        assertThat(casePage.select("#requests .reply-text").text()).isEqualTo("通帳の写しを添付します。");
        assertThat(casePage.select("#requests a[href*=/replies/]").text()).isEqualTo("tsucho.png（image/png、閲覧は記録されます）");
        String fileLink = casePage.select("#requests a[href*=/replies/]").attr("href");
        MvcResult download = mvc.perform(get(fileLink).with(authentication(staffSignedIn))).andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        mvc.perform(get("/staff/cases/" + caseId + "/replies/" + UUID.randomUUID()).with(authentication(staffSignedIn)))
                .andExpect(status().isNotFound());

        // answered: the case waits for no reply any more
        Document again = Html.page(mvc.perform(multipart("/my/cases/" + caseId + "/reply").param("text", "もう一度")
                .with(csrf()).with(authentication(signedIn))).andExpect(status().isConflict()).andReturn());
        assertThat(again.select("h1").text()).isEqualTo("いまは回答を受け付けていません");
        assertThat(jdbc.sql("SELECT count(*) FROM casework.case_transition WHERE case_id = :id AND action = 'RESIDENT_REPLY'")
                .param("id", caseId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anEmptyReplyOrAFileThatIsNotWhatItSaysIsRefusedAndNothingIsKept() throws Exception {
        Document empty = Html.page(mvc.perform(multipart("/my/cases/" + caseId + "/reply").param("text", "  ")
                .with(csrf()).with(authentication(signedIn))).andExpect(status().isBadRequest()).andReturn());
        assertThat(empty.select(".error-summary a").text()).isEqualTo("回答を書くか、書類のファイルを選んでください。");
        assertThat(empty.select(".error-summary a").attr("href")).isEqualTo("#reply-text");

        long filesBefore = replyFiles();
        Document badFile = Html.page(mvc.perform(multipart("/my/cases/" + caseId + "/reply")
                        .file(new MockMultipartFile("files", "tsucho.png", "image/png", png()))
                        .file(new MockMultipartFile("files", "meisai.pdf", "application/pdf", "これはPDFではありません".getBytes(StandardCharsets.UTF_8)))
                        .param("text", "送ります").with(csrf()).with(authentication(signedIn)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(badFile.select(".error-summary a").text()).startsWith("「meisai.pdf」を受け付けられませんでした。");
        assertThat(badFile.select(".error-summary a").attr("href")).isEqualTo("#reply-files");
        assertThat(badFile.select("#reply-text").text()).as("what was typed comes back").isEqualTo("送ります");
        assertThat(replyFiles()).as("the good file of a refused reply is not kept").isEqualTo(filesBefore);
        assertThat(cases.state(caseId)).isEqualTo("NEEDS_INFORMATION");

        String tooMany = "/my/cases/" + caseId + "/reply";
        var request = multipart(tooMany).param("text", "x");
        for (int i = 0; i <= ReplyController.MAX_FILES; i++) {
            request.file(new MockMultipartFile("files", "p" + i + ".png", "image/png", png()));
        }
        Document many = Html.page(mvc.perform(request.with(csrf()).with(authentication(signedIn))).andExpect(status().isBadRequest()).andReturn());
        assertThat(many.select(".error-summary a").text()).isEqualTo("ファイルは 5 つまで選べます。");
        assertThat(replyFiles()).isEqualTo(filesBefore);
        assertThat(cases.state(caseId)).isEqualTo("NEEDS_INFORMATION");
    }

    @Test
    void nobodyButTheApplicantFindsThePageAndACaseNotAskingForInformationSaysSo() throws Exception {
        Authentication someoneElse = MachiUserTestSupport.signedIn(accounts.resident(), false);
        mvc.perform(get("/my/cases/" + caseId + "/reply").with(authentication(someoneElse))).andExpect(status().isNotFound());
        mvc.perform(multipart("/my/cases/" + caseId + "/reply").param("text", "代わりに答えます").with(csrf()).with(authentication(someoneElse)))
                .andExpect(status().isNotFound());
        assertThat(cases.state(caseId)).isEqualTo("NEEDS_INFORMATION");
        mvc.perform(get("/my/cases/" + caseId + "/reply")).andExpect(status().is3xxRedirection());

        UUID received = cases.open("R" + UUID.randomUUID().toString().substring(0, 8), "risai", "kyufukin", resident.id(), null);
        Document page = Html.page(mvc.perform(get("/my/cases/" + received + "/reply").param("lang", "en").with(authentication(signedIn)))
                .andExpect(status().isConflict()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("No answer is expected now");
        assertThat(page.select("a[href^=/my/procedures/]")).hasSize(1);
    }

    private long replyFiles() {
        return jdbc.sql("SELECT count(*) FROM procedures.reply_file").query(Long.class).single();
    }

    static byte[] png() throws java.io.IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
