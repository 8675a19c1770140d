package org.machi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.machi.identity.account.PasswordPolicy;
import org.machi.identity.account.PasswordResets;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** "Forgot your password": an address, a link by mail, a new password. Requests are throttled like sign-ins. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final PasswordPolicy policy;

    PasswordResetController(PasswordResets resets, PasswordPolicy policy) {
        this.resets = resets;
        this.policy = policy;
    }

    @GetMapping("/sign-in/forgot")
    String form(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null) {
            model.addAttribute("problems", List.of("mailRequest.throttled"));
        }
        return "identity/password-forgot";
    }

    @PostMapping("/sign-in/forgot")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        List<String> problems = resets.request(email, SiteLanguage.of(RequestContextUtils.getLocale(request)));
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("email", email);
            return "identity/password-forgot";
        }
        return "redirect:/sign-in/forgot/sent";
    }

    @GetMapping("/sign-in/forgot/sent")
    String sent() {
        return "identity/password-forgot-sent";
    }

    @GetMapping("/sign-in/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!resets.isValid(token)) {
            return "identity/password-reset-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("minimumLength", policy.minimumLength(false));
        return "identity/password-reset";
    }

    @PostMapping("/sign-in/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String confirmation, Model model) {
        List<String> problems = resets.complete(token, password, confirmation);
        if (problems.contains(PasswordResets.INVALID)) {
            return "identity/password-reset-invalid";
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("token", token);
            model.addAttribute("minimumLength", policy.minimumLength(false));
            return "identity/password-reset";
        }
        return "redirect:/sign-in?passwordReset";
    }
}
