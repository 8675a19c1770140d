package org.machi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.FieldProblem;
import org.machi.identity.account.PasswordPolicy;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.security.MachiUser;
import org.machi.identity.security.StaffSignIn;
import org.machi.identity.totp.TotpCredentials;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.shared.StaffTasks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff home page (with the work waiting for the reader), and the sign-in steps after the password. */
@Controller
class StaffController {

    private final StaffAccounts staff;
    private final Accounts accounts;
    private final TotpCredentials totp;
    private final StaffSignIn signIn;
    private final CityProfile city;
    private final PasswordPolicy policy;
    private final List<StaffTasks> tasks;

    StaffController(StaffAccounts staff, Accounts accounts, TotpCredentials totp, StaffSignIn signIn, CityProfile city,
                    PasswordPolicy policy, List<StaffTasks> tasks) {
        this.policy = policy;
        this.tasks = tasks;
        this.staff = staff;
        this.accounts = accounts;
        this.totp = totp;
        this.signIn = signIn;
        this.city = city;
    }

    @GetMapping("/staff")
    String home(Authentication staffMember, Model model) {
        List<String> authorities = staffMember.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        model.addAttribute("tasks", tasks.stream().flatMap(t -> t.waitingFor(staffMember.getName(), authorities).stream())
                .filter(task -> task.count() > 0).toList());
        return "identity/staff-home";
    }

    @ModelAttribute("minimumLength")
    int minimumLength() {
        return policy.minimumLength(true);
    }

    @GetMapping("/staff/password")
    String passwordForm(MachiUser user, Model model) {
        model.addAttribute("firstSignIn", user.passwordMustChange());
        return "identity/staff-password";
    }

    @PostMapping("/staff/password")
    String changePassword(MachiUser user, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
                          Model model, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> problems = staff.changePassword(user.accountId(), currentPassword, password, confirmation,
                request.getSession().getId());
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return passwordForm(user, model);
        }
        signIn.reload(user.accountId(), request, response);
        return totp.isEnrolled(user.accountId()) ? "redirect:/staff/second-factor" : "redirect:/staff/second-factor/enrol";
    }

    @GetMapping("/staff/second-factor/enrol")
    String enrolForm(MachiUser user, Model model) {
        if (totp.isEnrolled(user.accountId())) {
            return "redirect:/staff/second-factor";
        }
        model.addAttribute("enrolment", totp.startEnrolment(user.accountId(), login(user), issuer()));
        return "identity/staff-enrol";
    }

    @PostMapping("/staff/second-factor/enrol")
    String confirmEnrolment(MachiUser user, @RequestParam(defaultValue = "") String code,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (totp.isEnrolled(user.accountId())) {
            return "redirect:/staff/second-factor"; // enrolled already: a code is checked there, never here
        }
        var recoveryCodes = totp.confirm(user.accountId(), code);
        if (recoveryCodes.isEmpty()) {
            model.addAttribute("problems", List.of("secondFactor.wrongCode"));
            model.addAttribute("enrolment", totp.pendingEnrolment(user.accountId(), login(user), issuer()).orElseThrow());
            return "identity/staff-enrol";
        }
        signIn.secondFactorPassed(request, response);
        model.addAttribute("recoveryCodes", recoveryCodes.get());
        return "identity/staff-recovery-codes";
    }

    @GetMapping("/staff/second-factor")
    String secondFactorForm(MachiUser user) {
        return totp.isEnrolled(user.accountId()) ? "identity/staff-second-factor" : "redirect:/staff/second-factor/enrol";
    }

    @PostMapping("/staff/second-factor")
    String checkSecondFactor(MachiUser user, @RequestParam(defaultValue = "") String code,
                             Model model, HttpServletRequest request, HttpServletResponse response) {
        switch (signIn.checkSecondFactor(user.accountId(), request, code)) {
            case THROTTLED -> {
                model.addAttribute("problems", List.of("secondFactor.throttled"));
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return "identity/staff-second-factor";
            }
            case WRONG -> {
                model.addAttribute("problems", List.of("secondFactor.wrongCode"));
                return "identity/staff-second-factor";
            }
            case PASSED -> {
            }
        }
        signIn.secondFactorPassed(request, response);
        return "redirect:/staff";
    }

    private String login(MachiUser user) {
        return accounts.findById(user.accountId()).orElseThrow().login();
    }

    private String issuer() {
        return "Machi " + city.name(SiteLanguage.JA);
    }
}
