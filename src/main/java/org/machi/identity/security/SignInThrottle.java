package org.machi.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.machi.audit.AuditTrail;
import org.machi.identity.IdentityProperties;
import org.machi.identity.account.LoginNames;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts, sign-in-link requests and password-reset requests, each per client
 * address, per sign-in name and client, and per sign-in name from anywhere (known or not, so the
 * limit itself reveals nothing). A throttled request is not checked at all and returns to its form
 * with a translated message, and audited with the account it aimed at and the client address
 * ({@link SignInAttempts}). The budgets are the shared {@link RateLimits}: on PostgreSQL every
 * node counts against the same ones.
 */
@Component
class SignInThrottle extends OncePerRequestFilter {

    /** A guarded request: where its sign-in name is, what the audit trail calls a refusal, where it is sent, its limits' names. */
    private record Guarded(String parameter, String action, String throttledPage, String limits) {
    }

    /** Each has budgets of its own: many reset requests do not stop the person signing in. */
    private static final Map<String, Guarded> GUARDED = Map.of(
            "/sign-in", new Guarded("login", "sign-in.throttled", "/sign-in?throttled", "identity.sign-in"),
            "/sign-in/link/request", new Guarded("email", "sign-in.link.throttled", "/sign-in?linkThrottled", "identity.sign-in-link"),
            "/sign-in/forgot", new Guarded("email", "password.reset.throttled", "/sign-in/forgot?throttled", "identity.password-reset"));

    /** The limits of one guarded request. */
    private record Limits(Limit perClient, Limit perNameAndClient, Limit perNameAndClientPerDay, Limit perName) {
    }

    private final Map<String, Limits> limits = new HashMap<>();
    private final RateLimits rates;
    private final AuditTrail audit;
    private final SignInAttempts attempts;

    SignInThrottle(IdentityProperties properties, RateLimits rates, AuditTrail audit, SignInAttempts attempts) {
        IdentityProperties.Throttle throttle = properties.throttle();
        Duration window = throttle.window();
        GUARDED.forEach((path, guarded) -> limits.put(path, new Limits(
                new Limit(guarded.limits() + ".per-client", throttle.attemptsPerAddress(), window),
                new Limit(guarded.limits() + ".per-name-and-client", throttle.attemptsPerAccount(), window),
                new Limit(guarded.limits() + ".per-name-and-client-per-day", throttle.attemptsPerAccountPerDay(), Duration.ofDays(1)),
                new Limit(guarded.limits() + ".per-name", throttle.attemptsPerAccountFromAnywhere(), window))));
        this.rates = rates;
        this.audit = audit;
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && GUARDED.containsKey(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        Guarded guarded = GUARDED.get(path);
        Limits limit = limits.get(path);
        String login = LoginNames.normalize(request.getParameter(guarded.parameter()));
        String client = request.getRemoteAddr();
        boolean addressAllowed = rates.tryTake(limit.perClient(), client);
        // per name and client: someone else's wrong passwords do not lock the owner out. The
        // buckets refill one attempt at a time, so a guesser slows down instead of a hard lock,
        // and more the longer it goes on: one attempt per window / attempts, then one per day / per-day.
        boolean loginAllowed = rates.tryTake(limit.perNameAndClient(), login, client)
                && rates.tryTake(limit.perNameAndClientPerDay(), login, client)
                && rates.tryTake(limit.perName(), login);
        if (addressAllowed && loginAllowed) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(attempts.record(guarded.action(), request, guarded.parameter(), addressAllowed ? "per account" : "per address"));
        boolean staff = "staff".equals(request.getParameter("audience"));
        response.sendRedirect(request.getContextPath() + (staff ? "/staff/sign-in?throttled" : guarded.throttledPage()));
    }

    /** Gives this sign-in name its whole password budget back, from every client. */
    void unlock(String login) {
        Limits signIn = limits.get("/sign-in");
        String name = LoginNames.normalize(login);
        rates.reset(signIn.perNameAndClient(), name);
        rates.reset(signIn.perNameAndClientPerDay(), name);
        rates.reset(signIn.perName(), name);
    }
}
