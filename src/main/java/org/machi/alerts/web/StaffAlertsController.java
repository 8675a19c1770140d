package org.machi.alerts.web;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.machi.alerts.delivery.Deliveries;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertDrafting;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.CapRenewals;
import org.machi.alerts.publishing.InForceAlerts;
import org.machi.shared.CityProfile;
import org.machi.shared.PeopleNames;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The alert desk in the back office: operators draft from a kind's template, revise and submit;
 * approvers approve or send back; published alerts get an update or a cancel. Delivery progress
 * is shown on each published alert.
 */
@Controller
class StaffAlertsController {

    private static final String EITHER = "hasAnyAuthority('DRAFT_ALERTS', 'APPROVE_ALERTS')";
    private static final String DRAFTER = "hasAuthority('DRAFT_ALERTS')";
    private static final String APPROVER = "hasAuthority('APPROVE_ALERTS')";
    private static final String APPROVE_ALERTS = "APPROVE_ALERTS";

    private final AlertDesk desk;
    private final AlertDrafting drafting;
    private final AlertStore store;
    private final AlertTemplates templates;
    private final InForceAlerts inForce;
    private final CapRenewals renewals;
    private final Deliveries deliveries;
    private final CityProfile city;
    private final MessageSource messages;
    private final PeopleNames people;
    private final Clock clock;

