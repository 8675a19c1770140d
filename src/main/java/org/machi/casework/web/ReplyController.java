package org.machi.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.machi.casework.cases.CaseOutcome;
import org.machi.casework.cases.CaseRefusal;
import org.machi.casework.cases.ReplyPage;
import org.machi.casework.cases.ResidentReplies;
import org.machi.identity.Residents;
import org.machi.procedures.Applications;
import org.machi.procedures.FileIntake;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The applicant's answer to a request for more information (追加資料の依頼): the department's
 * message, a text and files. Files go through the procedures module's checks (kind, size, virus
 * scan, re-encoding) before the reply is taken; a file refused, or a reply refused, leaves nothing
 * behind. Only the applicant reaches the page; a case that waits for no reply says so.
 */
@Controller
class ReplyController {

    static final String RESIDENT = "hasAuthority('OWN_ACCOUNT')";
    /** The most files one reply takes here (with their size, within one upload request). */
    static final int MAX_FILES = 5;

    private final ResidentReplies replies;
    private final Residents residents;
    private final Applications applications;
    private final CaseTexts texts;
    private final MessageSource messages;

    ReplyController(ResidentReplies replies, Residents residents, Applications applications, CaseTexts texts, MessageSource messages) {
        this.replies = replies;
        this.residents = residents;
        this.applications = applications;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/my/cases/{id}/reply")
    @PreAuthorize(RESIDENT)
    String form(@PathVariable String id, @RequestParam(required = false) String sent, Locale locale, HttpServletResponse response,
                Model model) {
        ReplyPage page = page(id);
        if (!page.waiting()) {
            if (sent != null) {
                model.addAttribute("page", page);
                return "casework/reply-sent";
            }
            return notWaiting(page, response, model);
        }
        return formPage(page, locale, model, List.of(), "");
    }

    @PostMapping("/my/cases/{id}/reply")
    @PreAuthorize(RESIDENT)
    String reply(@PathVariable String id, @RequestParam(required = false) String text,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale,
                 HttpServletResponse response, Model model) throws IOException {
        UUID account = account();
        ReplyPage page = page(id);
        if (!page.waiting()) {
            return notWaiting(page, response, model);
        }
        String answer = text == null ? "" : text;
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        List<CaseProblem> problems = new ArrayList<>();
        if (answer.isBlank() && chosen.isEmpty()) {
            problems.add(new CaseProblem("reply-text", "casePages.reply.required", new Object[0]));
        }
        if (answer.strip().length() > ResidentReplies.MAX_REPLY) {
            problems.add(new CaseProblem("reply-text", "casePages.reply.tooLong", new Object[] {Integer.toString(ResidentReplies.MAX_REPLY)}));
        }
        if (chosen.size() > MAX_FILES) {
            problems.add(new CaseProblem("reply-files", "casePages.reply.tooMany", new Object[] {Integer.toString(MAX_FILES)}));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(page, locale, model, problems, answer);
        }
        List<UUID> accepted = new ArrayList<>();
        for (MultipartFile file : chosen) {
            FileIntake intake;
            try (InputStream in = file.getInputStream()) {
                intake = applications.acceptReplyFile(account, file.getOriginalFilename(), file.getContentType(), in);
            }
            if (intake instanceof FileIntake.Accepted kept) {
                accepted.add(kept.fileId());
            } else if (intake instanceof FileIntake.Refused refused) {
                String why = messages.getMessage(refused.messageKey(), refused.args(), locale);
                problems.add(new CaseProblem("reply-files", "casePages.reply.fileRefused",
                        new Object[] {file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), why}));
            }
        }
        if (!problems.isEmpty()) {
            accepted.forEach(applications::deleteReplyFile);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(page, locale, model, problems, answer);
        }
        CaseOutcome outcome = replies.reply(page.caseId(), account, answer, accepted);
        if (outcome.succeeded()) {
            return "redirect:/my/cases/" + page.caseId() + "/reply?sent";
        }
        accepted.forEach(applications::deleteReplyFile);
        if (outcome.refusal() == CaseRefusal.NOT_WAITING_FOR_REPLY) {
            return notWaiting(page, response, model);
        }
        if (outcome.refusal() == CaseRefusal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(page, locale, model, List.of(new CaseProblem("reply-text", outcome.messageKey(), new Object[0])), answer);
    }

    private String formPage(ReplyPage page, Locale locale, Model model, List<CaseProblem> problems, String text) {
        model.addAttribute("page", page);
        model.addAttribute("procedureTitle", texts.procedureTitle(page.procedureSlug(), SiteLanguage.of(locale)));
        model.addAttribute("problems", problems);
        model.addAttribute("text", text);
        model.addAttribute("maxFiles", MAX_FILES);
        model.addAttribute("maxText", ResidentReplies.MAX_REPLY);
        return "casework/reply";
    }

    private String notWaiting(ReplyPage page, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("page", page);
        return "casework/reply-not-waiting";
    }

    private ReplyPage page(String id) {
        return replies.openRequest(CasePagesController.uuid(id), account()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private UUID account() {
        return residents.signedInAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
