package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.account.CardIdentities;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After the OpenID Connect provider has confirmed the card holder: the session holds the Machi
 * account (not the provider's token), with the authorization-code factor the provider vouched for.
 */
@Component
class CardSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final CardIdentities cards;
    private final SecondFactorGate gate;
    private final AuditTrail audit;

    CardSignIn(CardIdentities cards, SecondFactorGate gate, AuditTrail audit) {
        this.cards = cards;
        this.gate = gate;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUser holder = (OidcUser) authentication.getPrincipal();
        Account account = cards.signIn(holder.getIssuer().toString(), holder.getSubject());
        List<GrantedAuthority> authorities = new ArrayList<>(AccountUserDetailsService.authorities(account));
        authentication.getAuthorities().stream()
                .filter(a -> a.getAuthority().startsWith("FACTOR_"))
                .forEach(authorities::add);
        MachiUser user = new MachiUser(account, authorities);
        gate.replace(request, response, UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        response.sendRedirect(request.getContextPath() + "/account");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        audit.record(AuditRecord.of("anonymous", "sign-in.card.failed").withDetail(exception.getClass().getSimpleName()));
        response.sendRedirect(request.getContextPath() + "/sign-in?cardError");
    }
}