    StaffAlertsController(AlertDesk desk, AlertDrafting drafting, AlertStore store, AlertTemplates templates,
                          InForceAlerts inForce, CapRenewals renewals, Deliveries deliveries, CityProfile city, MessageSource messages, PeopleNames people,
                          Clock clock) {
        this.drafting = drafting;
        this.people = people;
        this.desk = desk;
        this.store = store;
        this.templates = templates;
        this.inForce = inForce;
        this.renewals = renewals;
        this.deliveries = deliveries;
        this.city = city;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/staff/alerts")
    @PreAuthorize(EITHER)
    String overview(Model model) {
        model.addAttribute("unpublished", store.unpublished());
        model.addAttribute("inForce", inForce.now());
        model.addAttribute("endingSoon", renewals.endingSoon().stream()
                .map(alert -> new Ending(alert, templates.time(alert.content().expires(), SiteLanguage.JA))).toList());
        model.addAttribute("renewals", renewals.due().stream().map(this::renewal).toList());
        model.addAttribute("kinds", AlertKind.values());
        return "alerts/staff-overview";
    }

    @GetMapping("/staff/alerts/new")
    @PreAuthorize(DRAFTER)
    String newAlert(@RequestParam(required = false) String kind, Model model) {
        AlertKind chosen = kind(kind);
        if (chosen == null) {
            model.addAttribute("kinds", AlertKind.values());
            return "alerts/staff-kinds";
        }
        return form(model, AlertForm.forKind(chosen, clock.instant(), city.timeZone()), List.of(), "new", null);
    }

    @PostMapping("/staff/alerts/new")
    @PreAuthorize(DRAFTER)
    String create(@RequestParam(required = false) String kind, @RequestParam Map<String, String> params,
                  @RequestParam(required = false) List<String> district, Principal staff, Model model) {
        AlertKind chosen = kind(kind);
        if (chosen == null) {
            return "redirect:/staff/alerts/new";
        }
        AlertForm form = AlertForm.from(chosen, params, district, params.containsKey("allDistricts"), city);
        return save(model, form, "new", null, typed -> drafting.draft(typed, confirmed(params), staff.getName()));
    }

    @GetMapping("/staff/alerts/{id}")
    @PreAuthorize(EITHER)
    String show(@PathVariable String id, @RequestParam(required = false) String refused, Principal staff, Model model,
                Locale locale) {
        Alert alert = find(id);
        if (refused != null && refused.matches("alert\\.rule\\.[a-zA-Z]{1,40}")
                && messages.getMessage(refused, null, null, locale) != null) {
            model.addAttribute("refused", refused);
        }
        model.addAttribute("alert", alert);
        model.addAttribute("mine", alert.author().equals(staff.getName()));
        model.addAttribute("history", store.history(alert));
        model.addAttribute("languages", SiteLanguage.values());
        model.addAttribute("progress", deliveries.progress(alert.id()));
        model.addAttribute("failures", deliveries.failures(alert.id()));
        model.addAttribute("districtNames", templates.areaName(alert.districts(), SiteLanguage.JA));
        model.addAttribute("effective", templates.time(alert.content().effective(), SiteLanguage.JA));
        model.addAttribute("expires", templates.time(alert.content().expires(), SiteLanguage.JA));
        model.addAttribute("renewal", renewals.due(alert).map(this::renewal).orElse(null));
        model.addAttribute("preApprovalOffered", desk.preApprovalOffered(alert));
        model.addAttribute("names", people.namesOf(Stream.of(alert.author(), alert.approver()).filter(Objects::nonNull).toList()));
        model.addAttribute("approvers", people.holding(APPROVE_ALERTS).entrySet().stream()
                .filter(approver -> !approver.getKey().equals(alert.author())).map(Map.Entry::getValue).toList());
        return "alerts/staff-alert";
    }

    /** An alert in force whose end is near, with that end as staff read it. */
    record Ending(Alert alert, String at) {
    }

    /** An order CAP's receivers drop (or dropped) at a time, as staff read it, unless an update renews it. */
    record Renewal(Alert alert, String at, boolean dropped) {
    }

    private Renewal renewal(CapRenewals.Due due) {
        return new Renewal(due.alert(), templates.time(due.by(), SiteLanguage.JA), due.dropped());
    }

    /** The delivery counts, for the page to refresh them while the fan-out runs. */
    @GetMapping("/staff/alerts/{id}/progress")
    @PreAuthorize(EITHER)
    @ResponseBody
    Map<String, Deliveries.Progress> progress(@PathVariable String id) {
        return byChannelName(deliveries.progress(find(id).id()));
    }

    static Map<String, Deliveries.Progress> byChannelName(Map<Deliveries.Channel, Deliveries.Progress> progress) {
        Map<String, Deliveries.Progress> named = new LinkedHashMap<>();
        progress.forEach((channel, counts) -> named.put(channel.name(), counts));
        return named;
    }

    @GetMapping("/staff/alerts/{id}/edit")
    @PreAuthorize(DRAFTER)
    String edit(@PathVariable String id, Model model) {
        Alert alert = find(id);
        return form(model, AlertForm.of(alert, city.timeZone()), List.of(), "edit", alert);
    }

    @PostMapping("/staff/alerts/{id}/edit")
    @PreAuthorize(DRAFTER)
    String revise(@PathVariable String id, @RequestParam Map<String, String> params,
                  @RequestParam(required = false) List<String> district, Principal staff, Model model) {
        Alert alert = find(id);
        AlertForm form = AlertForm.from(alert.kind(), params, district, params.containsKey("allDistricts"), city);
        form.exercise = alert.exercise();
        return save(model, form, "edit", alert, typed -> drafting.revise(alert, typed, confirmed(params), staff.getName()));
    }

    @GetMapping("/staff/alerts/{id}/update")
    @PreAuthorize(DRAFTER)
    String updateForm(@PathVariable String id, Model model) {
        Alert alert = find(id);
        return form(model, AlertForm.of(alert, city.timeZone()), List.of(), "update", alert);
    }

    @PostMapping("/staff/alerts/{id}/update")
    @PreAuthorize(DRAFTER)
    String draftUpdate(@PathVariable String id, @RequestParam Map<String, String> params,
                       @RequestParam(required = false) List<String> district, Principal staff, Model model) {
        Alert alert = find(id);
        AlertForm form = AlertForm.from(alert.kind(), params, district, params.containsKey("allDistricts"), city);
        form.exercise = alert.exercise();
        return save(model, form, "update", alert, typed -> drafting.draftUpdate(alert, typed, confirmed(params), staff.getName()));
    }

    @GetMapping("/staff/alerts/{id}/cancel")
    @PreAuthorize(DRAFTER)
    String cancelForm(@PathVariable String id, Model model) {
        Alert alert = find(id);
        AlertText japanese = drafting.cancelText(alert);
        model.addAttribute("alert", alert);
        model.addAttribute("headline", japanese.headline());
        model.addAttribute("description", japanese.description());
        return "alerts/staff-cancel";
    }

    @PostMapping("/staff/alerts/{id}/cancel")
    @PreAuthorize(DRAFTER)
    String draftCancel(@PathVariable String id, @RequestParam(defaultValue = "") String headline,
                       @RequestParam(defaultValue = "") String description, Principal staff, Model model) {
        Alert alert = find(id);
        AlertDrafting.Outcome outcome = drafting.draftCancel(alert, headline, description, staff.getName());
        if (outcome instanceof AlertDrafting.Saved saved) {
            return "redirect:/staff/alerts/" + saved.alert().id();
        }
        model.addAttribute("alert", alert);
        model.addAttribute("headline", headline);
        model.addAttribute("description", description);
        model.addAttribute("problems", AlertForm.problems(((AlertDrafting.NotSaved) outcome).problems()));
        return "alerts/staff-cancel";
    }

    @PostMapping("/staff/alerts/{id}/submit")
    @PreAuthorize(DRAFTER)
    String submit(@PathVariable String id, Principal staff) {
        return act(id, alert -> desk.submit(alert, staff.getName()));
    }

    @PostMapping("/staff/alerts/{id}/discard")
    @PreAuthorize(DRAFTER)
    String discard(@PathVariable String id, Principal staff) {
        UUID alert = find(id).id();
        try {
            desk.discard(alert, staff.getName());
        } catch (AlertRuleBroken broken) {
            return "redirect:/staff/alerts/" + alert + "?refused=" + broken.messageKey();
        }
        return "redirect:/staff/alerts?discarded";
    }

    @PostMapping("/staff/alerts/{id}/publish-pre-approved")
    @PreAuthorize(DRAFTER)
    String publishPreApproved(@PathVariable String id, Principal staff) {
        return act(id, alert -> desk.publishPreApproved(alert, staff.getName()));
    }

    @PostMapping("/staff/alerts/{id}/approve")
    @PreAuthorize(APPROVER)
    String approve(@PathVariable String id, Principal staff) {
        return act(id, alert -> desk.approve(alert, staff.getName()));
    }

    @PostMapping("/staff/alerts/{id}/send-back")
    @PreAuthorize(APPROVER)
    String sendBack(@PathVariable String id, Principal staff) {
        return act(id, alert -> desk.sendBack(alert, staff.getName()));
    }

    /** Runs a state change; a refused one comes back to the alert's page with the rule named. */
    private String act(String id, Consumer<UUID> action) {
        UUID alert = find(id).id();
        try {
            action.accept(alert);
        } catch (AlertRuleBroken broken) {
            return "redirect:/staff/alerts/" + alert + "?refused=" + broken.messageKey();
        }
        return "redirect:/staff/alerts/" + alert;
    }

    /**
     * Hands what the form holds to drafting, or shows the form again: with its problems, or with
     * what the operator is asked to confirm until they tick that they have.
     *
     * @param previous the alert revised or updated, or null for a new one
     */
    private String save(Model model, AlertForm form, String mode, Alert previous,
                        Function<AlertContent, AlertDrafting.Outcome> drafting) {
        List<AlertForm.Problem> problems = new ArrayList<>();
        AlertContent typed = form.read(city, problems);
        if (typed != null) {
            AlertDrafting.Outcome outcome = drafting.apply(typed);
            if (outcome instanceof AlertDrafting.Saved saved) {
                return "redirect:/staff/alerts/" + saved.alert().id();
            }
            AlertDrafting.NotSaved notSaved = (AlertDrafting.NotSaved) outcome;
            form.showAgain(notSaved);
            problems.addAll(AlertForm.problems(notSaved.problems()));
            model.addAttribute("checks", AlertForm.problems(notSaved.checks()));
        }
        return form(model, form, problems, mode, previous);
    }

    private static boolean confirmed(Map<String, String> params) {
        return params.containsKey("confirmed");
    }

    private String form(Model model, AlertForm form, List<AlertForm.Problem> problems, String mode, Alert alert) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("checks")) {
            model.addAttribute("checks", List.of());
        }
        model.addAttribute("kindName", messages.getMessage(form.kind.messageKey(), null, LocaleContextHolder.getLocale()));
        model.addAttribute("problems", problems);
        model.addAttribute("mode", mode);
        model.addAttribute("alert", alert);
        model.addAttribute("districts", city.districts());
        model.addAttribute("languages", SiteLanguage.values());
        model.addAttribute("action", switch (mode) {
            case "edit" -> "/staff/alerts/" + alert.id() + "/edit";
            case "update" -> "/staff/alerts/" + alert.id() + "/update";
            default -> "/staff/alerts/new";
        });
        return "alerts/staff-form";
    }

    private Alert find(String id) {
        try {
            return store.find(UUID.fromString(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static AlertKind kind(String name) {
        if (name == null) {
            return null;
        }
        for (AlertKind kind : AlertKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
