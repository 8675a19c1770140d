package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.procedures.AnswerLine;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.ApplicationDetails;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.Applications;
import org.machi.procedures.FileDownload;
import org.machi.procedures.FileIntake;
import org.machi.procedures.SubmissionChannel;
import org.machi.procedures.attachments.Attachments;
import org.machi.procedures.attachments.FileKind;
import org.machi.procedures.attachments.FileRules;
import org.machi.procedures.attachments.StoredAttachment;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff read a resident's submitted application through {@link Applications}: the answers as the
 * resident checked them, the applicant's identifying facts and a file, every read in the audit
 * trail with its purpose; a draft is never handed out.
 */
@MachiWebTest
class StaffReadsTests {

    private static final String CLERK = "account:00000000-0000-0000-0000-00000000c1e2";

    @Autowired
    Applications applications;

    @Autowired
    Applying applying;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    Attachments attachments;

    @Autowired
    TestClock clock;

    private TestApplications forms;
    private Account resident;

    @BeforeEach
    void setUp() {
        forms = new TestApplications(applying, clock);
        resident = accounts.resident();
    }

    private UUID submitted() {
        UUID id = forms.completeDraft(resident.id(), "046-225-2790");
        assertThat(forms.submit(resident.id(), id).result()).isEqualTo(Applying.SubmitResult.SUBMITTED);
        return id;
    }

    /** The newest entry, leaving out those casework writes in the background as it matches each new case to the register. */
    private AuditEntry lastRead() {
        return audit.latest(20).stream().filter(entry -> !"register-match".equals(entry.purpose())).findFirst().orElseThrow();
    }

    @Test
    void staffReadTheAnswersAsTheResidentCheckedThemAndTheReadIsAudited() {
        UUID id = submitted();

        ApplicationDetails details = applications.read(id, CLERK, "case review", SiteLanguage.JA).orElseThrow();

        assertThat(details.channel()).isEqualTo(SubmissionChannel.ONLINE);
        assertThat(details.applicant()).isEqualTo(resident.id());
        assertThat(details.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(details.receiptNumber()).isNotBlank();
        assertThat(details.procedureTitle()).isNotEqualTo("sodai-gomi");
        assertThat(details.answers()).contains(new AnswerLine("事業所のごみですか", "事業所のごみですか", "いいえ"),
                new AnswerLine("申込者", "姓", "厚木"), new AnswerLine("申込者", "電話番号", "046-225-2790"));
        assertThat(details.answers()).extracting(AnswerLine::label).contains("名");
        AuditEntry entry = lastRead();
        assertThat(entry.actor()).isEqualTo(CLERK);
        assertThat(entry.action()).isEqualTo("personal-data.read");
        assertThat(entry.subject()).isEqualTo(resident.reference());
        assertThat(entry.record()).isEqualTo("procedures.application");
        assertThat(entry.purpose()).isEqualTo("case review");

        List<AnswerLine> english = applications.read(id, CLERK, "case review", SiteLanguage.EN).orElseThrow().answers();
        assertThat(english).contains(new AnswerLine("Applicant", "Family name", "厚木"));
    }

    @Test
    void theApplicantsFactsComeFromTheFieldsWithPrefillKeysAndTheReadIsAudited() {
        UUID id = submitted();

        ApplicantFacts facts = applications.applicantFacts(id, "system", "benefit-check").orElseThrow();

        assertThat(facts.familyName()).isEqualTo("厚木");
        assertThat(facts.givenName()).isEqualTo("太郎");
        assertThat(facts.birthDate()).isNull();
        assertThat(facts.toString()).doesNotContain("厚木");
        AuditEntry entry = lastRead();
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.purpose()).isEqualTo("benefit-check");
        assertThat(entry.subject()).isEqualTo(resident.reference());
    }

    @Test
    void aDraftOrAnUnknownApplicationIsNotHandedOutAndNothingIsRecorded() {
        UUID draft = forms.completeDraft(resident.id(), "046-225-2790");
        long before = audit.latest(1).isEmpty() ? 0 : audit.latest(1).get(0).seq();

        assertThat(applications.read(draft, CLERK, "case review", SiteLanguage.JA)).isEmpty();
        assertThat(applications.applicantFacts(draft, CLERK, "case review")).isEmpty();
        assertThat(applications.read(UUID.randomUUID(), CLERK, "case review", SiteLanguage.JA)).isEmpty();
        assertThat(applications.file(draft, UUID.randomUUID(), CLERK, "case review")).isEmpty();

        assertThat(audit.latest(50).stream().filter(entry -> entry.seq() > before)
                .filter(entry -> !"register-match".equals(entry.purpose()))).as("nothing recorded").isEmpty();
    }

