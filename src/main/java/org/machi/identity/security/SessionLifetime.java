package org.machi.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.machi.identity.IdentityProperties;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session once the configured absolute lifetime since sign-in has passed,
 * however active it was (the idle timeout is Spring Session's {@code spring.session.timeout}).
 * The sign-in time is taken with the application's clock when the signing-in request ends.
 * The person is then anonymous, and a protected page asks them to sign in again.
 */
@Component
class SessionLifetime extends OncePerRequestFilter {

    private static final String SIGNED_IN_AT = SessionLifetime.class.getName() + ".signedInAt";

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetime(IdentityProperties properties, Clock clock) {
        this.lifetime = properties.session().absoluteLifetime();
        this.clock = clock;
    }

    /** Whether the session holds a signed-in person (the context is read before the security chain restores it). */
    private static boolean isSignedIn(HttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null && context.getAuthentication().isAuthenticated();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant since
                && since.plus(lifetime).isBefore(clock.instant())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
        // the request that signed the person in: start the clock
        HttpSession after = request.getSession(false);
        if (after != null && after.getAttribute(SIGNED_IN_AT) == null && isSignedIn(after)) {
            after.setAttribute(SIGNED_IN_AT, clock.instant());
        }
    }
}
