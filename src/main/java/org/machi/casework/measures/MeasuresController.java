package org.machi.casework.measures;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.machi.identity.Permission;
import org.machi.identity.StaffDirectory;
import org.machi.identity.StaffView;
import org.machi.procedures.DepartmentView;
import org.machi.procedures.Procedures;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The plan's BPR measures for departments and the CIO: a page with the figures per procedure and
 * month, the month totals and the counter's figures, and the same per-procedure figures as CSV
 * (UTF-8, with a byte order mark for Excel on {@code bom=true}). Holders of {@code VIEW_PLAN} see
 * every procedure and may narrow to a department; holders of {@code PROCESS_CASES} alone see the
 * procedures of their own department. The figures are counts and durations, no personal data.
 */
@Controller
@PreAuthorize("hasAnyAuthority('PROCESS_CASES', 'VIEW_PLAN')")
class MeasuresController {

    static final String PAGE = "/staff/casework/measures";
    static final String CSV = "/staff/casework/measures.csv";

    private final MeasuresReports reports;
    private final Procedures procedures;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final Clock clock;

    MeasuresController(MeasuresReports reports, Procedures procedures, StaffDirectory staff, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.procedures = procedures;
        this.staff = staff;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Whose procedures are in view.
     *
     * @param department the department in view (a code), null for every department
     * @param procedures the slugs in view, null for every procedure
     * @param unassigned a department clerk whose account names no department: nothing in view
     */
    record Scope(boolean planView, String department, Set<String> procedures, boolean unassigned) {
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String department, Authentication reader, Locale locale, Model model,
                HttpServletResponse response) {
        SiteLanguage language = SiteLanguage.of(locale);
        MonthRange.Reading reading = MonthRange.read(from, to, currentMonth());
        List<MonthRange.Problem> problems = new ArrayList<>(reading.problems());
        List<DepartmentView> departments = procedures.departments(language);
        Scope scope = scope(reader, department, departments, problems);
        model.addAttribute("reading", reading);
        model.addAttribute("problems", problems);
        model.addAttribute("scope", scope);
        model.addAttribute("departments", departments);
        model.addAttribute("chosenDepartment", scope.planView() && department != null ? department.strip() : "");
        model.addAttribute("departmentName", scope.department() == null ? null : departments.stream()
                .filter(d -> d.code().equals(scope.department())).map(DepartmentView::name).findFirst().orElse(scope.department()));
        model.addAttribute("format", new MeasureFormat(messages, locale));
        model.addAttribute("titles", titles(language));
        model.addAttribute("maxMonths", MonthRange.MAX_MONTHS);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (!scope.unassigned()) {
            model.addAttribute("report", reports.report(reading.range(), scope.procedures()));
            UriComponentsBuilder csv = UriComponentsBuilder.fromPath(CSV).queryParam("from", reading.range().from())
                    .queryParam("to", reading.range().to());
            if (scope.planView() && scope.department() != null) {
                csv.queryParam("department", scope.department());
            }
            model.addAttribute("csvLink", csv.encode().build().toUriString());
        }
        return "casework/measures";
    }

    @GetMapping(CSV)
    @ResponseBody
    ResponseEntity<?> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String department, @RequestParam(required = false) String bom,
                          Authentication reader, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        MonthRange.Reading reading = MonthRange.read(from, to, currentMonth());
        List<MonthRange.Problem> problems = new ArrayList<>(reading.problems());
        Scope scope = scope(reader, department, procedures.departments(language), problems);
        Optional<Boolean> withBom = bom(bom);
        if (withBom.isEmpty()) {
            problems.add(new MonthRange.Problem("bom", "measures.problem.bom"));
        }
        if (problems.isEmpty() && scope.unassigned()) {
            problems.add(new MonthRange.Problem("department", "measures.noDepartment"));
        }
        if (!problems.isEmpty()) {
            return problem(problems, locale, language);
        }
        MeasuresReport report = reports.report(reading.range(), scope.procedures());
        String name = "machi-measures-" + reading.range().from() + "-" + reading.range().to()
                + (scope.department() == null || !scope.department().matches("[a-z0-9-]+") ? "" : "-" + scope.department()) + ".csv";
        String csv = MeasuresCsv.of(report, procedures.all(language), withBom.get(), key -> messages.getMessage(key, null, locale));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private Scope scope(Authentication reader, String department, List<DepartmentView> departments, List<MonthRange.Problem> problems) {
        boolean planView = reader.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permission.VIEW_PLAN.authority()));
        if (planView) {
            if (department == null || department.isBlank()) {
                return new Scope(true, null, null, false);
            }
            String code = department.strip();
            if (departments.stream().noneMatch(d -> d.code().equals(code))) {
                problems.add(new MonthRange.Problem("department", "measures.problem.department"));
                return new Scope(true, null, null, false);
            }
            return new Scope(true, code, reports.proceduresOf(code), false);
        }
        String own = staff.find(reader.getName()).map(StaffView::department).filter(d -> !d.isBlank()).orElse(null);
        if (own == null) {
            return new Scope(false, null, Set.of(), true);
        }
        return new Scope(false, own, reports.proceduresOf(own), false);
    }

    private static Optional<Boolean> bom(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        return value.strip().equalsIgnoreCase("true") ? Optional.of(true) : Optional.empty();
    }

    /** An RFC 9457 problem in the reader's language, each problem's message in the detail. */
    private ResponseEntity<ProblemDetail> problem(List<MonthRange.Problem> problems, Locale locale, SiteLanguage language) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("measures.problem.title", null, locale));
        problem.setDetail(problems.stream().map(p -> messages.getMessage(p.key(), p.args(), locale)).collect(Collectors.joining(" ")));
        problem.setInstance(URI.create(CSV));
        problem.setProperty("parameters", problems.stream().map(MonthRange.Problem::field).distinct().toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.htmlLang()).body(problem);
    }

    private Map<String, String> titles(SiteLanguage language) {
        Map<String, String> titles = new LinkedHashMap<>();
        procedures.all(language).forEach(p -> titles.put(p.slug(), p.title()));
        return titles;
    }

    private YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(reports.zone()));
    }
}
