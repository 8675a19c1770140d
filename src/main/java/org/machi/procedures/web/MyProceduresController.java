package org.machi.procedures.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.machi.identity.Residents;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationView;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.StoredApplication;
import org.machi.procedures.forms.FormDefinition;
import org.machi.shared.CityProfile;
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
    private final ZoneId zone;

    MyProceduresController(Applying applying, Procedures procedures, Residents residents, StepPages pages, CityProfile city) {
        this.applying = applying;
        this.procedures = procedures;
        this.residents = residents;
        this.pages = pages;
        this.zone = city.timeZone();
    }

    /** A row of the list: the application and its procedure's title in the page's language. */
    record Row(ApplicationView application, String title) {
    }

    @GetMapping("/my/procedures")
    String list(Locale locale, Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<Row> rows = applying.mine(account()).stream().map(a -> new Row(a, procedures.find(a.procedureSlug(), language)
                .map(ProcedureView::title).orElse(a.procedureSlug()))).toList();
        model.addAttribute("drafts", rows.stream().filter(r -> r.application().status() == ApplicationStatus.DRAFT).toList());
        model.addAttribute("applications", rows.stream().filter(r -> r.application().status() != ApplicationStatus.DRAFT).toList());
        model.addAttribute("zone", zone);
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
        model.addAttribute("rows", pages.rows(applying.rules(form), application.answers(), application.prefilled(), locale));
        model.addAttribute("zone", zone);
        model.addAttribute("submitted", sent != null);
        return "procedures/my-application";
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
        if (!application.status().withdrawable()) {
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
