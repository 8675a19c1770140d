package org.machi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.machi.identity.ResidentProfile;
import org.machi.identity.account.AccountDeletion;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.CredentialChanges;
import org.machi.identity.account.FieldProblem;
import org.machi.identity.account.Profiles;
import org.machi.identity.security.MachiUser;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** A resident's own data: see it, correct it, take it away (JSON), delete the account. */
@Controller
class ProfileController {

    /** Before this, no resident was born; and the Japanese calendar shown beside it starts in 1873. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final Profiles profiles;
    private final Accounts accounts;
    private final AccountDeletion deletion;
    private final CityProfile city;
    private final JsonMapper json;
    private final Clock clock;
    private final CredentialChanges credentials;

    ProfileController(Profiles profiles, Accounts accounts, AccountDeletion deletion, CredentialChanges credentials, CityProfile city,
                      JsonMapper json, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
        this.profiles = profiles;
        this.accounts = accounts;
        this.deletion = deletion;
        this.city = city;
        this.json = json;
    }

    @ModelAttribute("districts")
    Object districts() {
        return city.districts();
    }

    @ModelAttribute("languages")
    SiteLanguage[] languages() {
        return SiteLanguage.values();
    }

    @GetMapping("/account/profile")
    String form(MachiUser user, Model model) {
        model.addAttribute("form", ProfileForm.of(profiles.own(user.accountId()).orElse(ResidentProfile.empty())));
        return "identity/profile";
    }

    @PostMapping("/account/profile")
    String save(MachiUser user, @Valid @ModelAttribute("form") ProfileForm form, BindingResult errors,
                RedirectAttributes redirect) {
        if (form.district() != null && !form.district().isBlank() && city.district(form.district()).isEmpty()) {
            errors.rejectValue("district", "profile.district.unknown");
        }
        if (form.birthDate() != null && !form.birthDate().isBlank()) {
            var date = form.parsedBirthDate();
            var nonexistent = form.nonexistentBirthDate();
            if (nonexistent.isPresent()) {
                errors.rejectValue("birthDate", "profile.birthDate.nonexistent", nonexistent.get(), null);
            } else if (date.isEmpty()) {
                errors.rejectValue("birthDate", "typeMismatch.birthDate");
            } else if (!date.get().isBefore(LocalDate.now(clock.withZone(city.timeZone())))) {
                errors.rejectValue("birthDate", "profile.birthDate.past");
            } else if (date.get().isBefore(EARLIEST_BIRTH_DATE)) {
                errors.rejectValue("birthDate", "profile.birthDate.tooEarly");
            }
        }
        if (form.parsedContactChannel().isEmpty()) {
            errors.rejectValue("contactChannel", "profile.contact.unknown");
        }
        if (form.preferredLanguage() != null && !form.preferredLanguage().isBlank()
                && SiteLanguage.fromCode(form.preferredLanguage()).isEmpty()) {
            errors.rejectValue("preferredLanguage", "profile.language.unknown");
        }
        if (errors.hasErrors()) {
            return "identity/profile";
        }
        profiles.save(user.accountId(), form.toProfile());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account";
    }

    @GetMapping("/account/export")
    void export(MachiUser user, HttpServletResponse response) throws IOException {
        var account = accounts.findById(user.accountId()).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account", Map.of("id", account.id().toString(), "signInName", account.login(),
                "assurance", account.assurance().name(), "createdAt", account.createdAt().toString()));
        data.put("profile", profiles.own(user.accountId()).orElse(null));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"machi-my-data.json\"");
        json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), data);
    }

    @GetMapping("/account/delete")
    String confirmDeletion(MachiUser user, Model model) {
        model.addAttribute("retentionDays", deletion.retention().toDays());
        model.addAttribute("hasPassword", credentials.hasPassword(user.accountId()));
        return "identity/delete-account";
    }

    @PostMapping("/account/delete")
    String delete(MachiUser user, @RequestParam(defaultValue = "") String currentPassword, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        if (!credentials.confirmsIdentity(user.accountId(), currentPassword)) {
            model.addAttribute("problems", List.of(new FieldProblem("currentPassword", "credentials.currentPassword.wrong")));
            return confirmDeletion(user, model);
        }
        deletion.deleteResident(user.accountId());
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/?deleted";
    }

    /** A birth date as Japanese residents read it: the Gregorian date with the era (和暦). */
    static String withEra(LocalDate date) {
        String era = JapaneseDate.from(date).format(DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPANESE));
        return date + "（" + era + "）";
    }
}
