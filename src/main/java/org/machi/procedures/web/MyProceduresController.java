package org.machi.procedures.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.machi.identity.Residents;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationView;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.AttachmentIntake;
import org.machi.procedures.receipts.Receipt;
import org.machi.procedures.receipts.ReceiptPdf;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.machi.procedures.applying.StoredApplication;
import org.machi.procedures.forms.FormDefinition;
import org.machi.shared.CaseProgress;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My procedures": the resident's drafts to resume or delete, and their applications with status, receipt and withdrawal. */
@Controller
class MyProceduresController {

    private final Applying applying;
    private final Procedures procedures;
    private final Residents residents;
    private final StepPages pages;
    private final ReceiptPdf receipts;
    private final MessageSource messages;

    MyProceduresController(Applying applying, Procedures procedures, Residents residents, StepPages pages,
                           ReceiptPdf receipts, MessageSource messages) {
        this.receipts = receipts;
        this.messages = messages;
        this.applying = applying;
        this.procedures = procedures;
        this.residents = residents;
        this.pages = pages;
    }

    /** A row of the list: the application, its procedure's title in the page's language, and its case where casework has one. */
    record Row(ApplicationView application, String title, CaseProgress.Progress progress) {

        /** The message key of what the status column says: the case's state, else the application's status. */
        public String statusKey() {
            return progress != null ? "procedures.case." + progress.state() : "my.status." + application.status().name();
        }
    }

    @GetMapping("/my/procedures")
    String list(Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<ApplicationView> mine = applying.mine(account());
        Map<UUID, CaseProgress.Progress> progress = applying.progress(mine.stream()
                .filter(a -> a.status() != ApplicationStatus.DRAFT).map(ApplicationView::id).toList());
        List<Row> rows = mine.stream().map(a -> new Row(a, procedures.find(a.procedureSlug(), language)
                .map(ProcedureView::title).orElse(a.procedureSlug()), progress.get(a.id()))).toList();
        model.addAttribute("drafts", rows.stream().filter(r -> r.application().status() == ApplicationStatus.DRAFT).toList());
        model.addAttribute("applications", rows.stream().filter(r -> r.application().status() != ApplicationStatus.DRAFT).toList());
        return "procedures/my-procedures";
    }

    @GetMapping("/my/procedures/{id}")
    String application(@PathVariable String id, @org.springframework.web.bind.annotation.RequestParam(required = false) String sent,
                       Locale locale, Model model) {
        StoredApplication application = owned(id);
        if (application.status() == ApplicationStatus.DRAFT) {
            return "redirect:/procedures/" + application.procedure() + "/apply";
        }
        ProcedureView procedure = procedures.find(application.procedure(), SiteLanguage.of(locale))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormDefinition form = applying.formOf(application).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("app", application);
        model.addAttribute("procedure", procedure);
        CaseProgress.Progress progress = applying.progress(application.id()).orElse(null);
        model.addAttribute("progress", progress);
        model.addAttribute("statusKey", progress != null ? "procedures.case." + progress.state() : "my.status." + application.status().name());
        model.addAttribute("withdrawable", applying.withdrawable(application));
        Map<UUID, AttachmentIntake.FileInfo> files = applying.files(application.id());
        model.addAttribute("rows", pages.rows(applying.rules(form), application.answers(), application.prefilled(), files, locale));
        model.addAttribute("files", files.values());
        model.addAttribute("feeText", application.feeDueYen() == null ? null : pages.yen(application.feeDueYen(), locale));
        model.addAttribute("receiptAvailable", application.receiptNumber() != null);
        model.addAttribute("submitted", sent != null);
        return "procedures/my-application";
    }

    /** The PDF receipt (受付控え) of a submitted application, in the reader's language, with the answers as they were sent. */
    @GetMapping("/my/procedures/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String id, Locale locale) {
        StoredApplication application = owned(id);
        if (application.status() == ApplicationStatus.DRAFT || application.receiptNumber() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        SiteLanguage language = SiteLanguage.of(locale);
        ProcedureView procedure = procedures.find(application.procedure(), language)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String titleJa = procedures.find(application.procedure(), SiteLanguage.REFERENCE).map(ProcedureView::title).orElse(procedure.title());
        FormDefinition form = applying.formOf(application).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Receipt.Line> lines = pages.receiptLines(applying.rules(form), application.answers(), applying.files(application.id()), locale);
        String feeLine = application.feeDueYen() == null ? null : messages.getMessage("apply.receipt.feeLine",
                new Object[] {pages.yen(application.feeDueYen(), locale), messages.getMessage("apply.check.payment", null, locale)}, locale);
        String department = procedure.department() == null ? null : procedure.department().name() + " " + procedure.department().phone();
        byte[] pdf = receipts.render(new Receipt(application.receiptNumber(), procedure.title(), titleJa, application.submittedAt(), language,
                lines, feeLine, department));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ReceiptPdf.filename(application.receiptNumber())).build().toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
    }

    /** A file the resident attached to their own application; anyone else's is "not found". */
    @GetMapping("/my/procedures/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String fileId) {
        AttachmentIntake.Download file = applying.file(account(), ApplyController.uuid(id), ApplyController.uuid(fileId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store").body(file.content());
    }

    @PostMapping("/my/procedures/{id}/delete")
    String deleteDraft(@PathVariable String id, RedirectAttributes redirect) {
        if (!applying.deleteDraft(account(), ApplyController.uuid(id))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", "my.notice.deleted");
        return "redirect:/my/procedures";
    }

    @GetMapping("/my/procedures/{id}/withdraw")
    String confirmWithdrawal(@PathVariable String id, Locale locale, Model model) {
        StoredApplication application = owned(id);
        if (!applying.withdrawable(application)) {
            return "redirect:/my/procedures/" + application.id();
        }
        model.addAttribute("app", application);
        model.addAttribute("procedure", procedures.find(application.procedure(), SiteLanguage.of(locale)).orElseThrow());
        return "procedures/my-withdraw";
    }

    @PostMapping("/my/procedures/{id}/withdraw")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        StoredApplication application = owned(id);
        redirect.addFlashAttribute("notice", applying.withdraw(account(), application.id()) ? "my.notice.withdrawn" : "my.notice.notWithdrawable");
        return "redirect:/my/procedures/" + application.id();
    }

    private StoredApplication owned(String id) {
        return applying.application(account(), ApplyController.uuid(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private UUID account() {
        return residents.signedInAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
