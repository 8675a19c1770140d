package org.machi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.machi.identity.account.CredentialChanges;
import org.machi.identity.account.FieldProblem;
import org.machi.identity.account.PasswordPolicy;
import org.machi.identity.security.MachiUser;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The account page's password and mail-address changes, each after the current password. */
@Controller
class CredentialsController {

    private final CredentialChanges changes;
    private final PasswordPolicy policy;

    CredentialsController(CredentialChanges changes, PasswordPolicy policy) {
        this.changes = changes;
        this.policy = policy;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("minimumLength", policy.minimumLength(false));
        return "identity/account-password";
    }

    @PostMapping("/account/password")
    String changePassword(MachiUser user, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
                          Model model, RedirectAttributes redirect, HttpServletRequest request) {
        List<FieldProblem> problems = changes.changePassword(user.accountId(), currentPassword, password, confirmation,
                request.getSession().getId());
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return passwordForm(model);
        }
        redirect.addFlashAttribute("notice", "credentials.password.changed");
        return "redirect:/account";
    }

    @GetMapping("/account/email")
    String emailForm() {
        return "identity/account-email";
    }

    @PostMapping("/account/email")
    String requestEmailChange(MachiUser user, @RequestParam(defaultValue = "") String currentPassword,
                              @RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model,
                              RedirectAttributes redirect) {
        SiteLanguage language = SiteLanguage.of(RequestContextUtils.getLocale(request));
        List<FieldProblem> problems = changes.requestEmailChange(user.accountId(), currentPassword, email, language);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("email", email);
            return "identity/account-email";
        }
        redirect.addFlashAttribute("notice", "emailChange.sent");
        return "redirect:/account";
    }

    /** The page the link opens: one button, so that a mail scanner that follows links cannot use it up. */
    @GetMapping("/account/email/confirm")
    String confirmForm(MachiUser user, @RequestParam(defaultValue = "") String token, Model model) {
        if (!changes.isValidEmailLink(user.accountId(), token)) {
            return "identity/account-email-invalid";
        }
        model.addAttribute("token", token);
        return "identity/account-email-confirm";
    }

    @PostMapping("/account/email/confirm")
    String confirm(MachiUser user, @RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
        if (!changes.confirmEmailChange(user.accountId(), token)) {
            return "identity/account-email-invalid";
        }
        redirect.addFlashAttribute("notice", "emailChange.done");
        return "redirect:/account";
    }
}
