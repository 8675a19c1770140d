package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.identity.Assurance;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Text;
import org.machi.procedures.receipts.ReceiptNumber;
import org.machi.shared.SiteLanguage;
import org.machi.testing.Mailbox;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The parts wired into applying, through the pages of the test certificate form: 和暦 dates and a
 * digit count read by the city's rules, a file refused for what it is and one kept, the fee from the
 * number of copies, the receipt number with its check digit, the PDF receipt and the receipt mail.
 */
@MachiWebTest
class WiredApplyingTests {

    static final String BASE = "/procedures/juminhyo/apply";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts allAccounts;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    Applying applying;

    private Authentication resident;

    private MockHttpServletRequestBuilder as(Authentication who, MockHttpServletRequestBuilder request) {
        return request.with(authentication(who)).param("lang", "ja");
    }

    private MvcResult postStep(UUID id, String step, String... params) throws Exception {
        MockHttpServletRequestBuilder request = as(resident, post(BASE + "/" + id + "/" + step)).with(csrf()).param("formVersion", "1");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult upload(UUID id, String filename, String type, byte[] content) throws Exception {
        return mvc.perform(multipart(BASE + "/" + id + "/letter").file(new MockMultipartFile("powerOfAttorney", filename, type, content))
                .with(authentication(resident)).with(csrf()).param("lang", "ja").param("formVersion", "1")).andReturn();
    }

    private Account cardResident() {
        Account card = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "card-" + UUID.randomUUID() + "@example.jp", null, false,
                Assurance.CARD_VERIFIED, true, Set.of(), Instant.now());
        allAccounts.insert(card);
        return card;
    }

