package vn.situationroom;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.situationroom.security.Officer;
import vn.situationroom.security.UserAccounts;

/** Officers' accounts for the tests: one per set of roles (and commune), made on first use, all with one password. */
public final class TestAccounts {

    /** The password of every test account. */
    public static final String PASSWORD = "integration-suite-password";

    private TestAccounts() {}

    /** The username of an account with these roles (and, for a commune's officer, the commune), made if missing. */
    public static String user(UserAccounts accounts, String commune, String... roles) {
        String username = "it-"
                + Arrays.stream(roles)
                        .map(r -> r.toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining("-"))
                + (commune == null ? "" : "-" + commune);
        synchronized (TestAccounts.class) {
            if (accounts.find(username).isEmpty()) {
                accounts.create(username, "Cán bộ " + String.join(" ", roles), PASSWORD, List.of(roles), commune);
            }
        }
        return username;
    }

    /** Runs an action on this thread as the account would, signed in, and signs out after it. */
    public static void actingAs(UserAccounts accounts, String username, Runnable action) {
        Officer officer = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
