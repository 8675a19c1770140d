package org.machi.casework.counter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.casework.RegisteredPerson;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.ProcedureView;
import org.machi.shared.SiteLanguage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's pages: look a resident up, open a session for them, start the procedures of the
 * visit, print the summary and submit. Look-ups go by POST so that names, birth dates and addresses
 * never stand in an address (or a server's access log).
 */
@Controller
@PreAuthorize("hasAuthority('SERVE_AT_COUNTER')")
class CounterController {

    /** The register numbers this clerk's look-ups showed, in the web session: a session starts only for one of them. */
    static final String LOOKED_UP = "machi.counter.lookedUp";
    private static final int LOOKED_UP_KEPT = 100;

    private final Counter counter;
    private final CounterSummary summary;

    CounterController(Counter counter, CounterSummary summary) {
        this.counter = counter;
        this.summary = summary;
    }

    @GetMapping("/counter")
    String counter(Authentication clerk, Model model) {
        return counterPage(clerk, LookUpForm.EMPTY, null, List.of(), model);
    }

    @PostMapping("/counter/look-up")
    String lookUp(LookUpForm form, Authentication clerk, HttpSession web, Model model, HttpServletResponse response) {
        LookUpForm.Read read = form.read();
        if (!read.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return counterPage(clerk, form, null, read.problems(), model);
        }
        List<RegisteredPerson> found = counter.lookUp(read.lookUp(), read.purpose(), clerk.getName());
        remember(web, found);
        return counterPage(clerk, form, found, List.of(), model);
    }

    @PostMapping("/counter/sessions")
    String start(@RequestParam(defaultValue = "") String registerNumber, @RequestParam(required = false) String purpose,
                 Authentication clerk, HttpSession web, Model model, HttpServletResponse response) {
        Counter.Start start = counter.start(clerk.getName(), registerNumber.strip(), LookUpPurpose.of(purpose).orElse(null),
                lookedUp(web).contains(registerNumber.strip()));
        if (start instanceof Counter.Start.Refused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return counterPage(clerk, LookUpForm.EMPTY, null, List.of(refused.problem()), model);
        }
        return "redirect:/counter/sessions/" + ((Counter.Start.Started) start).session().id();
    }

    @GetMapping("/counter/sessions/{id}")
    String session(@PathVariable UUID id, @RequestParam(required = false) String event, Authentication clerk, Locale locale,
                   Model model, HttpServletResponse response) {
        try {
            return sessionPage(id, clerk, LifeEvent.of(event).orElse(null), List.of(), List.of(), locale, model);
        } catch (CounterRefusal refusal) {
            return refused(refusal, model, response);
        }
    }

    @PostMapping("/counter/sessions/{id}/procedures")
    String pick(@PathVariable UUID id, @RequestParam(name = "procedure", required = false) List<String> picked,
                Authentication clerk, Locale locale, Model model, HttpServletResponse response) {
        try {
            List<Problem> problems = counter.pick(id, clerk.getName(), picked == null ? List.of() : picked);
            if (!problems.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return sessionPage(id, clerk, null, picked == null ? List.of() : picked, problems, locale, model);
            }
            return "redirect:/counter/sessions/" + id + "#drafts";
        } catch (Counter.NotStarted notStarted) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String title = counter.choosable(SiteLanguage.of(locale)).stream().filter(p -> p.slug().equals(notStarted.slug()))
                    .map(ProcedureView::title).findFirst().orElse(notStarted.slug());
            return sessionPage(id, clerk, null, picked, List.of(Problem.of("procedure", notStarted.messageKey(), title)), locale, model);
        } catch (CounterRefusal refusal) {
            return refused(refusal, model, response);
        }
    }

    @PostMapping("/counter/sessions/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean signed, Authentication clerk, Locale locale,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Counter.Submitted submitted = counter.submit(id, clerk.getName(), signed);
            if (!submitted.problems().isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return sessionPage(id, clerk, null, List.of(), submitted.problems(), locale, model);
            }
            redirect.addFlashAttribute("submitted", submitted.receipts().size());
            return "redirect:/counter/sessions/" + id;
        } catch (CounterRefusal refusal) {
            return refused(refusal, model, response);
        }
    }

    @PostMapping("/counter/sessions/{id}/close")
    String close(@PathVariable UUID id, Authentication clerk, Model model, HttpServletResponse response) {
        try {
            counter.close(id, clerk.getName());
            return "redirect:/counter?closed";
        } catch (CounterRefusal refusal) {
            return refused(refusal, model, response);
        }
    }

    @GetMapping("/counter/sessions/{id}/summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable UUID id, Authentication clerk, Locale locale) {
        byte[] pdf;
        try {
            pdf = summary.render(id, clerk.getName(), SiteLanguage.of(locale));
        } catch (CounterRefusal refusal) {
            // a file, not a page: the shell's translated error page for the status says what is wrong
            throw new ResponseStatusException(refusal.status());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("counter-summary.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /** The refusal page, with the same model (and so the page shell) as the page refused. */
    private static String refused(CounterRefusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("refusal", refusal.messageKey());
        return "casework/counter-refused";
    }

    private String counterPage(Authentication clerk, LookUpForm form, List<RegisteredPerson> found, List<Problem> problems,
                               Model model) {
        model.addAttribute("form", form);
        model.addAttribute("found", found);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", byField(problems));
        model.addAttribute("purposes", LookUpPurpose.values());
        model.addAttribute("openSessions", counter.openSessions(clerk.getName()));
        return "casework/counter";
    }

    private String sessionPage(UUID id, Authentication clerk, LifeEvent event, List<String> picked, List<Problem> problems,
                               Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        Counter.Visit visit = counter.visit(id, clerk.getName());
        List<ProcedureView> choosable = event == null ? counter.choosable(language) : counter.forLifeEvent(event, language);
        Set<String> ticked = new LinkedHashSet<>(picked);
        if (event != null) {
            choosable.forEach(p -> ticked.add(p.slug()));
        }
        ticked.removeAll(visit.session().procedures());
        Map<String, String> titles = new java.util.HashMap<>();
        counter.choosable(language).forEach(p -> titles.put(p.slug(), p.title()));
        model.addAttribute("visit", visit);
        model.addAttribute("choosable", choosable.stream().filter(p -> !visit.session().procedures().contains(p.slug())).toList());
        model.addAttribute("ticked", ticked);
        model.addAttribute("event", event);
        model.addAttribute("events", LifeEvent.values());
        model.addAttribute("titles", titles);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", byField(problems));
        return "casework/counter-session";
    }

    /** The first problem of each field, for the message beside it. */
    private static Map<String, Problem> byField(List<Problem> problems) {
        Map<String, Problem> errors = new java.util.LinkedHashMap<>();
        problems.forEach(problem -> errors.putIfAbsent(problem.field(), problem));
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> lookedUp(HttpSession web) {
        Object kept = web.getAttribute(LOOKED_UP);
        return kept instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    private static void remember(HttpSession web, List<RegisteredPerson> found) {
        List<String> numbers = new ArrayList<>(lookedUp(web));
        found.forEach(person -> {
            numbers.remove(person.registerNumber());
            numbers.add(person.registerNumber());
        });
        web.setAttribute(LOOKED_UP, new LinkedHashSet<>(numbers.subList(Math.max(0, numbers.size() - LOOKED_UP_KEPT), numbers.size())));
    }
}
