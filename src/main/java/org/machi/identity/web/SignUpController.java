package org.machi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.machi.identity.account.PasswordPolicy;
import org.machi.identity.account.SignUps;
import org.machi.identity.security.NewAccountSignIn;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A resident creates an account: address, link by mail, password. */
@Controller
class SignUpController {

    private final SignUps signUps;
    private final PasswordPolicy policy;
    private final NewAccountSignIn newAccounts;

    SignUpController(SignUps signUps, PasswordPolicy policy, NewAccountSignIn newAccounts) {
        this.signUps = signUps;
        this.policy = policy;
        this.newAccounts = newAccounts;
    }

    @GetMapping("/sign-up")
    String form() {
        return "identity/sign-up";
    }

    @PostMapping("/sign-up")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        SiteLanguage language = SiteLanguage.of(RequestContextUtils.getLocale(request));
        List<String> problems = signUps.request(email, language, request.getRemoteAddr());
        if (problems.contains(SignUps.TOO_MANY)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
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

    /** Creates the account and signs the resident in: the link and the new password are proof enough. */
    @PostMapping("/sign-up/confirm")
    String complete(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        SignUps.Completion completion = signUps.complete(token, password, confirmation);
        List<String> problems = completion.problems();
        if (problems.contains(SignUps.LINK_INVALID)) {
            return "identity/sign-up-invalid";
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("email", signUps.addressFor(token).orElse(""));
            model.addAttribute("token", token);
            model.addAttribute("minimumLength", policy.minimumLength(false));
            return "identity/sign-up-password";
        }
        newAccounts.signIn(completion.account(), request, response);
        redirect.addFlashAttribute("notice", "signUp.signedIn");
        return "redirect:/account";
    }
}
