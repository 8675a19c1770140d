package org.machi.identity.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.FieldProblem;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.account.StaffRegister;
import org.machi.identity.security.SignInUnlocks;
import org.machi.identity.totp.TotpCredentials;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
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
 * The system administrator's staff accounts: list, create, name and department (one of the city
 * profile's, or none), roles, reset sign-in, unlock sign-in.
 */
@Controller
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class StaffPeopleController {

    private static final String STAFF_ID = "[a-z0-9][a-z0-9._-]{2,39}";

    private final Accounts accounts;
    private final StaffAccounts staff;
    private final StaffRegister register;
    private final TotpCredentials totp;
    private final SignInUnlocks unlocks;
    private final CityProfile city;

    StaffPeopleController(Accounts accounts, StaffAccounts staff, StaffRegister register, TotpCredentials totp,
                          SignInUnlocks unlocks, CityProfile city) {
        this.accounts = accounts;
        this.city = city;
        this.unlocks = unlocks;
        this.register = register;
        this.staff = staff;
        this.totp = totp;
    }

    @GetMapping("/staff/people")
    String list(Model model) {
        List<Account> people = accounts.staff();
        Map<UUID, StaffDetails> details = register.all();
        Map<UUID, String> departments = new HashMap<>();
        details.forEach((id, d) -> {
            if (d.department() != null && !d.department().isBlank()) {
                departments.put(id, city.departmentRecordedAs(d.department()).map(dep -> dep.name(SiteLanguage.REFERENCE))
                        .orElse(d.department()));
            }
        });
        model.addAttribute("people", people);
        model.addAttribute("details", details);
        model.addAttribute("departmentNames", departments);
        model.addAttribute("enrolled", people.stream().filter(a -> totp.isEnrolled(a.id())).map(Account::id).toList());
        return "identity/people";
    }

    @GetMapping("/staff/people/new")
    String newForm(Model model) {
        model.addAttribute("details", StaffDetailsForm.of(null, city));
        model.addAttribute("departments", city.departments());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("chosen", Set.of());
        return "identity/person-new";
    }

    @PostMapping("/staff/people/new")
    String create(@RequestParam(defaultValue = "") String staffId, @RequestParam(required = false) List<String> role,
                  StaffDetailsForm details, Authentication admin, Model model) {
        String id = staffId.strip().toLowerCase(Locale.ROOT);
        Set<StaffRole> roles = roles(role);
        List<FieldProblem> problems = new ArrayList<>();
        if (!id.matches(STAFF_ID)) {
            problems.add(new FieldProblem("staffId", "people.staffId.invalid"));
        }
        problems.addAll(details.problems(city));
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "people.roles.required"));
        }
        var created = problems.isEmpty() ? staff.create(id, roles, details.details(), admin.getName())
                : Optional.<StaffAccounts.Created>empty();
        if (problems.isEmpty() && created.isEmpty()) {
            problems.add(new FieldProblem("staffId", "people.staffId.taken"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("staffId", staffId);
            model.addAttribute("details", details);
            model.addAttribute("departments", city.departments());
            model.addAttribute("roles", StaffRole.values());
            model.addAttribute("chosen", roles);
            return "identity/person-new";
        }
        model.addAttribute("person", created.get().account());
        model.addAttribute("oneTimePassword", created.get().oneTimePassword());
        return "identity/person-password";
    }

    @GetMapping("/staff/people/{id}")
    String person(@PathVariable String id, Model model) {
        Account person = find(id);
        return personPage(person, StaffDetailsForm.of(register.find(person.id()).orElse(null), city), model);
    }

    @PostMapping("/staff/people/{id}/roles")
    String changeRoles(@PathVariable String id, @RequestParam(required = false) List<String> role, Authentication admin, Model model) {
        Account person = find(id);
        Set<StaffRole> roles = roles(role);
        if (roles.isEmpty()) {
            model.addAttribute("problems", List.of(new FieldProblem("roles", "people.roles.required")));
            return personPage(person, StaffDetailsForm.of(register.find(person.id()).orElse(null), city), model);
        }
        staff.changeRoles(person.id(), roles, admin.getName());
        return "redirect:/staff/people/" + person.id();
    }

    @PostMapping("/staff/people/{id}/details")
    String changeDetails(@PathVariable String id, StaffDetailsForm details, Authentication admin, Model model,
                         RedirectAttributes redirect) {
        Account person = find(id);
        List<FieldProblem> problems = details.problems(city);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return personPage(person, details, model);
        }
        staff.changeDetails(person.id(), details.details(), admin.getName());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/staff/people/" + person.id();
    }

    private String personPage(Account person, StaffDetailsForm details, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("details", details);
        model.addAttribute("departments", city.departments());
        model.addAttribute("unknownDepartment", StaffDetailsForm.unknownDepartment(register.find(person.id()).orElse(null), city));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("chosen", person.roles());
        model.addAttribute("enrolled", totp.isEnrolled(person.id()));
        return "identity/person";
    }

    @PostMapping("/staff/people/{id}/reset")
    String resetSignIn(@PathVariable String id, Authentication admin, Model model) {
        Account person = find(id);
        model.addAttribute("person", person);
        model.addAttribute("oneTimePassword", staff.resetSignIn(person.id(), admin.getName()));
        return "identity/person-password";
    }

    /** Clears the person's sign-in limits: someone else's wrong guesses no longer keep them out. */
    @PostMapping("/staff/people/{id}/unlock")
    String unlockSignIn(@PathVariable String id, Authentication admin, RedirectAttributes redirect) {
        Account person = find(id);
        unlocks.unlock(person, admin.getName());
        redirect.addFlashAttribute("unlocked", true);
        return "redirect:/staff/people/" + person.id();
    }

    private Account find(String id) {
        try {
            return accounts.findById(UUID.fromString(id)).filter(Account::isStaff)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** Known role names only; anything else a tampered form sends is ignored. */
    private static Set<StaffRole> roles(List<String> names) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        if (names != null) {
            for (String name : names) {
                for (StaffRole role : StaffRole.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
