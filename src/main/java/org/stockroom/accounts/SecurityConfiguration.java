package org.stockroom.accounts;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two ways in. The JSON API (and actuator) is stateless: HTTP Basic or an API token on every
 * request, no CSRF token, and a web session only for reads (see {@link SessionReadsForApi}), so a
 * forged cross-site request can change nothing. The web UI signs in with a form into a session; every
 * state-changing form carries a CSRF token, and pages get strict security headers.
 *
 * <p>Reads need VIEWER, changes STAFF, and accounts, tokens, webhooks, the audit trail, settings
 * and the actuator (but its health) OWNER.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * Only our own scripts; inline style attributes are allowed because charts and htmx set them.
     * Images may come from anywhere on the web: products show pictures the shop hosts elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: https: http:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            UserRepository users,
            PasswordCheck passwords,
            LoginThrottle throttle,
            SecurityProperties settings,
            Tokens tokens,
            CredentialCache credentials)
            throws Exception {
        Problems problems = new Problems();
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        // The second dispatch of a streamed answer (CSV exports, the alert stream) carries no
                        // credentials on a sessionless API; the request was authorized when it began.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, ApiAccess.PUBLIC_POST)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("OWNER")
                        .requestMatchers(ApiAccess.OWNER_ONLY)
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("STAFF"))
                .authenticationManager(new ProviderManager(
                        new PasswordSignIn(users, passwords, throttle, settings, false, credentials)))
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new SessionReadsForApi()))
                .addFilterAfter(
                        new SessionAccountRefresh(users),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            UserRepository users,
            PasswordCheck passwords,
            LoginThrottle throttle,
            SecurityProperties settings,
            WebSignIn signIn)
            throws Exception {
        Problems problems = new Problems();
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(
                                "/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/login/code")
                        .hasAuthority(WebSignIn.CODE_PENDING)
                        .requestMatchers("/account/two-factor", "/account/two-factor/**")
                        .hasAnyAuthority(WebSignIn.ENROLMENT_PENDING, "ROLE_VIEWER")
                        .requestMatchers("/account", "/account/**")
                        .hasRole("VIEWER")
                        .requestMatchers("/admin/**", "/settings", "/settings/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("STAFF"))
                .authenticationManager(
                        new ProviderManager(new PasswordSignIn(users, passwords, throttle, settings, true, null)))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                // For scripts reading the OpenAPI description; pages are for people and use the form.
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signed-out")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .requestCache(c -> c.requestCache(pagesOnly()))
                // A script that sends its own Authorization header is not riding on a browser's cookie.
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                            if (wantsPage(request)) {
                                login.commence(request, response, failure);
                            } else {
                                problems.commence(request, response, failure);
                            }
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            // A person's browser gets the HTML error page with the status; scripts and htmx, Problem
                            // Details.
                            if (wantsPage(request)) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                            } else {
                                problems.handle(request, response, denied);
                            }
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .addFilterAfter(
                        new SessionAccountRefresh(users),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * Signing in leads back to the page the person asked for. Only a page a browser navigated to is
     * remembered: an htmx refresh of a page left open (say the dashboard on a live alert) would
     * otherwise replace it, and the person would land on a page they did not ask for.
     */
    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && wantsPage(request));
        return cache;
    }

    /** A browser navigating (not htmx, not a script) is sent to the sign-in page; everyone else gets a 401. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("HX-Request") == null && accept != null && accept.contains("text/html");
    }

    /**
     * Spring Security wraps each of its filters, and each authentication and authorization, in an
     * observation when an observation registry exists (actuator makes one for metrics). Only a tracer
     * would show those spans; without one they were a tenth of an API request's CPU. The request as a
     * whole is still observed ({@code http.server.requests}).
     */
    @Bean
    @ConditionalOnMissingClass("io.micrometer.tracing.Tracer")
    static SecurityObservationSettings noSecurityObservationsWithoutTracing() {
        return SecurityObservationSettings.noObservations();
    }

    /** A request refused by the firewall (encoded slashes, "..", ...) is a 400 Problem Details, like any bad input. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.web.firewall.RequestRejectedException e) -> Problems.write(
                request,
                response,
                400,
                "invalid-request",
                "Bad Request",
                "The request path or headers are not allowed");
    }
}
