package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.machi.identity.account.LoginNames;
import org.machi.identity.account.MailLimits;
import org.machi.identity.account.SignInLinks;
import org.machi.shared.EmailAddresses;
import org.machi.shared.SiteLanguage;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Turns "send me a sign-in link" for an address into a request that {@link SignInLinks} answers
 * before any account is looked up, and always answers with the same page, known address or not.
 * Text that is no mail address is sent back to the form with a message; an address that was sent
 * too many links of late gets the throttled message (counted for every address, known or not).
 */
@Component
class SignInLinkRequests implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

    private static final String OVER_LIMIT = SignInLinkRequests.class.getName() + ".overLimit";

    private final MailLimits limits;
    private final LocaleResolver languages;

    /** The request comes through the security filters, before the DispatcherServlet: ask the resolver itself. */
    SignInLinkRequests(MailLimits limits, LocaleResolver languages) {
        this.limits = limits;
        this.languages = languages;
    }

    @Override
    public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String address = LoginNames.normalize(request.getParameter("email"));
        if (!EmailAddresses.valid(address)) {
            return new GenerateOneTimeTokenRequest(SignInLinks.NOBODY, SignInLinks.LIFETIME);
        }
        if (!limits.allowSignInLink(address, request.getRemoteAddr())) {
            request.setAttribute(OVER_LIMIT, true);
            return new GenerateOneTimeTokenRequest(SignInLinks.NOBODY, SignInLinks.LIFETIME);
        }
        SiteLanguage language = SiteLanguage.of(languages.resolveLocale(request));
        return new GenerateOneTimeTokenRequest(SignInLinks.asking(address, language), SignInLinks.LIFETIME);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        boolean anAddress = EmailAddresses.valid(LoginNames.normalize(request.getParameter("email")));
        String page = request.getAttribute(OVER_LIMIT) != null ? "/sign-in?linkThrottled"
                : anAddress ? "/sign-in/link/sent" : "/sign-in?linkEmail";
        response.sendRedirect(request.getContextPath() + page);
    }
}
