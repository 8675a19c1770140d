package org.machi.alerts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.machi.alerts.delivery.Deliveries;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.NoticeDesk;
import org.machi.alerts.publishing.NoticeStore;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Daily notices in the back office: department staff write one and publish it at once (no second
 * person), follow its delivery, and withdraw it if it was a mistake.
 */
@Controller
class StaffNoticesController {

    private static final String PUBLISHER = "hasAuthority('PUBLISH_INFORMATION')";
    private static final int RECENT = 100;

    private final NoticeDesk desk;
    private final NoticeStore store;
    private final Deliveries deliveries;
    private final AlertTemplates templates;
    private final CityProfile city;

    StaffNoticesController(NoticeDesk desk, NoticeStore store, Deliveries deliveries, AlertTemplates templates, CityProfile city) {
        this.desk = desk;
        this.store = store;
        this.deliveries = deliveries;
        this.templates = templates;
        this.city = city;
    }

    @GetMapping("/staff/notices")
    @PreAuthorize(PUBLISHER)
    String overview(Model model) {
        model.addAttribute("notices", store.recent(RECENT));
        return "alerts/staff-notices";
    }

    @GetMapping("/staff/notices/new")
    @PreAuthorize(PUBLISHER)
    String newNotice(Model model) {
        return form(model, new NoticeForm(), List.of());
    }

    @PostMapping("/staff/notices/new")
    @PreAuthorize(PUBLISHER)
    String publish(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> district, Principal staff,
                   Model model) {
        NoticeForm form = NoticeForm.from(params, district);
        List<AlertForm.Problem> problems = new ArrayList<>();
        NoticeForm.Read read = form.read(city, problems);
        if (read != null) {
            try {
                Notice notice = desk.publish(read.category(), read.texts(), read.districts(), read.link(), staff.getName());
                return "redirect:/staff/notices/" + notice.id();
            } catch (AlertRuleBroken broken) {
                problems.add(new AlertForm.Problem(broken.messageKey().equals("notice.rule.linkInvalid") ? "link" : "title-ja",
                        broken.messageKey()));
            }
        }
        return form(model, form, problems);
    }

    @GetMapping("/staff/notices/{id}")
    @PreAuthorize(PUBLISHER)
    String show(@PathVariable String id, Principal staff, Model model) {
        Notice notice = find(id);
        model.addAttribute("notice", notice);
        model.addAttribute("mayWithdraw", desk.mayWithdraw(notice, staff.getName()));
        model.addAttribute("place", notice.wholeCity() ? null : templates.districtNames(notice.districts(), SiteLanguage.JA));
        model.addAttribute("published", templates.time(notice.publishedAt(), SiteLanguage.JA));
        model.addAttribute("languages", SiteLanguage.values());
        model.addAttribute("progress", deliveries.progress(notice.id()));
        model.addAttribute("failures", deliveries.failures(notice.id()));
        return "alerts/staff-notice";
    }

    /** The delivery counts, for the page to refresh them while the fan-out runs. */
    @GetMapping("/staff/notices/{id}/progress")
    @PreAuthorize(PUBLISHER)
    @ResponseBody
    Map<String, Deliveries.Progress> progress(@PathVariable String id) {
        return StaffAlertsController.byChannelName(deliveries.progress(find(id).id()));
    }

    @PostMapping("/staff/notices/{id}/withdraw")
    @PreAuthorize(PUBLISHER)
    String withdraw(@PathVariable String id, Principal staff, HttpServletResponse response, Model model) {
        UUID notice = find(id).id();
        try {
            desk.withdraw(notice, staff.getName());
        } catch (AlertRuleBroken alreadyWithdrawn) {
            // shown as it is: withdrawn
        } catch (NoticeDesk.OtherDepartment notTheirs) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("errorKey", "noticeOtherDepartment");
            model.addAttribute("status", HttpStatus.FORBIDDEN.value());
            return "shared/error";
        }
        return "redirect:/staff/notices/" + notice;
    }

    private String form(Model model, NoticeForm form, List<AlertForm.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("categories", NoticeCategory.values());
        model.addAttribute("districts", city.districts());
        model.addAttribute("languages", SiteLanguage.values());
        return "alerts/staff-notice-form";
    }

    private Notice find(String id) {
        try {
            return store.find(UUID.fromString(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
