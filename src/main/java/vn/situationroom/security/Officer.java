package vn.situationroom.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in officer: the account as Spring Security sees it, with the commune a COMMUNE officer is limited to. */
public final class Officer implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private String passwordHash;
    private final List<String> roles;
    private final String communeCode;
    private final boolean enabled;
    private final Instant validFrom;

    Officer(
            String username,
            String displayName,
            String passwordHash,
            List<String> roles,
            String communeCode,
            boolean enabled,
            Instant validFrom) {
        this.validFrom = validFrom;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = List.copyOf(roles);
        this.communeCode = communeCode;
        this.enabled = enabled;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The name shown on the screens and written as who did something. */
    public String displayName() {
        return displayName;
    }

    /** The one commune a COMMUNE officer sees, or null. */
    public String communeCode() {
        return roles.contains(Roles.COMMUNE) ? communeCode : null;
    }

    /** The account's sessions_valid_from when it signed in; a change of it ends the session. */
    Instant validFrom() {
        return validFrom;
    }

    /** The password hash is not kept in the session after the sign-in. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** The roles, without their prefix. */
    public List<String> roles() {
        return roles;
    }

    @Override
    public String toString() {
        return "Officer[" + username + "]";
    }
}
