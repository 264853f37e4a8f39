package vn.situationroom.security;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The services that change accounts, tokens, the roster and alerts check their caller's role themselves, not only
 * the screen that calls them (defence in depth): a signed-in caller needs one of the roles; the app's own work, with no
 * one signed in at all (the first start, a scheduled check), may; an anonymous request may not.
 */
public final class Callers {

    private Callers() {}

    /** Refuses a caller who is signed in without any of the roles, or who is anonymous. */
    public static void requireRoleOrApp(String what, String... roles) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return;
        }
        boolean allowed = caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(authority -> Arrays.stream(roles).anyMatch(role -> authority.equals("ROLE_" + role)));
        if (!allowed) {
            throw new AccessDeniedException("Only " + String.join(" or ", roles) + " may " + what);
        }
    }
}
