package org.machi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.machi.identity.account.PasswordPolicy;
import org.machi.identity.account.SignUps;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A resident creates an account: address, link by mail, password. */
@Controller
class SignUpController {

    private final SignUps signUps;
    private final PasswordPolicy policy;

    SignUpController(SignUps signUps, PasswordPolicy policy) {
        this.signUps = signUps;
        this.policy = policy;
    }

    @GetMapping("/sign-up")
    String form() {
        return "identity/sign-up";
    }

    @PostMapping("/sign-up")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        SiteLanguage language = SiteLanguage.of(RequestContextUtils.getLocale(request));
        List<String> problems = signUps.request(email, language);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("email", email);
            return "identity/sign-up";
        }
        return "redirect:/sign-up/sent";
    }

    @GetMapping("/sign-up/sent")
    String sent() {
        return "identity/sign-up-sent";
    }

    @GetMapping("/sign-up/confirm")
    String confirmForm(@RequestParam(defaultValue = "") String token, Model model) {
        return signUps.addressFor(token).map(address -> {
            model.addAttribute("email", address);
            model.addAttribute("token", token);
            model.addAttribute("minimumLength", policy.minimumLength(false));
            return "identity/sign-up-password";
        }).orElse("identity/sign-up-invalid");
    }

    @PostMapping("/sign-up/confirm")
    String complete(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String confirmation, Model model) {
        List<String> problems = signUps.complete(token, password, confirmation);
        if (problems.contains("signUp.link.invalid")) {
            return "identity/sign-up-invalid";
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("email", signUps.addressFor(token).orElse(""));
            model.addAttribute("token", token);
            model.addAttribute("minimumLength", policy.minimumLength(false));
            return "identity/sign-up-password";
        }
        return "redirect:/sign-in?created";
    }
}
