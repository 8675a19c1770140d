package org.machi.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.LoginNames;
import org.machi.shared.DataProtection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts, sign-in-link requests and password-reset requests, each per client
 * address and per sign-in name (known or not, so the limit itself reveals nothing). A throttled
 * request is not checked at all and returns to its form with a translated message. Buckets live
 * in this node's memory, bounded in size; each node of a cluster keeps its own.
 */
@Component
class SignInThrottle extends OncePerRequestFilter {

    /** A guarded request: where its sign-in name is, what the audit trail calls a refusal, where it is sent. */
    private record Guarded(String parameter, String action, String throttledPage) {
    }

    /** Each has buckets of its own: many reset requests do not stop the person signing in. */
    private static final Map<String, Guarded> GUARDED = Map.of(
            "/sign-in", new Guarded("login", "sign-in.throttled", "/sign-in?throttled"),
            "/sign-in/link/request", new Guarded("email", "sign-in.link.throttled", "/sign-in?linkThrottled"),
            "/sign-in/forgot", new Guarded("email", "password.reset.throttled", "/sign-in/forgot?throttled"));

    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byLogin;
    private final Cache<String, Bucket> byLoginFromAnywhere;
    private final int addressAttempts;
    private final int loginAttempts;
    private final int loginAttemptsFromAnywhere;
    private final Duration window;
    private final DataProtection protection;
    private final AuditTrail audit;

    SignInThrottle(@Value("${machi.identity.throttle.attempts-per-address:30}") int addressAttempts,
                   @Value("${machi.identity.throttle.attempts-per-account:10}") int loginAttempts,
                   @Value("${machi.identity.throttle.attempts-per-account-from-anywhere:100}") int loginAttemptsFromAnywhere,
                   @Value("${machi.identity.throttle.window:15m}") Duration window,
                   DataProtection protection, AuditTrail audit) {
        this.addressAttempts = addressAttempts;
        this.loginAttempts = loginAttempts;
        this.loginAttemptsFromAnywhere = loginAttemptsFromAnywhere;
        this.window = window;
        this.protection = protection;
        this.audit = audit;
        this.byAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
        this.byLogin = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
        this.byLoginFromAnywhere = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
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
        String login = protection.lookupHash(LoginNames.normalize(request.getParameter(guarded.parameter())));
        boolean addressAllowed = bucket(byAddress, path + " " + request.getRemoteAddr(), addressAttempts).tryConsume(1);
        // per name and client: someone else's wrong passwords do not lock the owner out; the
        // bucket refills one attempt at a time, so a guesser slows down instead of a hard lock
        boolean loginAllowed = bucket(byLogin, path + " " + login + " " + request.getRemoteAddr(), loginAttempts).tryConsume(1)
                && bucket(byLoginFromAnywhere, path + " " + login, loginAttemptsFromAnywhere).tryConsume(1);
        if (addressAllowed && loginAllowed) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(AuditRecord.of("anonymous", guarded.action()).withDetail(addressAllowed ? "per account" : "per address"));
        boolean staff = "staff".equals(request.getParameter("audience"));
        response.sendRedirect(request.getContextPath() + (staff ? "/staff/sign-in?throttled" : guarded.throttledPage()));
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int attempts) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, window))
                .build());
    }
}
