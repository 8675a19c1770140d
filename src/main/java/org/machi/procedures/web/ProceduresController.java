package org.machi.procedures.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.machi.procedures.DepartmentView;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.forms.FormVersions;
import org.machi.shared.SharedPage;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The catalog for residents: browse by life event, department or words, and each procedure's page. */
@Controller
class ProceduresController {

    private final Procedures procedures;
    private final FormVersions forms;

    ProceduresController(Procedures procedures, FormVersions forms) {
        this.procedures = procedures;
        this.forms = forms;
    }

    @SharedPage
    @GetMapping("/procedures")
    String catalog(@RequestParam(required = false) String q, @RequestParam(required = false) String event,
                   @RequestParam(required = false) String department, Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<DepartmentView> departments = procedures.departments(language);
        List<SearchProblem> problems = new ArrayList<>();
        CatalogQuery query = CatalogQuery.read(q, event, department, departments, problems);
        List<ProcedureView> results = procedures.search(query.words(), language).stream()
                .filter(p -> query.event() == null || p.lifeEvents().contains(query.event()))
                .filter(p -> query.department() == null || p.department().code().equals(query.department()))
                .toList();
        model.addAttribute("problems", problems);
        model.addAttribute("q", query.words());
        model.addAttribute("event", query.event() == null ? "" : query.event().name());
        model.addAttribute("department", query.department() == null ? "" : query.department());
        model.addAttribute("chosenDepartment", departments.stream().filter(d -> d.code().equals(query.department())).findFirst().orElse(null));
        model.addAttribute("filtered", query.filtered());
        model.addAttribute("results", results);
        model.addAttribute("events", LifeEvent.values());
        model.addAttribute("departments", departments);
        return "procedures/catalog";
    }

    @SharedPage
    @GetMapping("/procedures/{slug}")
    String procedure(@PathVariable String slug, Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        ProcedureView procedure = procedures.find(slug, language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, ProcedureView> all = procedures.all(language).stream()
                .collect(Collectors.toMap(ProcedureView::slug, Function.identity()));
        model.addAttribute("procedure", procedure);
        model.addAttribute("hasForm", procedure.online() && forms.current(slug).isPresent());
        model.addAttribute("related", procedure.related().stream().map(all::get).filter(Objects::nonNull).toList());
        model.addAttribute("reference", language == SiteLanguage.REFERENCE ? null : SiteLanguage.REFERENCE);
        return "procedures/procedure";
    }
}
