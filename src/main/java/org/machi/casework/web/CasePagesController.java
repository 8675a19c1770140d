package org.machi.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;
import org.machi.casework.cases.CaseAction;
import org.machi.casework.cases.CaseDetails;
import org.machi.casework.cases.CaseFiles;
import org.machi.casework.cases.CaseOutcome;
import org.machi.casework.cases.CaseRefusal;
import org.machi.casework.cases.CaseRefused;
import org.machi.casework.cases.CaseWork;
import org.machi.casework.cases.HistoryEntry;
import org.machi.casework.cases.HoldReason;
import org.machi.casework.cases.NoteView;
import org.machi.casework.cases.RequestView;
import org.machi.casework.notices.DecisionNotice;
import org.machi.casework.notices.DecisionNoticePdf;
import org.machi.identity.Permission;
import org.machi.identity.StaffDirectory;
import org.machi.identity.StaffView;
import org.machi.procedures.ApplicationDetails;
import org.machi.procedures.Applications;
import org.machi.procedures.FileDownload;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case for the clerks of its department: its summary, why it is held, its history, internal
 * notes and requests for information, and one small form per action the clerk may take now. Each
 * action is a POST that comes back to the case (or, refused, shows the case again with the reason
 * and nothing changed). The application's answers are a page of their own behind a choice of
 * purpose, recorded in the audit trail by the procedures module. A clerk of another department gets
 * a 403 page that says why; nothing is read or changed for them.
 */
@Controller
class CasePagesController {

    static final String CLERK = "hasAuthority('PROCESS_CASES')";
    /** Why a clerk reads an application's answers, as the purpose page offers it and the audit trail records it. */
    static final List<String> PURPOSES = List.of("case-review", "resident-enquiry", "duplicate-check", "decision-notice");

    private final CaseFiles files;
    private final CaseWork work;
    private final Applications applications;
    private final StaffDirectory staff;
    private final CityProfile city;
    private final CaseTexts texts;
    private final DecisionNoticePdf notices;

    CasePagesController(CaseFiles files, CaseWork work, Applications applications, StaffDirectory staff, CityProfile city,
                        CaseTexts texts, DecisionNoticePdf notices) {
        this.notices = notices;
        this.files = files;
        this.work = work;
        this.applications = applications;
        this.staff = staff;
        this.city = city;
        this.texts = texts;
    }

    @GetMapping("/staff/cases/{id}")
    @PreAuthorize(CLERK)
    String show(@PathVariable String id, @RequestParam(required = false) String done, Principal clerk, Locale locale,
                HttpServletResponse response, Model model) {
        return guarded(response, () -> {
            CaseDetails details = open(id, clerk);
            if (done != null) {
                model.addAttribute("done", true);
            }
            return casePage(details, clerk, locale, model, List.of(), null, Map.of());
        });
    }

    /** The page, or for a clerk of another department (or none) the page that says why, with 403. */
    private static String guarded(HttpServletResponse response, java.util.function.Supplier<String> page) {
        try {
            return page.get();
        } catch (CaseworkAdvice.OtherDepartment refused) {
            return CaseworkAdvice.page(refused, response);
        }
    }

    @PostMapping("/staff/cases/{id}/actions/{action}")
    @PreAuthorize(CLERK)
    String act(@PathVariable String id, @PathVariable String action, @RequestParam MultiValueMap<String, String> form,
               Principal clerk, Locale locale, HttpServletResponse response, Model model) {
        return guarded(response, () -> acting(id, action, form, clerk, locale, response, model));
    }

