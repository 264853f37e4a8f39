package vn.situationroom.security;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The services that change accounts, tokens, the roster, alerts, watch lists and escalations check their caller
 * themselves, not only the screen or the URL that calls them (defence in depth).
 */
public final class Callers {

    private Callers() {}

    /**
     * Refuses a caller who is signed in without any of the roles, or who is anonymous; the app's own work, with no one
     * signed in at all (the first start, a scheduled check), may.
     */
    public static void requireRoleOrApp(String what, String... roles) {
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            requireAny(what, Arrays.stream(roles).map(Callers::role).toArray(String[]::new));
        }
    }

    /** The signed-in caller, if they have one of the roles; anyone else, the app's own work included, is refused. */
    public static Viewer requireRole(String what, String... roles) {
        return requireAny(what, Arrays.stream(roles).map(Callers::role).toArray(String[]::new));
    }

    /**
     * The signed-in caller, if they hold one of the authorities (a role's {@link #role}, a token's {@link
     * Scopes#authority}); anyone else is refused.
     */
    public static Viewer requireAny(String what, String... authorities) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(held -> Arrays.asList(authorities).contains(held));
        if (!allowed) {
            throw new AccessDeniedException("Only " + String.join(" or ", authorities) + " may " + what);
        }
        return Viewer.current();
    }

    /** The authority that stands for a role. */
    public static String role(String role) {
        return "ROLE_" + role;
    }
}
