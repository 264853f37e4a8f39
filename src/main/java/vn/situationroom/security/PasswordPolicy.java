package vn.situationroom.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: at least 10 characters; at most 72 bytes in UTF-8, since bcrypt ignores what comes after
 * (a Vietnamese letter with its marks takes two or three bytes); not one of the common passwords of 10 characters or
 * more (a list of about 1,600, {@code security/common-passwords.txt}); and not the username.
 */
final class PasswordPolicy {

    /** The fewest characters. */
    static final int MIN_LENGTH = 10;
    /** The most bytes, in UTF-8: bcrypt's limit. */
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /**
     * Checks a new password of an account.
     *
     * @throws AccountException naming the field {@code password} and what is wrong
     */
    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.isBlank()) {
            throw new AccountException("password", "password-short", "at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new AccountException(
                    "password",
                    "password-long",
                    "at most " + MAX_BYTES + " bytes in UTF-8 (a letter with Vietnamese marks takes 2 or 3)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new AccountException("password", "password-common", "is one of the commonest passwords");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new AccountException("password", "password-username", "must not contain the username");
        }
    }

    private static Set<String> load() {
        var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("security/common-passwords.txt is missing from the app");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