    private String acting(String id, String action, MultiValueMap<String, String> form, Principal clerk, Locale locale,
                       HttpServletResponse response, Model model) {
        UUID caseId = uuid(id);
        CaseActionForm actionForm = CaseActionForm.bySlug(action).orElse(null);
        if (actionForm == null) {
            CaseDetails details = open(id, clerk);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return casePage(details, clerk, locale, model, List.of(new CaseProblem("actions", "casePages.unknownAction", new Object[0])), null,
                    form.toSingleValueMap());
        }
        CaseActionForm.Reading reading = actionForm.read(form::getFirst);
        if (!reading.problems().isEmpty()) {
            CaseDetails details = open(id, clerk);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return casePage(details, clerk, locale, model, reading.problems(), actionForm, form.toSingleValueMap());
        }
        CaseOutcome outcome = work.act(caseId, clerk.getName(), reading.command(), version(form.getFirst("version")));
        if (outcome.succeeded()) {
            if (actionForm == CaseActionForm.TRANSFER) {
                return "redirect:/staff/cases?transferred=" + form.getFirst("department").strip();
            }
            return "redirect:/staff/cases/" + caseId + "?done#summary";
        }
        if (outcome.refusal() == CaseRefusal.OTHER_DEPARTMENT || outcome.refusal() == CaseRefusal.NO_DEPARTMENT) {
            throw new CaseworkAdvice.OtherDepartment(outcome.refusal());
        }
        if (outcome.refusal() == CaseRefusal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CaseDetails details = open(id, clerk);
        response.setStatus(HttpStatus.CONFLICT.value());
        return casePage(details, clerk, locale, model, List.of(new CaseProblem(fieldOf(actionForm, outcome.refusal()), outcome.messageKey(),
                new Object[0])), actionForm, form.toSingleValueMap());
    }

    /** The application's answers: first the choice of purpose, then (with one) the answers, each reading recorded. */
    @GetMapping("/staff/cases/{id}/application")
    @PreAuthorize(CLERK)
    String application(@PathVariable String id, @RequestParam(required = false) String purpose, Principal clerk, Locale locale,
                       HttpServletResponse response, Model model) {
        return guarded(response, () -> answers(id, purpose, clerk, locale, response, model));
    }

    private String answers(String id, String purpose, Principal clerk, Locale locale, HttpServletResponse response, Model model) {
        CaseDetails details = open(id, clerk);
        CaseView c = details.caseFile();
        model.addAttribute("caseFile", c);
        model.addAttribute("purposes", PURPOSES);
        if (purpose == null) {
            return "casework/purpose";
        }
        if (!PURPOSES.contains(purpose)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", List.of(new CaseProblem("purpose-" + PURPOSES.get(0), "casePages.purpose.required", new Object[0])));
            return "casework/purpose";
        }
        SiteLanguage language = SiteLanguage.of(locale);
        Optional<ApplicationDetails> application = applications.read(c.applicationId(), clerk.getName(), purpose, language);
        model.addAttribute("purpose", purpose);
        if (application.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "casework/application-gone";
        }
        model.addAttribute("submitted", application.get());
        return "casework/application";
    }

    /** A file of the application, for a purpose (recorded). */
    @GetMapping("/staff/cases/{id}/application/files/{fileId}")
    @PreAuthorize(CLERK)
    ResponseEntity<byte[]> applicationFile(@PathVariable String id, @PathVariable String fileId, @RequestParam(required = false) String purpose,
                                           Principal clerk) {
        CaseDetails details = open(id, clerk);
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return download(applications.file(details.caseFile().applicationId(), uuid(fileId), clerk.getName(), purpose));
    }

    /** A file the applicant sent with a reply to a request of this case (recorded). */
    @GetMapping("/staff/cases/{id}/replies/{fileId}")
    @PreAuthorize(CLERK)
    ResponseEntity<byte[]> replyFile(@PathVariable String id, @PathVariable String fileId, Principal clerk) {
        CaseDetails details = open(id, clerk);
        UUID file = uuid(fileId);
        boolean ofThisCase = details.requests().stream().anyMatch(r -> r.replyFiles().contains(file));
        if (!ofThisCase) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return download(applications.replyFile(file, clerk.getName(), "case-review"));
    }

    /**
     * The decision notice (決定通知書) of an approved or rejected case (or one completed after its
     * decision), from the procedure's template, addressed to the applicant by the name the
     * application gives (a read recorded with the purpose decision-notice).
     */
    @GetMapping("/staff/cases/{id}/notice.pdf")
    @PreAuthorize(CLERK)
    ResponseEntity<byte[]> notice(@PathVariable String id, Principal clerk) {
        CaseDetails details = open(id, clerk);
        CaseView c = details.caseFile();
        HistoryEntry decision = decision(details).filter(d -> noticeAvailable(details))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean approved = decision.action().equals(CaseAction.APPROVE.name());
        String addressee = applications.applicantFacts(c.applicationId(), clerk.getName(), "decision-notice")
                .map(f -> String.join(" ", java.util.stream.Stream.of(f.familyName(), f.givenName())
                        .filter(part -> part != null && !part.isBlank()).map(String::strip).toList()))
                .filter(name -> !name.isBlank()).orElse(null);
        Optional<CityProfile.Department> department = city.department(c.department());
        byte[] pdf = notices.render(new DecisionNotice(c.procedureSlug(), texts.procedureTitle(c.procedureSlug(), SiteLanguage.JA),
                c.receiptNumber(), approved, approved ? null : decision.reason(), c.submittedAt(),
                c.decidedAt() != null ? c.decidedAt() : decision.at(), addressee,
                department.map(d -> d.name(SiteLanguage.JA)).orElse(null), department.map(CityProfile.Department::phone).orElse(null)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(DecisionNoticePdf.filename(c.receiptNumber()))
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
    }

    private static ResponseEntity<byte[]> download(Optional<FileDownload> found) {
        FileDownload file = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store").body(file.content());
    }

    CaseDetails open(String id, Principal clerk) {
        try {
            return files.open(uuid(id), clerk.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (CaseRefused refused) {
            if (refused.refusal() == CaseRefusal.OTHER_DEPARTMENT || refused.refusal() == CaseRefusal.NO_DEPARTMENT) {
                throw new CaseworkAdvice.OtherDepartment(refused.refusal());
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A row of the history as the page shows it. */
    record HistoryRow(HistoryEntry entry, String actorName, boolean stateChanged) {
    }

    /** A request with its asker's name and its reply's files (described where the procedures module knows them). */
    record RequestRow(RequestView request, String askedByName, List<ReplyFile> files) {
    }

    /** A file of a reply: its id, and its name and type (null when not described). */
    record ReplyFile(UUID id, String filename, String mediaType) {
    }

    /** A note with its author's name. */
    record NoteRow(NoteView note, String authorName) {
    }

    private String casePage(CaseDetails details, Principal clerk, Locale locale, Model model, List<CaseProblem> problems,
                            CaseActionForm failed, Map<String, String> sent) {
        SiteLanguage language = SiteLanguage.of(locale);
        CaseView c = details.caseFile();
        Set<String> people = new HashSet<>();
        people.add(c.assignee());
        people.add(c.clerk());
        details.history().forEach(h -> people.add(h.actor()));
        details.notes().forEach(n -> people.add(n.author()));
        details.requests().forEach(r -> people.add(r.askedBy()));
        Map<String, String> names = texts.staffNames(people);
        String applicant = c.applicant() == null ? null : "account:" + c.applicant();

        List<HistoryRow> history = details.history().stream().sorted(Comparator.comparing(HistoryEntry::at).thenComparing(HistoryEntry::id))
                .map(h -> new HistoryRow(h, actorName(h.actor(), applicant, names), h.from() != null && h.from() != h.to())).toList();
        List<CaseActionForm> actions = new ArrayList<>();
        for (CaseActionForm form : CaseActionForm.values()) {
            if (details.possibleActions().contains(form.action())) {
                actions.add(form);
            }
        }
        model.addAttribute("details", details);
        model.addAttribute("caseFile", c);
        model.addAttribute("summary", details.summary());
        model.addAttribute("procedureTitle", texts.procedureTitle(c.procedureSlug(), language));
        model.addAttribute("departmentName", texts.departmentName(c.department(), language));
        model.addAttribute("assigneeName", c.assignee() == null ? null : names.getOrDefault(c.assignee(), c.assignee()));
        model.addAttribute("clerkName", c.clerk() == null ? null : names.getOrDefault(c.clerk(), c.clerk()));
        model.addAttribute("history", history);
        model.addAttribute("notes", details.notes().stream().map(n -> new NoteRow(n, names.getOrDefault(n.author(), n.author()))).toList());
        List<UUID> replyFileIds = details.requests().stream().flatMap(r -> r.replyFiles().stream()).toList();
        // the files' names may say who the applicant is: described through the procedures module, which records the read
        Map<UUID, ApplicationDetails.AttachedFile> described = replyFileIds.isEmpty() ? Map.of()
                : applications.replyFiles(replyFileIds, clerk.getName(), "case-review").stream()
                        .collect(java.util.stream.Collectors.toMap(ApplicationDetails.AttachedFile::fileId, f -> f, (a, b) -> a));
        model.addAttribute("requests", details.requests().stream().map(r -> new RequestRow(r, names.getOrDefault(r.askedBy(), r.askedBy()),
                r.replyFiles().stream().map(id -> described.containsKey(id)
                        ? new ReplyFile(id, described.get(id).filename(), described.get(id).mediaType()) : new ReplyFile(id, null, null))
                        .toList())).toList());
        model.addAttribute("actions", actions);
        model.addAttribute("assignees", colleagues(c.department()));
        model.addAttribute("departments", city.departments().stream().filter(d -> !d.code().equals(c.department()))
                .map(d -> Map.entry(d.code(), d.name(language))).toList());
        model.addAttribute("noticeAvailable", noticeAvailable(details));
        model.addAttribute("heldKnown", c.heldReason() != null && Arrays.stream(HoldReason.values()).anyMatch(r -> r.name().equals(c.heldReason())));
        model.addAttribute("problems", problems);
        model.addAttribute("failed", failed);
        model.addAttribute("sent", sent);
        return "casework/case";
    }

    private static String actorName(String actor, String applicant, Map<String, String> names) {
        if (actor == null || actor.equals("system")) {
            return null; // the page says "system"
        }
        if (actor.equals(applicant)) {
            return ""; // the page says "applicant"
        }
        return names.getOrDefault(actor, actor);
    }

    /** The staff who may be assigned: case workers of the department. */
    private List<StaffView> colleagues(String department) {
        return staff.holding(Permission.PROCESS_CASES).stream().filter(s -> department.equals(s.department())).toList();
    }

    static boolean noticeAvailable(CaseDetails details) {
        CaseState state = details.caseFile().state();
        if (state == CaseState.APPROVED || state == CaseState.REJECTED) {
            return true;
        }
        return state == CaseState.COMPLETED && decision(details).isPresent();
    }

    /** The decision of the case: the last approval or rejection of its history. */
    static Optional<HistoryEntry> decision(CaseDetails details) {
        return details.history().stream().filter(h -> h.action().equals(CaseAction.APPROVE.name()) || h.action().equals(CaseAction.REJECT.name()))
                .max(Comparator.comparing(HistoryEntry::at).thenComparing(HistoryEntry::id));
    }

    private static String fieldOf(CaseActionForm form, CaseRefusal refusal) {
        return switch (refusal) {
            case MESSAGE_REQUIRED -> form.inputId("message");
            case REASON_REQUIRED -> form.inputId("reason");
            case TEXT_REQUIRED -> form.inputId("text");
            case TEXT_TOO_LONG -> form == CaseActionForm.NOTE ? form.inputId("text")
                    : form == CaseActionForm.REQUEST_INFORMATION ? form.inputId("message") : form.inputId("reason");
            case ASSIGNEE_NOT_IN_DEPARTMENT -> form.inputId("assignee");
            case UNKNOWN_DEPARTMENT, SAME_DEPARTMENT -> form.inputId("department");
            default -> form.formId();
        };
    }

    private static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return -1; // a version no case has: refused as changed meanwhile
        }
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