    @Test
    void aReadWithoutAPurposeIsRefused() {
        UUID id = submitted();
        assertThatThrownBy(() -> applications.read(id, CLERK, " ", SiteLanguage.JA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> applications.applicantFacts(id, "", "check")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staffOpenAFileOfTheApplicationAndTheReadIsAudited() throws Exception {
        UUID id = submitted();
        byte[] pdf = pdf();
        StoredAttachment stored = (StoredAttachment) attachments.accept(resident.id(), new FileRules(java.util.Set.of(FileKind.PDF),
                FileRules.LARGEST), "委任状.pdf", "application/pdf", new ByteArrayInputStream(pdf));
        assertThat(attachments.attach(stored.id(), resident.id(), id)).isTrue();

        ApplicationDetails details = applications.read(id, CLERK, "case review", SiteLanguage.JA).orElseThrow();
        assertThat(details.files()).extracting(ApplicationDetails.AttachedFile::filename).containsExactly("委任状.pdf");

        FileDownload file = applications.file(id, stored.id(), CLERK, "case review").orElseThrow();
        assertThat(file.content()).isEqualTo(pdf);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.filename()).isEqualTo("委任状.pdf");
        assertThat(lastRead().record()).isEqualTo("procedures.attachment");
        assertThat(lastRead().detail()).contains(stored.id().toString());

        assertThat(applications.file(UUID.randomUUID(), stored.id(), CLERK, "case review")).as("only through its application").isEmpty();
    }

    @Test
    void aReplyFileIsCheckedLikeAnAttachmentKeptPastTheCleanUpOpenedForStaffWithAnAuditAndDeleted() throws Exception {
        byte[] pdf = pdf();
        FileIntake intake = applications.acceptReplyFile(resident.id(), "C:\\書類\\源泉徴収票.pdf", "text/plain",
                new ByteArrayInputStream(pdf));
        FileIntake.Accepted accepted = (FileIntake.Accepted) intake;
        assertThat(accepted.filename()).isEqualTo("源泉徴収票.pdf");
        assertThat(accepted.bytes()).isEqualTo(pdf.length);

        clock.advance(Duration.ofDays(2));
        attachments.removeUnattached();

        FileDownload file = applications.replyFile(accepted.fileId(), CLERK, "information request").orElseThrow();
        assertThat(file.content()).isEqualTo(pdf);
        assertThat(file.filename()).isEqualTo("源泉徴収票.pdf");
        AuditEntry entry = lastRead();
        assertThat(entry.record()).isEqualTo("procedures.reply-file");
        assertThat(entry.subject()).isEqualTo(resident.reference());
        assertThat(entry.purpose()).isEqualTo("information request");

        UUID unknown = UUID.randomUUID();
        assertThat(applications.replyFiles(List.of(unknown, accepted.fileId()), CLERK, "case review"))
                .containsExactly(new ApplicationDetails.AttachedFile(accepted.fileId(), "源泉徴収票.pdf", pdf.length, "application/pdf"));
        assertThat(lastRead().record()).isEqualTo("procedures.reply-file");
        assertThat(lastRead().purpose()).isEqualTo("case review");
        assertThat(applications.ownReplyFiles(List.of(accepted.fileId()), resident.id())).hasSize(1);
        assertThat(applications.ownReplyFiles(List.of(accepted.fileId()), UUID.randomUUID())).as("another's").isEmpty();

        applications.deleteReplyFile(accepted.fileId());
        assertThat(applications.replyFile(accepted.fileId(), CLERK, "information request")).isEmpty();
        assertThat(applications.replyFiles(List.of(accepted.fileId()), CLERK, "case review")).isEmpty();
        applications.deleteReplyFile(accepted.fileId());
        assertThat(applications.replyFile(UUID.randomUUID(), CLERK, "information request")).isEmpty();
    }

    @Test
    void aReplyFileThatIsNotAPdfOrPictureOrIsEmptyIsRefusedWithTheAttachmentsMessage() {
        FileIntake text = applications.acceptReplyFile(resident.id(), "memo.pdf", "application/pdf",
                new ByteArrayInputStream("just text".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(text).isEqualTo(new FileIntake.Refused("form.file.notAccepted", List.of("PDF / JPEG / PNG")));
        FileIntake empty = applications.acceptReplyFile(resident.id(), "empty.pdf", "application/pdf", new ByteArrayInputStream(new byte[0]));
        assertThat(((FileIntake.Refused) empty).messageKey()).isEqualTo("form.file.empty");
    }

    static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
