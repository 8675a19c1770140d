package org.machi.identity.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.machi.identity.Permission;
import org.machi.identity.account.SignInLinks;
import org.machi.shared.PublicPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AllAuthoritiesAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: a path is reachable only if a module declared it public ({@link PublicPaths})
 * or a rule here admits it. Everything under {@code /staff} needs the second factor; which
 * permission a back-office page needs is declared on its controller with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, List<PublicPaths> publicPaths, SignInHandlers signIn,
                            SecondFactorGate secondFactorGate, SecurityContextRepository contexts,
                            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
                            SignInThrottle throttle, ObjectProvider<ClientRegistrationRepository> cardProvider,
                            CardSignIn cardSignIn, SignInLinks signInLinks, SignInLinkRequests linkRequests,
                            SessionLifetime sessionLifetime) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).distinct().toArray(String[]::new);
        String[] forms = publicPaths.stream().flatMap(p -> p.forms().stream()).distinct().toArray(String[]::new);
        String[] oneClick = publicPaths.stream().flatMap(p -> p.oneClick().stream()).distinct().toArray(String[]::new);
        List<String> crossOrigin = publicPaths.stream().flatMap(p -> p.readableFromOtherOrigins().stream()).distinct().toList();
        UnansweredMethods unanswered = new UnansweredMethods(controllers, crossOrigin);
        http.securityContext(context -> context.securityContextRepository(contexts))
                // The token lives in a cookie, not the session: an anonymous visit to a form page stores nothing.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).ignoringRequestMatchers(Arrays.stream(oneClick)
                        .map(path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
                        .toArray(RequestMatcher[]::new)).ignoringRequestMatchers(unanswered))
                .cors(cors -> cors.configurationSource(publicReads(crossOrigin)))
                // before the sign-in-link request, which Spring Security handles ahead of the password sign-in
                .addFilterBefore(throttle, GenerateOneTimeTokenFilter.class)
                .addFilterBefore(sessionLifetime, SecurityContextHolderFilter.class)
                .addFilterAfter(new PasskeyRegistrationGuard(), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // a resident's own applications; the API path lies under the public catalog's, so this comes first
                        .requestMatchers("/procedures/*/apply", "/procedures/*/apply/**", "/my/procedures", "/my/procedures/**",
                                "/my/bundles/**", "/my/cases/**", "/api/v1/procedures/applications").hasAuthority(Permission.OWN_ACCOUNT.authority())
                        .requestMatchers(HttpMethod.GET, open).permitAll()
                        .requestMatchers(HttpMethod.HEAD, open).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, open).permitAll()
                        .requestMatchers(unanswered).permitAll()
                        .requestMatchers(HttpMethod.POST, forms).permitAll()
                        .requestMatchers(HttpMethod.POST, oneClick).permitAll()
                        .requestMatchers("/sign-in", "/sign-in/**", "/staff/sign-in", "/sign-up", "/sign-up/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/webauthn/authenticate/options", "/login/webauthn").permitAll()
                        .requestMatchers("/webauthn/register/**", "/webauthn/register").hasAuthority(Permission.OWN_ACCOUNT.authority())
                        .requestMatchers(HttpMethod.POST, "/sign-out", "/sign-out/everywhere").authenticated()
                        .requestMatchers("/account", "/account/**").hasAuthority(Permission.OWN_ACCOUNT.authority())
                        // the first sign-in's new password, or a change by someone fully signed in (second factor too)
                        .requestMatchers("/staff/password").access(AuthorizationManagers.anyOf(
                                AuthorityAuthorizationManager.hasAuthority(AccountUserDetailsService.MUST_CHANGE_PASSWORD),
                                AllAuthoritiesAuthorizationManager.hasAllAuthorities(Permission.BACK_OFFICE.authority(),
                                        SecondFactorGate.TOTP_AUTHORITY)))
                        .requestMatchers("/staff/second-factor", "/staff/second-factor/**").hasAuthority(Permission.BACK_OFFICE.authority())
                        .requestMatchers("/staff", "/staff/**").access(AllAuthoritiesAuthorizationManager.hasAllAuthorities(
                                Permission.BACK_OFFICE.authority(), SecondFactorGate.TOTP_AUTHORITY))
                        // the counter (書かない窓口) is back-office work done at the front desk; each page names its permission
                        .requestMatchers("/counter", "/counter/**").access(AllAuthoritiesAuthorizationManager.hasAllAuthorities(
                                Permission.BACK_OFFICE.authority(), SecondFactorGate.TOTP_AUTHORITY))
                        .anyRequest().access(new UnmappedPaths(controllers)))
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("login")
                        .passwordParameter("password")
                        .successHandler(signIn)
                        .failureHandler(signIn))
                .oneTimeTokenLogin(link -> link
                        .tokenService(signInLinks)
                        .tokenGeneratingUrl("/sign-in/link/request")
                        .generateRequestResolver(linkRequests)
                        .tokenGenerationSuccessHandler(linkRequests)
                        .loginProcessingUrl("/sign-in/link")
                        .showDefaultSubmitPage(false)
                        .loginPage("/sign-in")
                        .successHandler(signIn)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/sign-in?linkError")))
                .webAuthn(passkeys -> passkeys.rpName("Machi"))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-out"))
                        .logoutSuccessUrl("/?signedOut"))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(SecurityConfiguration::apiSignInNeeded,
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/staff/sign-in"),
                                PathPatternRequestMatcher.withDefaults().matcher("/staff/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/staff/sign-in"),
                                PathPatternRequestMatcher.withDefaults().matcher("/counter/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/sign-in"),
                                PathPatternRequestMatcher.withDefaults().matcher("/**"))
                        .accessDeniedHandler(secondFactorGate))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        if (cardProvider.getIfAvailable() != null) {
            http.oauth2Login(card -> card.loginPage("/sign-in").successHandler(cardSignIn).failureHandler(cardSignIn));
        }
        return http.build();
    }

    /** These filters run inside the security chain only, not a second time as plain servlet filters. */
    @Bean
    FilterRegistrationBean<SignInThrottle> throttleOnlyInTheSecurityChain(SignInThrottle throttle) {
        var registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SessionLifetime> sessionLifetimeOnlyInTheSecurityChain(SessionLifetime lifetime) {
        var registration = new FilterRegistrationBean<>(lifetime);
        registration.setEnabled(false);
        return registration;
    }

    /** Public data is readable from pages of any origin, without cookies; nothing else is. */
    /** An API call that needs a session answers 401 with a problem detail (RFC 9457) rather than the sign-in page. */
    private static void apiSignInNeeded(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException cause) throws java.io.IOException {
        response.setStatus(401);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Sign in as a resident to read your applications.\"}");
    }

    private static CorsConfigurationSource publicReads(List<String> paths) {
        CorsConfiguration readable = new CorsConfiguration();
        readable.addAllowedOrigin("*");
        readable.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        readable.addAllowedHeader("*");
        readable.setExposedHeaders(List.of("ETag", "Last-Modified"));
        readable.setAllowCredentials(false);
        readable.setMaxAge(Duration.ofHours(1));
        List<RequestMatcher> readablePaths = paths.stream()
                .<RequestMatcher>map(path -> PathPatternRequestMatcher.withDefaults().matcher(path)).toList();
        return request -> readablePaths.stream().anyMatch(path -> path.matches(request)) ? readable : null;
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("machi_csrf");
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax").path("/"));
        return tokens;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** The password form looks accounts up by sign-in name only, never by internal reference. */
    @Bean
    DaoAuthenticationProvider passwordSignIn(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::loadUserBySignInName);
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
