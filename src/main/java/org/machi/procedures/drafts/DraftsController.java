package org.machi.procedures.drafts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.machi.identity.Resident;
import org.machi.identity.ResidentSignIn;
import org.machi.identity.Residents;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.Draft;
import org.machi.procedures.forms.Step;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Resume links: the owner of a draft asks for one (from a step or the check-your-answers page) and
 * is told where it went; anyone holding a link opens it, and is signed in as the draft's owner and
 * taken to where they stopped. The link's page looks the same for every token until it is used,
 * and a refused link (unknown, used, voided or expired) gets one page for every reason.
 */
@Controller
class DraftsController {

    static final String CONTINUE = "/procedures/drafts/continue";

    private final ResumeLinks links;
    private final Applying applying;
    private final Procedures procedures;
    private final Residents residents;
    private final ResidentSignIn signIn;
    private final RateLimits rates;
    private final DraftDates dates;
    private final Limit opens;

    DraftsController(ResumeLinks links, Applying applying, Procedures procedures, Residents residents, ResidentSignIn signIn,
                     RateLimits rates, DraftDates dates, DraftsProperties properties) {
        this.links = links;
        this.applying = applying;
        this.procedures = procedures;
        this.residents = residents;
        this.signIn = signIn;
        this.rates = rates;
        this.dates = dates;
        this.opens = new Limit("procedures.resume-links.opens-per-client", properties.opensPerClientPerHour(), Duration.ofHours(1));
    }

    /** Asks for a link for the owner and leads to the page that says where it went (or that they asked too often). */
    static String ask(ResumeLinks links, UUID account, String slug, UUID id, String resumeAt, boolean saved, SiteLanguage language,
                      RedirectAttributes redirect) {
        boolean sent = links.ask(account, id, resumeAt, language);
        redirect.addAttribute("step", resumeAt);
        if (!sent) {
            redirect.addAttribute("throttled", "1");
        }
        if (!saved) {
            redirect.addAttribute("notSaved", "1");
        }
        return "redirect:/procedures/" + slug + "/apply/" + id + "/resume-link/sent";
    }

    /** The check-your-answers page's button: nothing there to save, the link leads back to it. */
    @PostMapping("/procedures/{slug}/apply/{id}/resume-link")
    String askFromCheckAnswers(@PathVariable String slug, @PathVariable String id, Locale locale, RedirectAttributes redirect) {
        Draft draft = owned(slug, id);
        return ask(links, draft.application().applicant(), slug, draft.application().id(), ResumeLinks.CHECK_ANSWERS, true,
                SiteLanguage.of(locale), redirect);
    }

    @GetMapping("/procedures/{slug}/apply/{id}/resume-link/sent")
    String sent(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String step,
                @RequestParam(required = false) String throttled, @RequestParam(required = false) String notSaved, Locale locale,
                Model model, HttpServletResponse response) {
        Draft draft = owned(slug, id);
        Resident owner = residents.find(draft.application().applicant()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String back = step != null && (step.equals(ResumeLinks.CHECK_ANSWERS) || draft.form().step(step).isPresent())
                ? step : ResumeLinks.CHECK_ANSWERS;
        model.addAttribute("procedure", procedures.find(slug, SiteLanguage.of(locale)).orElseThrow());
        model.addAttribute("app", draft.application());
        model.addAttribute("back", back);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("notSaved", notSaved != null);
        model.addAttribute("address", MaskedAddress.of(owner.email()));
        model.addAttribute("lifetime", dates.period(links.lifetime(), locale));
        model.addAttribute("keptUntil", dates.keptUntil(draft.application().draftExpiresAt(), locale));
        if (throttled != null) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        return "procedures/drafts/link-sent";
    }

    /** The page a link opens: one button, so that a mail scanner following links does not use it up; nothing is looked up. */
    @GetMapping(CONTINUE)
    String continuePage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("token", token);
        return "procedures/drafts/continue";
    }

    @PostMapping(CONTINUE)
    String open(@RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!rates.tryTake(opens, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttled", true);
            return "procedures/drafts/continue-refused";
        }
        ResumeLinks.Use use = links.use(token);
        ResumeLinks.Opened opened = use.opened();
        if (opened == null || !signIn.byResumeLink(opened.account(), request, response)) {
            signIn.resumeLinkRefused(request, opened == null ? use.refusedAccount() : opened.account());
            return refused(token, model, response);
        }
        return "redirect:/procedures/" + opened.slug() + "/apply/" + opened.applicationId() + "/" + resumeAt(opened, SiteLanguage.of(locale));
    }

    /** The step stored with the link; for a reminder's link, the first step not yet answered. */
    private String resumeAt(ResumeLinks.Opened opened, SiteLanguage language) {
        if (opened.stepId() != null) {
            return opened.stepId();
        }
        return applying.draft(opened.account(), opened.slug(), opened.applicationId())
                .flatMap(draft -> draft.rules().firstIncomplete(draft.answers(), language)).map(Step::id)
                .orElse(ResumeLinks.CHECK_ANSWERS);
    }

    private static String refused(String token, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("token", token);
        model.addAttribute("throttled", false);
        return "procedures/drafts/continue-refused";
    }

    /** A new link in place of a refused one, to the owner of its draft; the same answer whatever the token was. */
    @PostMapping(CONTINUE + "/new-link")
    String newLink(@RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!rates.tryTake(opens, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttled", true);
            return "procedures/drafts/continue-refused";
        }
        links.renew(token);
        return "procedures/drafts/new-link-sent";
    }

    private Draft owned(String slug, String id) {
        UUID account = residents.signedInAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UUID applicationId;
        try {
            applicationId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<Draft> draft = applying.draft(account, slug, applicationId);
        return draft.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
