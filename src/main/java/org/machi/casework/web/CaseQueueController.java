package org.machi.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machi.casework.CaseState;
import org.machi.casework.cases.Assigned;
import org.machi.casework.cases.CaseQueue;
import org.machi.casework.cases.CaseRefused;
import org.machi.casework.cases.CaseSummary;
import org.machi.casework.cases.QueuePage;
import org.machi.casework.cases.QueueQuery;
import org.machi.procedures.ProcedureView;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A department's work queue (受付一覧): its cases, the nearest deadline first, with filters by state,
 * procedure, assignee, overdue and held, fifty to a page. The filters are a plain GET form, so that a
 * filtered queue is a link a clerk can keep. Staff without a department see a page that says so.
 */
@Controller
class CaseQueueController {

    static final int PAGE_SIZE = 50;

    private final CaseQueue queue;
    private final CaseTexts texts;

    CaseQueueController(CaseQueue queue, CaseTexts texts) {
        this.queue = queue;
        this.texts = texts;
    }

    /** The filter as the form shows it again; {@code page} counts from 1 as the page says. */
    record Filter(Set<CaseState> states, String procedure, Assigned assigned, boolean overdue, boolean held, int page) {

        public boolean isDefault() {
            return states.isEmpty() && procedure == null && assigned == Assigned.ANYONE && !overdue && !held;
        }

        /** The queue's address with this filter on another page. */
        public String href(int otherPage) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/staff/cases");
            states.stream().sorted().forEach(state -> uri.queryParam("state", state.name()));
            if (procedure != null) {
                uri.queryParam("procedure", procedure);
            }
            if (assigned != Assigned.ANYONE) {
                uri.queryParam("assigned", assigned.name());
            }
            if (overdue) {
                uri.queryParam("overdue", "true");
            }
            if (held) {
                uri.queryParam("held", "true");
            }
            if (otherPage > 1) {
                uri.queryParam("page", otherPage);
            }
            return uri.build().encode().toUriString();
        }
    }

    /** A row as the table shows it. */
    record Row(CaseSummary summary, String procedureTitle, String assigneeName) {
    }

    @GetMapping("/staff/cases")
    @PreAuthorize("hasAuthority('PROCESS_CASES')")
    String queue(@RequestParam(name = "state", required = false) List<String> stateParams,
                 @RequestParam(required = false) String procedure, @RequestParam(required = false) String assigned,
                 @RequestParam(required = false) String overdue, @RequestParam(required = false) String held,
                 @RequestParam(required = false) String page, @RequestParam(required = false) String transferred,
                 Principal clerk, Locale locale, HttpServletResponse response, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        Optional<String> department = queue.departmentOf(clerk.getName());
        if (department.isEmpty()) {
            return "casework/no-department";
        }
        List<ProcedureView> procedures = texts.proceduresOf(department.get(), locale);
        boolean invalid = false;
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        for (String value : stateParams == null ? List.<String>of() : stateParams) {
            Optional<CaseState> state = parse(CaseState.class, value);
            invalid |= state.isEmpty();
            state.ifPresent(states::add);
        }
        String slug = procedure == null || procedure.isBlank() ? null : procedure.strip();
        if (slug != null && procedures.stream().noneMatch(p -> p.slug().equals(slug))) {
            invalid = true;
        }
        Optional<Assigned> who = assigned == null || assigned.isBlank() ? Optional.of(Assigned.ANYONE) : parse(Assigned.class, assigned);
        invalid |= who.isEmpty();
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException notANumber) {
                pageNumber = 0;
            }
            invalid |= pageNumber < 1;
        }
        Filter filter = new Filter(states, invalid ? null : slug, who.orElse(Assigned.ANYONE), flag(overdue), flag(held),
                Math.max(1, pageNumber));
        if (invalid) {
            // what was wrong is dropped and said so; the rest of the queue is still shown
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("filterInvalid", true);
        }
        QueuePage result;
        try {
            result = queue.page(new QueueQuery(department.get(), filter.states(), filter.procedure(), filter.assigned(), filter.overdue(),
                    filter.held(), filter.page() - 1, PAGE_SIZE), clerk.getName());
        } catch (CaseRefused refused) {
            return "casework/no-department";
        }
        Map<String, String> titles = texts.procedureTitles(result.rows().stream().map(CaseSummary::procedureSlug).toList(), language);
        Map<String, String> names = texts.staffNames(result.rows().stream().map(CaseSummary::assignee).toList());
        List<Row> rows = new ArrayList<>();
        for (CaseSummary summary : result.rows()) {
            rows.add(new Row(summary, titles.get(summary.procedureSlug()),
                    summary.assignee() == null ? null : names.getOrDefault(summary.assignee(), summary.assignee())));
        }
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("department", texts.departmentName(department.get(), language));
        model.addAttribute("procedures", procedures);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("assignedChoices", Assigned.values());
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("total", result.total());
        model.addAttribute("pages", pages);
        model.addAttribute("first", result.total() == 0 ? 0 : (long) (filter.page() - 1) * PAGE_SIZE + 1);
        model.addAttribute("last", (long) (filter.page() - 1) * PAGE_SIZE + rows.size());
        if (transferred != null) {
            model.addAttribute("transferredTo", texts.departmentName(transferred, language));
        }
        return "casework/queue";
    }

    private static boolean flag(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return EnumSet.allOf(type).stream().filter(e -> e.name().equals(wanted)).findFirst();
    }
}
