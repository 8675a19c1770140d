package org.machi.procedures;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.AttachmentIntake;
import org.machi.procedures.applying.CounterApplying;
import org.machi.procedures.applying.StaffAccess;
import org.machi.procedures.applying.StoredApplication;
import org.machi.procedures.attachments.Acceptance;
import org.machi.procedures.attachments.FileRefusal;
import org.machi.procedures.attachments.OpenedAttachment;
import org.machi.procedures.attachments.ReplyFiles;
import org.machi.procedures.attachments.StoredAttachment;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.PrefillKey;
import org.machi.procedures.web.StepPages;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for the other modules (casework, the counter): staff reads of what residents sent,
 * each recorded in the audit trail as {@code personal-data.read} with the reader, the applicant
 * (their account reference, or {@code register:<number>} at the counter), the record and the purpose.
 * Drafts are never handed out here.
 *
 * <p>Every method that reads personal data needs a reader (an account reference, or {@code system}
 * for an automatic check) and a purpose; a blank one is a programming error
 * ({@link IllegalArgumentException}), not something to record.
 */
@Service
public class Applications {

    static final String READ = "personal-data.read";
    static final String APPLICATION_RECORD = "procedures.application";
    static final String FILE_RECORD = "procedures.attachment";
    static final String REPLY_FILE_RECORD = "procedures.reply-file";
    /** Where a clerk fills a counter draft. */
    public static final String COUNTER_PATH = "/counter/applications/";

    private final StaffAccess staff;
    private final Applying applying;
    private final StepPages pages;
    private final Procedures procedures;
    private final AuditTrail audit;
    private final ReplyFiles replyFiles;
    private final CounterApplying counter;

    Applications(StaffAccess staff, Applying applying, StepPages pages, Procedures procedures, AuditTrail audit, ReplyFiles replyFiles,
                 CounterApplying counter) {
        this.counter = counter;
        this.replyFiles = replyFiles;
        this.staff = staff;
        this.applying = applying;
        this.pages = pages;
        this.procedures = procedures;
        this.audit = audit;
    }

    /**
     * A submitted (or since withdrawn) application for staff: its answers with their labels in the
     * language, the values as the check-your-answers page showed them, its files and channel.
     * Records the read; an unknown id or a draft is empty, and nothing is recorded.
     */
    @Transactional
    public Optional<ApplicationDetails> read(UUID applicationId, String reader, String purpose, SiteLanguage language) {
        require(reader, purpose);
        Optional<StoredApplication> found = staff.sent(applicationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredApplication application = found.get();
        Map<UUID, AttachmentIntake.FileInfo> files = staff.files(applicationId);
        List<AnswerLine> answers = staff.formOf(application)
                .map(form -> pages.answerLines(applying.rules(form), application.answers(), files, language.locale()))
                .orElse(List.of());
        String title = procedures.find(application.procedure(), language).map(ProcedureView::title).orElse(application.procedure());
        audit.record(AuditRecord.of(reader, READ).about(subject(application), APPLICATION_RECORD).because(purpose)
                .withDetail("application " + applicationId));
        return Optional.of(new ApplicationDetails(application.id(), application.receiptNumber(), application.procedure(), title,
                application.formVersion(), application.status(), application.channel(), application.applicant(), application.clerk(),
                application.registerNumber(), application.counterSession(), application.submittedAt(), application.withdrawnAt(),
                application.feeDueYen(), answers, files.values().stream()
                        .map(f -> new ApplicationDetails.AttachedFile(f.id(), f.filename(), f.size(), f.mediaType())).toList(),
                application.prefilled().size()));
    }

    /**
     * What identifies the applicant of a submitted application, from the answers of the fields with
     * the prefill keys FAMILY_NAME, GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA, BIRTH_DATE and
     * ADDRESS (the first such field of each key), for the register checks. Recorded like {@link #read}.
     */
    @Transactional
    public Optional<ApplicantFacts> applicantFacts(UUID applicationId, String reader, String purpose) {
        require(reader, purpose);
        Optional<StoredApplication> found = staff.sent(applicationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredApplication application = found.get();
        ApplicantFacts facts = staff.formOf(application).map(form -> facts(form, application.answers())).orElse(ApplicantFacts.NONE);
        audit.record(AuditRecord.of(reader, READ).about(subject(application), APPLICATION_RECORD).because(purpose)
                .withDetail("applicant facts of application " + applicationId));
        return Optional.of(facts);
    }

    /** A file of a submitted application, opened for staff; empty when the application has no such file. Recorded. */
    @Transactional
    public Optional<FileDownload> file(UUID applicationId, UUID fileId, String reader, String purpose) {
        require(reader, purpose);
        Optional<StoredApplication> found = staff.sent(applicationId);
        Optional<AttachmentIntake.Download> file = found.flatMap(application -> staff.file(application, fileId));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditRecord.of(reader, READ).about(subject(found.get()), FILE_RECORD).because(purpose)
                .withDetail("file " + fileId + " of application " + applicationId));
        return file.map(d -> new FileDownload(d.filename(), d.mediaType(), d.content()));
    }

    /**
     * Checks and keeps a file a resident sends with a reply to a case, with the same checks as an
     * application's attachments (kind by content: PDF, JPEG or PNG; at most 10 MiB; virus scan;
     * images re-encoded without metadata; PDFs without scripts or encryption), stored encrypted.
     * The caller keeps the returned id with the reply; a file no reply took stays until {@link #deleteReplyFile}.
     *
     * @param owner       the resident's account
     * @param contentType what the browser said; never believed
     */
    @Transactional
    public FileIntake acceptReplyFile(UUID owner, String filename, String contentType, InputStream in) {
        Acceptance acceptance = replyFiles.accept(owner, filename, contentType, in);
        if (acceptance instanceof FileRefusal refusal) {
            return new FileIntake.Refused(refusal.messageKey(), refusal.arguments());
        }
        StoredAttachment stored = (StoredAttachment) acceptance;
        return new FileIntake.Accepted(stored.id(), stored.filename(), stored.size());
    }

    /** A reply file opened for staff; empty when there is none by that id. Recorded like {@link #read}, about its owner. */
    @Transactional
    public Optional<FileDownload> replyFile(UUID fileId, String reader, String purpose) {
        require(reader, purpose);
        Optional<UUID> owner = replyFiles.owner(fileId);
        Optional<OpenedAttachment> opened = owner.flatMap(o -> replyFiles.open(fileId));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditRecord.of(reader, READ).about("account:" + owner.get(), REPLY_FILE_RECORD).because(purpose)
                .withDetail("reply file " + fileId));
        return opened.map(file -> new FileDownload(file.filename(), file.mediaType(), file.content()));
    }

