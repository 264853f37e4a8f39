package vn.situationroom.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.situationroom.region.Region;

/**
 * Two filter chains. The REST API and the actuator: a machine client's Bearer token with scopes, or the session of a
 * signed-in officer for reading (a report link on a screen); no login page, a 401 or 403 problem instead. Everything
 * else is Vaadin's: the login view, view access by {@code @RolesAllowed}, the wall screens' kiosk sign-in. Both send
 * the same security headers. The README's role matrix is this class and the views' annotations.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /**
     * What a page may load: Vaadin runs inline and generated scripts and styles, the map draws from data URLs, push
     * uses a WebSocket; nothing from another site, and no page of another site may frame this one.
     */
    static String contentSecurityPolicy(String tileOrigin) {
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:" + (tileOrigin.isEmpty() ? "" : " " + tileOrigin) + ";"
                + " font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; object-src 'none';"
                + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The origin of the configured map tiles, which the pages may load images from; empty when there are none. */
    private static String tileOrigin(Environment environment) {
        String url = environment.getProperty("situationroom.ui.tile-url", "").strip();
        if (url.isEmpty()) {
            return "";
        }
        // A tile URL is a template ({z}/{x}/{y}, {s} for sub-domains): its scheme and host are what matter.
        java.util.regex.Matcher origin =
                java.util.regex.Pattern.compile("^(https?://)([^/]+)").matcher(url);
        return origin.find() ? origin.group(1) + origin.group(2).replace("{s}", "*") : "";
    }

    private static final String[] READERS = {Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the algorithm's name kept beside each hash so that a stronger one can follow.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            AccessTokens tokens,
            UserAccounts accounts,
            AuditLog audit,
            SecurityContextHolderStrategy holder,
            Environment environment)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyAuthority(role(Roles.ADMIN), Scopes.authority(Scopes.METRICS_READ))
                        // What the API offers, for whoever may use any of it.
                        .requestMatchers(GET, "/api/v1/openapi", "/api/v1/openapi/**")
                        .authenticated()
                        .requestMatchers(POST, "/api/v1/events", "/api/v1/events/import")
                        .hasAuthority(Scopes.authority(Scopes.EVENTS_WRITE))
                        .requestMatchers(GET, "/api/v1/history/top")
                        .hasAnyAuthority(readers())
                        .requestMatchers(GET, "/api/v1/history/**", "/api/v1/region/**")
                        .hasAnyAuthority(readers(Roles.COMMUNE))
                        .requestMatchers(POST, "/api/v1/analysis/detect", "/api/v1/analysis/clusters")
                        .hasAuthority(Scopes.authority(Scopes.HISTORY_READ))
                        .requestMatchers(GET, "/api/v1/alerts", "/api/v1/alerts/*", "/api/v1/alerts/*/notifications")
                        .hasAnyAuthority(
                                Scopes.authority(Scopes.HISTORY_READ), role(Roles.LEADERSHIP), role(Roles.POLICE))
                        .requestMatchers(POST, "/api/v1/alerts/*/ack", "/api/v1/alerts/*/resolve")
                        .hasAuthority(Scopes.authority(Scopes.ALERTS_WRITE))
                        .requestMatchers(GET, "/api/v1/cases/*/persons")
                        .hasAnyRole(Roles.INSPECTION, Roles.OFFICE)
                        .requestMatchers(GET, "/api/v1/cases")
                        .hasAnyAuthority(
                                Scopes.authority(Scopes.HISTORY_READ),
                                role(Roles.INSPECTION),
                                role(Roles.OFFICE),
                                role(Roles.COMMUNE))
                        .requestMatchers(GET, "/api/v1/reports/**")
                        .hasAnyAuthority(
                                Scopes.authority(Scopes.HISTORY_READ),
                                role(Roles.LEADERSHIP),
                                role(Roles.INSPECTION),
                                role(Roles.OFFICE))
                        .anyRequest()
                        .denyAll())
                // Only a token writes, and a token is no cookie a foreign page could ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            TokenFilters.problem(
                                    response,
                                    401,
                                    "Authentication required",
                                    "Send an API token: Authorization: Bearer <token>.");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            audit.record(
                                    AuditLog.Action.ACCESS_DENIED,
                                    request.getMethod() + " " + request.getRequestURI(),
                                    e.getMessage());
                            TokenFilters.problem(
                                    response,
                                    403,
                                    "Forbidden",
                                    "This token or user may not do this: " + e.getMessage());
                        }))
                .addFilterAfter(
                        new TokenFilters.SessionCheck(accounts, tokens, holder), SecurityContextHolderFilter.class)
                .addFilterBefore(new TokenFilters.Bearer(tokens, holder), AnonymousAuthenticationFilter.class);
        headers(http, environment);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(
            HttpSecurity http,
            AccessTokens tokens,
            UserAccounts accounts,
            AuditLog audit,
            LoginThrottle throttle,
            SecurityProperties properties,
            SecurityContextHolderStrategy holder,
            Environment environment)
            throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/sr/**", "/webjars/**")
                        .permitAll()
                        // The maps' shapes, for every signed-in screen (a wall's kiosk too).
                        .requestMatchers(GET, "/" + Region.SHAPES_PATH)
                        .authenticated())
                .with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView("/login").addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(Viewer.current().name(), AuditLog.Action.LOGOUT, null, null);
                                TokenFilters.clearCookie(request, response);
                            }
                        }))
                .addFilterAfter(
                        new TokenFilters.SessionCheck(accounts, tokens, holder), SecurityContextHolderFilter.class)
                .addFilterBefore(new TokenFilters.Throttle(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new TokenFilters.Kiosk(tokens, audit, Duration.ofDays(properties.kioskCookieDays()), holder),
                        AnonymousAuthenticationFilter.class);
        headers(http, environment);
        return http.build();
    }

    private static void headers(HttpSecurity http, Environment environment) throws Exception {
        String policy = contentSecurityPolicy(tileOrigin(environment));
        http.headers(headers -> {
            // Written before the app answers: Vaadin's page bootstrap would otherwise go out without them.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    // Sent on HTTPS only (behind TLS): a year, sub-domains included.
                    .httpStrictTransportSecurity(
                            hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
        });
    }

    private static String role(String role) {
        return "ROLE_" + role;
    }

    private static String[] readers(String... more) {
        String[] authorities = new String[READERS.length + more.length + 1];
        authorities[0] = Scopes.authority(Scopes.HISTORY_READ);
        for (int i = 0; i < READERS.length; i++) {
            authorities[i + 1] = role(READERS[i]);
        }
        for (int i = 0; i < more.length; i++) {
            authorities[READERS.length + 1 + i] = role(more[i]);
        }
        return authorities;
    }
}
