package vn.situationroom.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.situationroom.platform.Json;

/** The filters that sign in machine clients and wall screens by token, and end sessions that are no longer good. */
final class TokenFilters {

    /** The cookie in which a wall screen keeps its kiosk sign-in. */
    static final String KIOSK_COOKIE = "SR_KIOSK";

    /** A kiosk session's idle limit. */
    static final int KIOSK_SESSION_SECONDS = 2_000_000;

    private TokenFilters() {}

    /** Writes an RFC 9457 problem. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.MAPPER.writeValueAsString(body));
    }

    /**
     * {@code Authorization: Bearer <token>}: a machine client's API token, good for this request only (no session).
     * A token that is unknown or revoked is refused with 401 at once, whatever the path.
     */
    static final class Bearer extends OncePerRequestFilter {

        private final AccessTokens tokens;
        private final SecurityContextHolderStrategy holder;

        Bearer(AccessTokens tokens, SecurityContextHolderStrategy holder) {
            this.tokens = tokens;
            this.holder = holder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<AccessTokens.Token> token =
                    tokens.authenticate(header.substring(7).strip(), AccessTokens.Kind.API);
            if (token.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problem(response, 401, "Invalid token", "The API token is unknown or revoked.");
                return;
            }
            List<SimpleGrantedAuthority> authorities = token.get().scopes().stream()
                    .map(scope -> new SimpleGrantedAuthority(Scopes.authority(scope)))
                    .toList();
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(token.get(), null, authorities));
            holder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                holder.clearContext();
            }
        }
    }

    /**
     * A wall screen's sign-in: {@code /kiosk/<token>} (the address an administrator gives the screen once) or the
     * cookie it leaves, so that the wall signs itself in again after a restart of the app. The session never times
     * out; it shows the wall only.
     */
    static final class Kiosk extends OncePerRequestFilter {

        private final AccessTokens tokens;
        private final AuditLog audit;
        private final Duration cookieAge;
        private final SecurityContextHolderStrategy holder;
        private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

        Kiosk(AccessTokens tokens, AuditLog audit, Duration cookieAge, SecurityContextHolderStrategy holder) {
            this.tokens = tokens;
            this.audit = audit;
            this.cookieAge = cookieAge;
            this.holder = holder;
            repository.setSecurityContextHolderStrategy(holder);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/kiosk/")) {
                // A pairing link works once: the screen that opens it keeps a secret of its own in its cookie.
                Optional<AccessTokens.Issued> paired = tokens.pair(path.substring(7));
                if (paired.isEmpty()) {
                    clearCookie(request, response);
                    response.sendRedirect(request.getContextPath() + "/login?kiosk");
                    return;
                }
                signIn(paired.get().token(), request, response);
                Cookie cookie = new Cookie(KIOSK_COOKIE, paired.get().secret());
                cookie.setHttpOnly(true);
                // Secure on HTTPS, directly or behind a TLS proxy that says so (server.forward-headers-strategy).
                cookie.setSecure(request.isSecure());
                cookie.setPath(cookiePath(request));
                cookie.setMaxAge((int) cookieAge.toSeconds());
                cookie.setAttribute("SameSite", "Strict");
                response.addCookie(cookie);
                response.sendRedirect(request.getContextPath() + "/wall");
                return;
            }
            Authentication current = holder.getContext().getAuthentication();
            String remembered = cookie(request);
            if (remembered != null && (current == null || !current.isAuthenticated())) {
                Optional<AccessTokens.Token> token = tokens.authenticate(remembered, AccessTokens.Kind.KIOSK);
                if (token.isPresent()) {
                    signIn(token.get(), request, response);
                } else {
                    clearCookie(request, response);
                }
            }
            chain.doFilter(request, response);
        }

        private void signIn(AccessTokens.Token token, HttpServletRequest request, HttpServletResponse response) {
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            HttpSession session = request.getSession(true);
            // A wall hangs on for weeks with nobody touching it: 23 days (Vaadin counts this in milliseconds in an
            // int), after which it reloads and signs in again from its cookie.
            session.setMaxInactiveInterval(KIOSK_SESSION_SECONDS);
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(
                    token, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.KIOSK))));
            holder.setContext(context);
            repository.saveContext(context, request, response);
            audit.record(token.auditName(), AuditLog.Action.KIOSK_SIGN_IN, token.auditName(), token.name());
        }

        private static String cookie(HttpServletRequest request) {
            if (request.getCookies() == null) {
                return null;
            }
            for (Cookie cookie : request.getCookies()) {
                if (KIOSK_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
            return null;
        }
    }

    /** Clears a wall's kiosk cookie. */
    static void clearCookie(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(KIOSK_COOKIE, "");
        cookie.setPath(cookiePath(request));
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }

    private static String cookiePath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    /**
     * Ends, at its next request, a session whose account was disabled or changed since it signed in, or whose kiosk
     * token was revoked: the request goes on as anonymous, so a screen lands on the login page and the API answers 401.
     */
    static final class SessionCheck extends OncePerRequestFilter {

        private final UserAccounts accounts;
        private final AccessTokens tokens;
        private final SecurityContextHolderStrategy holder;

        SessionCheck(UserAccounts accounts, AccessTokens tokens, SecurityContextHolderStrategy holder) {
            this.accounts = accounts;
            this.tokens = tokens;
            this.holder = holder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = holder.getContext().getAuthentication();
            Object principal = authentication == null ? null : authentication.getPrincipal();
            boolean good = true;
            if (principal instanceof Officer officer) {
                good = accounts.sessionValid(officer);
            } else if (principal instanceof AccessTokens.Token token && token.kind() == AccessTokens.Kind.KIOSK) {
                good = tokens.active(token.id());
            }
            if (!good) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                holder.clearContext();
                if (authentication.getPrincipal() instanceof AccessTokens.Token) {
                    clearCookie(request, response);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Refuses a login attempt while its username or address is throttled, without checking the password. */
    static final class Throttle extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final AuditLog audit;

        Throttle(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod())
                    && request.getRequestURI().equals(request.getContextPath() + "/login"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = request.getParameter("username");
            if (throttle.blocked(username, request.getRemoteAddr())) {
                if (throttle.firstRefusal(username, request.getRemoteAddr())) {
                    audit.record(
                            username == null ? "?" : LoginThrottle.shown(username),
                            AuditLog.Action.LOGIN_BLOCKED,
                            null,
                            null);
                }
                response.sendRedirect(request.getContextPath() + "/login?blocked");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