    /**
     * The reply files among these ids, described without their content (name, size, type), in the
     * order asked, for a case page; ids of no reply file are left out. Recorded like {@link #read},
     * once per resident whose files were listed (the file names may say who they are).
     */
    @Transactional
    public List<ApplicationDetails.AttachedFile> replyFiles(Collection<UUID> fileIds, String reader, String purpose) {
        require(reader, purpose);
        List<ApplicationDetails.AttachedFile> files = new ArrayList<>();
        Set<UUID> owners = new LinkedHashSet<>();
        for (UUID id : new LinkedHashSet<>(fileIds)) {
            replyFiles.describe(id).ifPresent(described -> {
                owners.add(described.owner());
                files.add(attached(described.file()));
            });
        }
        owners.forEach(owner -> audit.record(AuditRecord.of(reader, READ).about("account:" + owner, REPLY_FILE_RECORD).because(purpose)
                .withDetail("reply file names")));
        return files;
    }

    /** The resident's own reply files among these ids, described (for their reply form); another's are left out. Not audited: their own. */
    @Transactional(readOnly = true)
    public List<ApplicationDetails.AttachedFile> ownReplyFiles(Collection<UUID> fileIds, UUID owner) {
        return new LinkedHashSet<>(fileIds).stream().flatMap(id -> replyFiles.describe(id).stream())
                .filter(described -> described.owner().equals(owner)).map(described -> attached(described.file())).toList();
    }

    private static ApplicationDetails.AttachedFile attached(StoredAttachment file) {
        return new ApplicationDetails.AttachedFile(file.id(), file.filename(), file.size(), file.mediaType());
    }

    /** Deletes a reply file (the resident took it off their reply before sending it); nothing happens when there is none. */
    @Transactional
    public void deleteReplyFile(UUID fileId) {
        replyFiles.delete(fileId);
    }

    /**
     * Starts a draft of the procedure for the resident at the counter, owned by the clerk and filled
     * from the register's facts with the same rules as the profile prefill (the filled fields are
     * recorded as prefilled, and show as already known on the step pages).
     *
     * @throws CounterRefusedException for an unknown or counter-only procedure, or one without a form
     * @throws IllegalArgumentException without a session or clerk, or with a return path that is not a path on this site
     */
    @Transactional
    public UUID startAtCounter(CounterStart start) {
        if (start.counterSession() == null || start.clerk() == null || start.clerk().isBlank()) {
            throw new IllegalArgumentException("a counter draft needs its session and clerk");
        }
        if (start.returnPath() == null || !start.returnPath().startsWith("/") || start.returnPath().startsWith("//")
                || start.returnPath().length() > 500) {
            throw new IllegalArgumentException("the return path must be a path on this site");
        }
        Optional<CounterApplying.Refusal> refusal = counter.check(start.procedureSlug());
        if (refusal.isPresent()) {
            throw new CounterRefusedException(CounterRefusedException.Reason.valueOf(refusal.get().name()));
        }
        return counter.start(start.procedureSlug(), start.counterSession(), start.clerk(), start.registerNumber(), start.facts(),
                start.returnPath());
    }