    @Test
    void aCertificateIsAppliedForWithWarekiAFileAndAFeeAndGetsItsReceiptOnThePageInPdfAndByMail() throws Exception {
        Account account = cardResident();
        resident = MachiUserTestSupport.signedIn(account, false);
        String location = ApplyingFlowTests.redirect(mvc.perform(as(resident, post(BASE)).with(csrf())).andReturn());
        UUID id = UUID.fromString(location.substring(BASE.length() + 1, BASE.length() + 37));
        assertThat(ApplyingFlowTests.redirect(postStep(id, "copies", "copies", "３"))).endsWith("/birth");

        // 和暦: 令和0年 does not exist and the message names the field; 平成2年 is read as 1990
        Document birth = page(mvc.perform(as(resident, get(BASE + "/" + id + "/birth"))).andReturn());
        assertThat(birth.select("#birthDate-format").text()).contains("2025年4月1日（令和7年4月1日）", "R7.4.1");
        Document zero = page(postStep(id, "birth", "birthDate", "令和0年5月1日"));
        assertThat(zero.select(".error-summary a[href=#birthDate]").text()).startsWith("生年月日：令和0年という年はありません。");
        assertThat(ApplyingFlowTests.redirect(postStep(id, "birth", "birthDate", "平成2年4月1日"))).endsWith("/account");

        // a digit count: full-width digits are fine, six digits are not
        Document six = page(postStep(id, "account", "accountNumber", "１２３４５６"));
        assertThat(six.select(".error-summary a[href=#accountNumber]").text()).isEqualTo("口座番号は7桁の数字で入力してください。");
        assertThat(ApplyingFlowTests.redirect(postStep(id, "account", "accountNumber", "０１２３４５６"))).endsWith("/letter");

        // a file: a PDF named .png is refused for what it is, naming the field; a real PNG is kept and shown
        Document wrongKind = page(upload(id, "letter.png", "image/png", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(wrongKind.select(".error-summary a[href=#powerOfAttorney]").text())
                .startsWith("委任状の写真：このファイルは JPEG / PNG のいずれでもありません。");
        assertThat(wrongKind.select("form[enctype=multipart/form-data]")).isNotEmpty();
        byte[] png = png();
        assertThat(ApplyingFlowTests.redirect(upload(id, "委任状.png", "image/png", png))).endsWith("/check-answers");
        Document letter = page(mvc.perform(as(resident, get(BASE + "/" + id + "/letter"))).andReturn());
        assertThat(letter.select(".uploaded-file").text()).contains("委任状.png", "KB");
        assertThat(letter.select("button[name=action][value=removeFile:powerOfAttorney]").text()).isEqualTo("委任状.png を削除する");

        // check your answers: the date with its era, the file's name, the fee from the copies
        Document check = page(mvc.perform(as(resident, get(BASE + "/" + id + "/check-answers"))).andExpect(status().isOk()).andReturn());
        assertThat(check.select("dd").text()).contains("1990年4月1日（平成2年4月1日）", "0123456", "委任状.png");
        assertThat(check.select("#fee-due").text()).isEqualTo("900円（300円 × 3）");
        String key = check.select("input[name=submitKey]").attr("value");
        MvcResult sent = mvc.perform(as(resident, post(BASE + "/" + id + "/check-answers")).with(csrf()).param("submitKey", key)
                .param("declaration", "confirmed")).andReturn();
        assertThat(ApplyingFlowTests.redirect(sent)).isEqualTo("/my/procedures/" + id + "?sent=1");

        var row = jdbc.sql("SELECT receipt_number, fee_due_yen FROM procedures.application WHERE id = :id").param("id", id).query().singleRow();
        String receiptNumber = (String) row.get("receipt_number");
        assertThat(receiptNumber).matches("20\\d\\d-\\d{6}-\\d");
        assertThat(ReceiptNumber.isValid(receiptNumber)).as("with its check digit").isTrue();
        assertThat(((Number) row.get("fee_due_yen")).longValue()).isEqualTo(900L);

        Document confirmation = page(mvc.perform(as(resident, get("/my/procedures/" + id).param("sent", "1"))).andReturn());
        assertThat(confirmation.select("[role=status] strong").text()).isEqualTo(receiptNumber);
        assertThat(confirmation.select("dd").text()).contains("900円", "委任状.png");
        assertThat(confirmation.select("a[href=/my/procedures/" + id + "/receipt.pdf]")).isNotEmpty();

        // the PDF receipt, read back: the number and a Japanese answer
        MvcResult pdf = mvc.perform(as(resident, get("/my/procedures/" + id + "/receipt.pdf"))).andExpect(status().isOk()).andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(receiptNumber, "平成2年4月1日", "900円");
        }

        // the file: its owner downloads it, nobody else finds it
        String fileHref = confirmation.select("a[href^=/my/procedures/" + id + "/files/]").attr("href");
        MvcResult file = mvc.perform(as(resident, get(fileHref))).andExpect(status().isOk()).andReturn();
        assertThat(file.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(file.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(file.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.getResponse().getContentAsByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        Authentication other = MachiUserTestSupport.signedIn(accounts.resident(), false);
        mvc.perform(as(other, get(fileHref))).andExpect(status().isNotFound());
        mvc.perform(as(other, get("/my/procedures/" + id + "/receipt.pdf"))).andExpect(status().isNotFound());

        // the mail: the procedure, the number and the link, none of the answers
        MimeMessage mail = new Mailbox(greenMail).to(account.login(), m -> Mailbox.text(m).contains(receiptNumber));
        String body = Mailbox.text(mail);
        assertThat(mail.getSubject()).contains(receiptNumber);
        assertThat(body).contains("住民票の写し", "/my/procedures/" + id).doesNotContain("1990", "0123456", "委任状");
    }

    @Test
    void aDraftsFileIsRemovedWithItsButtonAndItsDraft() throws Exception {
        Account account = cardResident();
        resident = MachiUserTestSupport.signedIn(account, false);
        String location = ApplyingFlowTests.redirect(mvc.perform(as(resident, post(BASE)).with(csrf())).andReturn());
        UUID id = UUID.fromString(location.substring(BASE.length() + 1, BASE.length() + 37));
        postStep(id, "copies", "copies", "1");
        postStep(id, "birth", "birthDate", "1990-04-01");
        postStep(id, "account", "accountNumber", "");
        upload(id, "a.png", "image/png", png());
        assertThat(files(id)).isEqualTo(1);
        assertThat(ApplyingFlowTests.redirect(postStep(id, "letter", "action", "removeFile:powerOfAttorney"))).endsWith("/letter");
        assertThat(files(id)).isZero();
        Document letter = page(mvc.perform(as(resident, get(BASE + "/" + id + "/letter"))).andReturn());
        assertThat(letter.select(".uploaded-file")).isEmpty();
        upload(id, "b.png", "image/png", png());
        assertThat(files(id)).isEqualTo(1);
        mvc.perform(as(resident, post("/my/procedures/" + id + "/delete")).with(csrf())).andReturn();
        assertThat(files(id)).as("deleted with the draft").isZero();
    }

    @Test
    void anAddressIsCheckedAgainstTheCitysPostcodesAndItsProblemLinksToTheInputAtFault() {
        Field home = new Field("home", FieldType.ADDRESS, Text.of("住所"), null, true, null, null, null, null, null, null, null, null, false,
                null, null, null, null, null, null);
        Field previous = new Field("previous", FieldType.ADDRESS, Text.of("前の住所"), null, false, null, null, null, null, null, null, null,
                null, true, null, null, null, null, null, null);
        Step step = new Step("where", Text.of("住所"), null, null, java.util.List.of(), java.util.List.of(home, previous));
        FormRules rules = applying.rules(new FormDefinition("tennyu-yoyaku", java.util.List.of(step), Text.of("d")));

        StepReading outside = rules.read(step, Answers.NONE, TestApplications.MapInput.of("home.postcode", "100-0001",
                "home.line", "千代田1-1"), Set.of(), null, SiteLanguage.JA);
        assertThat(outside.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("home.postcode");
            assertThat(p.key()).isEqualTo("form.value.postcode.notInCity");
            assertThat(p.args()).containsExactly("住所", "100-0001");
        });
        StepReading badLine = rules.read(step, Answers.NONE, TestApplications.MapInput.of("home.postcode", "243-0018",
                "home.line", "中町\u202E3-17"), Set.of(), null, SiteLanguage.JA);
        assertThat(badLine.problems()).extracting(Problem::field).containsExactly("home.line");
        StepReading fine = rules.read(step, Answers.NONE, TestApplications.MapInput.of("home.postcode", "〒２４３－００１８",
                "home.line", "中町3-17-17", "home.district", "forged", "previous.postcode", "100-0001", "previous.line", "千代田1-1"),
                Set.of(), null, SiteLanguage.JA);
        assertThat(fine.problems()).isEmpty();
        assertThat(fine.changes()).containsEntry("home.postcode", "2430018").containsEntry("previous.postcode", "1000001")
                .doesNotContainKey("home.district");
    }

    private int files(UUID applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM procedures.attachment WHERE application_id = :id").param("id", applicationId)
                .query(Integer.class).single();
    }

    static byte[] png() throws Exception {
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
