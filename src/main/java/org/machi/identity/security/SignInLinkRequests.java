package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.LoginNames;
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
 * Turns "send me a sign-in link" for an address into a token request for its account (never the
 * address itself), and always answers with the same page, known address or not. Text that is no
 * mail address is sent back to the form with a message (no account has such a name, so nothing
 * was stored).
 */
@Component
class SignInLinkRequests implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

    private final Accounts accounts;
    private final LocaleResolver languages;

    /** The request comes through the security filters, before the DispatcherServlet: ask the resolver itself. */
    SignInLinkRequests(Accounts accounts, LocaleResolver languages) {
        this.accounts = accounts;
        this.languages = languages;
    }

    @Override
    public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String email = request.getParameter("email");
        SiteLanguage language = SiteLanguage.of(languages.resolveLocale(request));
        String user = accounts.findByLogin(email == null ? "" : email)
                .filter(Account::active)
                .filter(account -> !account.isStaff())
                .map(account -> account.reference() + "|" + language.code())
                .orElse(SignInLinks.NOBODY);
        return new GenerateOneTimeTokenRequest(user, SignInLinks.LIFETIME);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        boolean anAddress = EmailAddresses.valid(LoginNames.normalize(request.getParameter("email")));
        response.sendRedirect(request.getContextPath() + (anAddress ? "/sign-in/link/sent" : "/sign-in?linkEmail"));
    }
}
