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
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.LoginNames;
import org.machi.shared.DataProtection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per client address and per sign-in name (known or not, so the limit
 * itself reveals nothing). A throttled attempt is not checked at all and returns to the sign-in page
 * with a translated message. Buckets live in this node's memory, bounded in size; each node of a
 * cluster keeps its own.
 */
@Component
class SignInThrottle extends OncePerRequestFilter {

    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byLogin;
    private final int addressAttempts;
    private final int loginAttempts;
    private final Duration window;
    private final DataProtection protection;
    private final AuditTrail audit;

    SignInThrottle(@Value("${machi.identity.throttle.attempts-per-address:30}") int addressAttempts,
                   @Value("${machi.identity.throttle.attempts-per-account:10}") int loginAttempts,
                   @Value("${machi.identity.throttle.window:15m}") Duration window,
                   DataProtection protection, AuditTrail audit) {
        this.addressAttempts = addressAttempts;
        this.loginAttempts = loginAttempts;
        this.window = window;
        this.protection = protection;
        this.audit = audit;
        this.byAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
        this.byLogin = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getServletPath().equals("/sign-in"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String login = protection.lookupHash(LoginNames.normalize(request.getParameter("login")));
        boolean addressAllowed = bucket(byAddress, request.getRemoteAddr(), addressAttempts).tryConsume(1);
        boolean loginAllowed = bucket(byLogin, login, loginAttempts).tryConsume(1);
        if (addressAllowed && loginAllowed) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(AuditRecord.of("anonymous", "sign-in.throttled").withDetail(addressAllowed ? "per account" : "per address"));
        boolean staff = "staff".equals(request.getParameter("audience"));
        response.sendRedirect(request.getContextPath() + (staff ? "/staff/sign-in?throttled" : "/sign-in?throttled"));
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int attempts) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, window))
                .build());
    }
}
