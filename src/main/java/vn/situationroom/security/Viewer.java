package vn.situationroom.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking: a signed-in officer, a wall screen's kiosk token, or a machine client's API token. A COMMUNE
 * officer is limited to one commune, and every query that takes communes asks {@link #communes} first, so that the
 * limit holds in the query itself, whatever a screen or a parameter asks for.
 *
 * @param name the audit name: the username, {@code token:<name>} or {@code kiosk:<name>}
 * @param displayName the name to show, and to write as who acknowledged or added something
 * @param roles the roles without their prefix, and {@code SCOPE_…} authorities as they are
 * @param communeCode the one commune a COMMUNE officer sees; null for everyone else
 */
public record Viewer(String name, String displayName, Set<String> roles, String communeCode) {

    /** The one who is not signed in, or the app itself outside any request. */
    public static final Viewer NOBODY = new Viewer("system", "system", Set.of(), null);

    /** The viewer of the current request or UI. */
    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return NOBODY;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toUnmodifiableSet());
        return switch (authentication.getPrincipal()) {
            case Officer officer ->
                new Viewer(officer.getUsername(), officer.displayName(), roles, officer.communeCode());
            case AccessTokens.Token token -> new Viewer(token.auditName(), token.name(), roles, null);
            default ->
                roles.contains("ANONYMOUS")
                        ? NOBODY
                        : new Viewer(authentication.getName(), authentication.getName(), roles, null);
        };
    }

    /**
     * Who the viewer is, as a record of who did something keeps it: the officer's name and account, or the token's
     * name and number, such as {@code Chỉ huy Công an huyện (congan)}; what anyone types about who acted is a note.
     */
    public String signature() {
        return displayName.equals(name) ? name : displayName + " (" + name + ")";
    }

    /**
     * The note of an act, with the name the caller typed as who acted on the ground (a duty desk's shared screen, an
     * officer acting for another) when it names someone else than the viewer; null when both are blank.
     */
    public String noteWith(String statedBy, String note) {
        String stated = statedBy == null ? "" : statedBy.strip();
        String text = note == null ? "" : note.strip();
        if (stated.isEmpty() || stated.equals(displayName) || stated.equals(name)) {
            return text.isEmpty() ? null : text;
        }
        return text.isEmpty() ? stated : stated + ": " + text;
    }

    /** Whether the viewer has any of the roles. */
    public boolean hasAny(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Whether the viewer is limited to one commune. */
    public boolean limitedToCommune() {
        return communeCode != null;
    }

    /** Whether the viewer may see a commune's data. */
    public boolean canSee(String commune) {
        return communeCode == null || communeCode.equals(commune);
    }

    /**
     * The communes a query may cover for this viewer: what was asked (empty meaning all) for a district officer; the
     * viewer's own commune for a COMMUNE officer, who is refused when asking for any other.
     *
     * @throws AccessDeniedException when a COMMUNE officer asks for another commune
     */
    public List<String> communes(List<String> asked) {
        if (communeCode == null) {
            return asked;
        }
        for (String commune : asked) {
            if (!communeCode.equals(commune)) {
                throw new AccessDeniedException("Commune " + commune + " is outside this user's commune");
            }
        }
        return List.of(communeCode);
    }

    /** Refuses a COMMUNE officer what only the district's officers see, such as a ranking of all communes. */
    public void requireDistrictWide() {
        if (communeCode != null) {
            throw new AccessDeniedException("Only the district's officers see every commune");
        }
    }
}
