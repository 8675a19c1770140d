package org.machi.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.machi.identity.Permission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The back office's second factor: a staff member who signed in with a password is sent to the
 * second-factor step instead of being refused, and passing it adds the TOTP factor to the session
 * (with a new session id, as for any rise in privilege).
 */
@Component
class SecondFactorGate implements AccessDeniedHandler {

    static final String TOTP_AUTHORITY = FactorGrantedAuthority.fromFactor("TOTP").getAuthority();

    private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
    private final SecurityContextRepository contexts;

    SecondFactorGate(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && (request.getRequestURI().startsWith(request.getContextPath() + "/staff")
                || request.getRequestURI().startsWith(request.getContextPath() + "/counter"))) {
            if (has(authentication, AccountUserDetailsService.MUST_CHANGE_PASSWORD)) {
                response.sendRedirect(request.getContextPath() + "/staff/password");
                return;
            }
            if (has(authentication, Permission.BACK_OFFICE.authority()) && !has(authentication, TOTP_AUTHORITY)) {
                response.sendRedirect(request.getContextPath() + "/staff/second-factor");
                return;
            }
        }
        refuse.handle(request, response, denied);
    }

    /** Marks the current sign-in as having passed the second factor. */
    void passed(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromFactor("TOTP"));
        replace(request, response, UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities));
    }

    /** Puts a new authentication in place of the current one, under a new session id. */
    void replace(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