    /** The clerk's drafts of a counter session not filed yet, oldest first; another clerk's are not listed. */
    @Transactional(readOnly = true)
    public List<CounterDraftView> counterDrafts(UUID counterSession, String clerk) {
        return counter.drafts(counterSession, clerk).stream().map(draft -> new CounterDraftView(draft.application().id(),
                draft.application().procedure(), procedures.find(draft.application().procedure(), SiteLanguage.REFERENCE)
                        .map(ProcedureView::title).orElse(draft.application().procedure()), counter.complete(draft), counter.prefilled(draft),
                counter.typed(draft), COUNTER_PATH + draft.application().id())).toList();
    }

    /**
     * The answers of the clerk's counter application (draft or filed) as the check-your-answers page
     * shows them, for the summary the resident checks and signs; empty when it is not the clerk's.
     * Recorded as a read of the resident's data with the purpose {@code counter-summary}.
     */
    @Transactional
    public List<AnswerLine> answerLines(UUID applicationId, String clerk, SiteLanguage language) {
        Optional<StoredApplication> found = counter.application(applicationId, clerk);
        if (found.isEmpty()) {
            return List.of();
        }
        StoredApplication application = found.get();
        Map<UUID, AttachmentIntake.FileInfo> files = staff.files(applicationId);
        List<AnswerLine> lines = staff.formOf(application)
                .map(form -> pages.answerLines(applying.rules(form), application.answers(), files, language.locale())).orElse(List.of());
        audit.record(AuditRecord.of(clerk, READ).about(subject(application), APPLICATION_RECORD).because("counter-summary")
                .withDetail("application " + applicationId));
        return lines;
    }

    /**
     * Files every draft of the clerk's counter session in one transaction: each gets its receipt
     * number and an {@link ApplicationSubmitted} with channel COUNTER, the clerk, the register number
     * and the session. If any draft is incomplete, or there is none, nothing is filed.
     */
    @Transactional
    public CounterSubmission submitAtCounter(UUID counterSession, String clerk) {
        CounterApplying.Filed filed = counter.submit(counterSession, clerk);
        if (!filed.incomplete().isEmpty()) {
            return new CounterSubmission(CounterSubmission.Outcome.INCOMPLETE, Map.of(), filed.incomplete());
        }
        if (filed.receiptNumbers().isEmpty()) {
            return new CounterSubmission(CounterSubmission.Outcome.NOTHING_TO_SUBMIT, Map.of(), List.of());
        }
        return new CounterSubmission(CounterSubmission.Outcome.SUBMITTED, new LinkedHashMap<>(filed.receiptNumbers()), List.of());
    }

    static ApplicantFacts facts(FormDefinition form, Answers answers) {
        String familyName = value(form, answers, PrefillKey.FAMILY_NAME);
        String givenName = value(form, answers, PrefillKey.GIVEN_NAME);
        String familyKana = value(form, answers, PrefillKey.FAMILY_NAME_KANA);
        String givenKana = value(form, answers, PrefillKey.GIVEN_NAME_KANA);
        LocalDate birthDate = date(value(form, answers, PrefillKey.BIRTH_DATE));
        Optional<Field> address = first(form, PrefillKey.ADDRESS);
        return new ApplicantFacts(familyName, givenName, familyKana, givenKana, birthDate,
                address.map(f -> answers.get(f.id() + ".postcode")).orElse(null), address.map(f -> answers.get(f.id() + ".line")).orElse(null),
                address.map(f -> answers.get(f.id() + ".district")).orElse(null));
    }

    private static String value(FormDefinition form, Answers answers, PrefillKey key) {
        return first(form, key).map(field -> answers.get(field.id())).orElse(null);
    }

    private static Optional<Field> first(FormDefinition form, PrefillKey key) {
        return form.fields().filter(field -> field.prefill() == key).findFirst();
    }

    private static LocalDate date(String stored) {
        try {
            return stored == null ? null : LocalDate.parse(stored);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    /** Whose data it is: the applicant's account, or at the counter the register number. */
    static String subject(StoredApplication application) {
        if (application.applicant() != null) {
            return "account:" + application.applicant();
        }
        return application.registerNumber() != null ? "register:" + application.registerNumber() : "application:" + application.id();
    }

    private static void require(String reader, String purpose) {
        if (reader == null || reader.isBlank()) {
            throw new IllegalArgumentException("a staff read names its reader");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a staff read of personal data needs a purpose");
        }
    }
}
