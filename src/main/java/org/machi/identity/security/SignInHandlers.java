package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.totp.TotpCredentials;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where a sign-in leads, and its record in the audit trail. A failure never says whether the
 * account exists: the page shows one message for every reason.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AuditTrail audit;
    private final TotpCredentials totp;
    private final SignInAttempts attempts;
    private final SavedRequestAwareAuthenticationSuccessHandler residents = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInHandlers(AuditTrail audit, TotpCredentials totp, SignInAttempts attempts) {
        this.audit = audit;
        this.totp = totp;
        this.attempts = attempts;
        residents.setDefaultTargetUrl("/account");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        MachiUser user = (MachiUser) authentication.getPrincipal();
        boolean byLink = authentication.getAuthorities().stream()
                .anyMatch(a -> FactorGrantedAuthority.OTT_AUTHORITY.equals(a.getAuthority()));
        audit.record(AuditRecord.of(user.getUsername(), byLink ? "sign-in.link.succeeded" : "sign-in.password.succeeded"));
        if (!user.isStaff()) {
            residents.onAuthenticationSuccess(request, response, authentication);
        } else if (user.passwordMustChange()) {
            response.sendRedirect(request.getContextPath() + "/staff/password");
        } else if (!totp.isEnrolled(user.accountId())) {
            response.sendRedirect(request.getContextPath() + "/staff/second-factor/enrol");
        } else {
            response.sendRedirect(request.getContextPath() + "/staff/second-factor");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        audit.record(attempts.record("sign-in.password.failed", request, "login", exception.getClass().getSimpleName()));
        boolean staff = "staff".equals(request.getParameter("audience"));
        if (exception instanceof CredentialsExpiredException) {
            // only after the right one-time password: it is past its lifetime, and the administrator issues a new one
            response.sendRedirect(request.getContextPath() + "/staff/sign-in?expired");
            return;
        }
        response.sendRedirect(request.getContextPath() + (staff ? "/staff/sign-in?error" : "/sign-in?error"));
    }
}
