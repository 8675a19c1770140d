package org.machi.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.machi.identity.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passkeys are registered by residents for their own account. Spring Security's registration
 * filters answer before the authorisation rules are applied, so this guard stands in front of
 * them: anyone else (staff before or after their second factor) gets 403.
 */
class PasskeyRegistrationGuard extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/webauthn/register");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean resident = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Permission.OWN_ACCOUNT.authority().equals(authority.getAuthority()));
        if (!resident) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
