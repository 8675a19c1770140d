package org.machi.identity.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages; the form posts to Spring Security's processing of {@code POST /sign-in}. A
 * failed attempt comes back with {@code ?error} and one message, whatever the reason.
 */
@Controller
class SignInController {

    private final ObjectProvider<ClientRegistrationRepository> cardProvider;

    SignInController(ObjectProvider<ClientRegistrationRepository> cardProvider) {
        this.cardProvider = cardProvider;
    }

    @GetMapping("/sign-in")
    String residentSignIn(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                          @RequestParam(required = false) String created, @RequestParam(required = false) String cardError,
                          @RequestParam(required = false) String linkError, @RequestParam(required = false) String linkEmail,
                          @RequestParam(required = false) String linkThrottled, @RequestParam(required = false) String passwordReset,
                          Model model) {
        addProblem(error, throttled, "signIn.failed", model);
        model.addAttribute("problemField", "login");
        if (cardError != null) {
            model.addAttribute("problems", List.of("signIn.card.failed"));
        }
        if (linkError != null) {
            model.addAttribute("problems", List.of("signInLink.failed"));
        }
        if (linkEmail != null || linkThrottled != null) {
            model.addAttribute("problems", List.of(linkEmail != null ? "signUp.email.invalid" : "mailRequest.throttled"));
            model.addAttribute("problemField", "link-email");
        }
        model.addAttribute("cardSignIn", cardProvider.getIfAvailable() != null);
        model.addAttribute("created", created != null);
        model.addAttribute("passwordReset", passwordReset != null);
        return "identity/sign-in";
    }

    @GetMapping("/staff/sign-in")
    String staffSignIn(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                       @RequestParam(required = false) String expired, Model model) {
        addProblem(error, throttled, "staffSignIn.failed", model);
        if (expired != null) {
            model.addAttribute("problems", List.of("staffSignIn.oneTimePasswordExpired"));
        }
        return "identity/staff-sign-in";
    }

    /** The page a sign-in link opens: one button, so that a mail scanner that follows links cannot use it up. */
    @GetMapping("/sign-in/link")
    String useLink(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "identity/sign-in-link";
    }

    @GetMapping("/sign-in/link/sent")
    String linkSent() {
        return "identity/sign-in-link-sent";
    }

    private static void addProblem(String error, String throttled, String failed, Model model) {
        if (throttled != null) {
            model.addAttribute("problems", List.of("signIn.throttled"));
        } else if (error != null) {
            model.addAttribute("problems", List.of(failed));
        }
    }
}
