package org.machi.alerts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.machi.alerts.delivery.PushIdentity;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.subscriptions.SubscriptionWording;
import org.machi.alerts.subscriptions.PushEndpoints;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.alerts.subscriptions.UnsubscribeLinks;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.CityProfile;
import org.machi.shared.EmailAddresses;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subscribing to alerts without an account: the form, the confirmation from the mailed link, and
 * leaving in one click from any message (RFC 8058: a mail client may POST to the same address).
 */
@Controller
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final UnsubscribeLinks unsubscribe;
    private final WebhookAddresses webhooks;
    private final CityProfile city;
    private final SubscriptionWording wording;
    private final MessageSource messages;
    private final PushIdentity push;
    private final SubscriptionLimits limits;
    private final PushEndpoints pushEndpoints;
    private final PushSubscriptionLimits pushLimits;

    SubscriptionController(Subscriptions subscriptions, UnsubscribeLinks unsubscribe, WebhookAddresses webhooks, CityProfile city,
                           SubscriptionWording wording, MessageSource messages, PushIdentity push, SubscriptionLimits limits,
                           PushEndpoints pushEndpoints, PushSubscriptionLimits pushLimits) {
        this.pushEndpoints = pushEndpoints;
        this.pushLimits = pushLimits;
        this.push = push;
        this.limits = limits;
        this.wording = wording;
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.unsubscribe = unsubscribe;
        this.webhooks = webhooks;
        this.city = city;
    }

    @GetMapping("/alerts/subscribe")
    String form(Locale locale, Model model) {
        return form(model, "", SiteLanguage.of(locale).code(), false, Set.of(), Set.of(), true, "", List.of());
    }

    @PostMapping("/alerts/subscribe")
    String request(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String language,
                   @RequestParam(required = false) String wholeCity, @RequestParam(required = false) List<String> district,
                   @RequestParam(required = false) List<String> category,
                   @RequestParam(required = false) String byEmail, @RequestParam(defaultValue = "") String webhookUrl,
                   HttpServletRequest http, HttpServletResponse response, Model model) {
        List<AlertForm.Problem> problems = new ArrayList<>();
        // Full-width letters and ＠ from a Japanese input method are the same address.
        String address = Normalizer.normalize(email, Normalizer.Form.NFKC).strip();
        if (!EmailAddresses.valid(address)) {
            problems.add(new AlertForm.Problem("email", "subscribe.email.invalid"));
        }
        Choices choices = Choices.read(language, wholeCity != null, district, category, city, problems);
        String webhook = webhookUrl.strip();
        if (byEmail == null && webhook.isEmpty()) {
            problems.add(new AlertForm.Problem("byEmail", "subscribe.channel.required"));
        }
        if (!webhook.isEmpty()) {
            webhooks.problem(webhook).ifPresent(key -> problems.add(new AlertForm.Problem("webhookUrl", key)));
        }
        if (problems.isEmpty() && !(limits.allowClient(http.getRemoteAddr()) && limits.allowMail(address, http.getRemoteAddr()))) {
            problems.add(new AlertForm.Problem("email", "subscribe.tooMany"));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        if (!problems.isEmpty()) {
            return form(model, email, language, choices.wholeCity(), choices.districts(), choices.categoryNames(), byEmail != null,
                    webhookUrl, problems);
        }
        subscriptions.request(new Subscriptions.Request(address, choices.language(), choices.wholeCity(), choices.placeDistricts(),
                byEmail != null, webhook.isEmpty() ? null : webhook, choices.categories()));
        return "alerts/subscribe-sent";
    }

    /** What the page's script sends when the resident allows notifications in this browser. */
    record BrowserSubscription(String endpoint, Map<String, String> keys, String language, Boolean wholeCity, List<String> districts,
                               List<String> categories) {
    }

    /**
     * Push notifications to this browser (Web Push): active at once, since the browser asked its
     * owner first. Problems come back translated, each naming its field.
     */
    @PostMapping(path = "/alerts/push", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> subscribeBrowser(@RequestBody BrowserSubscription browser, HttpServletRequest http,
                                                         Locale locale) {
        if (!limits.allowClient(http.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("problems",
                    List.of(Map.of("field", "push", "message", messages.getMessage("subscribe.tooMany", null, locale)))));
        }
        List<AlertForm.Problem> problems = new ArrayList<>();
        Choices choices = Choices.read(browser.language(), Boolean.TRUE.equals(browser.wholeCity()), browser.districts(),
                browser.categories(), city, problems);
        String endpoint = browser.endpoint() == null ? "" : browser.endpoint().strip();
        Subscriptions.PushKeys keys = browser.keys() == null ? null
                : new Subscriptions.PushKeys(browser.keys().get("p256dh"), browser.keys().get("auth"));
        if (endpoint.isEmpty() || keys == null || !keys.wellFormed()) {
            problems.add(new AlertForm.Problem("push", "subscribe.push.unusable"));
        } else {
            pushEndpoints.problem(endpoint).ifPresent(key -> problems.add(new AlertForm.Problem("push",
                    key.equals("subscribe.push.hostNotAllowed") ? key : "subscribe.push.unusable")));
        }
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("problems", problems.stream()
                    .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.key(), p.args(), locale))).toList()));
        }
        if (!pushLimits.allowSubscription(http.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("problems",
                    List.of(Map.of("field", "push", "message", messages.getMessage("subscribe.push.tooMany", null, locale)))));
        }
        subscriptions.subscribeBrowser(new Subscriptions.BrowserRequest(endpoint, keys, choices.language(), choices.wholeCity(),
                choices.placeDistricts(), choices.categories()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("message", messages.getMessage("subscribe.push.on", null, locale)));
    }

    /** Push notifications to this browser end (the script unsubscribes it from the push service too). */
    @PostMapping(path = "/alerts/push/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> endBrowser(@RequestBody Map<String, String> browser, Locale locale) {
        subscriptions.endBrowser(browser.get("endpoint"));
        return ResponseEntity.ok(Map.of("message", messages.getMessage("subscribe.push.off", null, locale)));
    }

    @GetMapping("/alerts/subscribe/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Locale locale, Model model) {
        var pending = subscriptions.pending(token);
        if (pending.isEmpty()) {
            return "alerts/subscribe-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("subscription", pending.get());
        model.addAttribute("districtNames", wording.where(pending.get(), SiteLanguage.of(locale)));
        return "alerts/subscribe-confirm";
    }

    /** Confirms on a button press, not on the link itself: mail scanners follow links. */
    @PostMapping("/alerts/subscribe/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        var confirmed = subscriptions.confirm(token);
        if (confirmed.isEmpty()) {
            return "alerts/subscribe-invalid";
        }
        model.addAttribute("secret", confirmed.get().webhookSecret());
        model.addAttribute("replaced", confirmed.get().replacedEarlier());
        model.addAttribute("leave", unsubscribe.path(confirmed.get().subscription().id()));
        return "alerts/subscribe-active";
    }

    @GetMapping("/alerts/unsubscribe/{token}")
    String leavePage(@PathVariable String token, Locale locale, Model model) {
        var subscription = unsubscribe.subscription(token).flatMap(subscriptions::summary);
        if (subscription.isEmpty()) {
            return "alerts/unsubscribe-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("subscription", subscription.get());
        model.addAttribute("districtNames", wording.where(subscription.get(), SiteLanguage.of(locale)));
        return "alerts/unsubscribe";
    }

    /** The button on the page, or a mail client's one-click POST (without a CSRF token). */
    @PostMapping("/alerts/unsubscribe/{token}")
    Object leave(@PathVariable String token, @RequestParam(name = "List-Unsubscribe", required = false) String oneClick) {
        boolean ended = unsubscribe.subscription(token).map(subscriptions::end).orElse(false);
        if (oneClick != null) {
            return ResponseEntity.status(ended ? HttpStatus.OK : HttpStatus.NOT_FOUND).build();
        }
        return ended ? "alerts/unsubscribed" : "alerts/unsubscribe-invalid";
    }

    private String form(Model model, String email, String language, boolean wholeCity, Set<String> chosen,
                        Set<String> chosenCategories, boolean byEmail, String webhookUrl, List<AlertForm.Problem> problems) {
        model.addAttribute("email", email);
        model.addAttribute("language", language);
        model.addAttribute("wholeCity", wholeCity);
        model.addAttribute("chosen", chosen);
        model.addAttribute("chosenCategories", chosenCategories);
        model.addAttribute("categories", NoticeCategory.values());
        model.addAttribute("pushKey", push.publicKey());
        model.addAttribute("byEmail", byEmail);
        model.addAttribute("webhookUrl", webhookUrl);
        model.addAttribute("problems", problems);
        model.addAttribute("districts", city.districts());
        model.addAttribute("languages", SiteLanguage.values());
        return "alerts/subscribe";
    }
}
