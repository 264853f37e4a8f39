package vn.situationroom.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.platform.DataDirectory;
import vn.situationroom.region.Region;

/**
 * The first accounts. With no account yet, the first administrator is made from {@code
 * situationroom.security.admin-password}; the embedded demo instead makes one account per role, a wall screen's kiosk
 * token and an API token, all with generated secrets, keeps them in {@code <data-dir>/secrets/demo-credentials.txt}
 * and prints them on that first start only. Outside the demo there is no default password: a first start without one stops.
 */
@Component
class FirstAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final AccessTokens tokens;
    private final SecurityProperties properties;
    private final DataDirectory data;
    private final Region region;
    private final boolean demo;
    private final String port;
    private final SecureRandom random = new SecureRandom();

    FirstAccounts(
            UserAccounts accounts,
            AccessTokens tokens,
            SecurityProperties properties,
            DataDirectory data,
            Region region,
            Environment environment) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.properties = properties;
        this.data = data;
        this.region = region;
        String database = environment.getProperty("spring.datasource.url");
        this.port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        this.demo = properties.demoUsers() != null ? properties.demoUsers() : database == null || database.isBlank();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String configuredToken = properties.initialApiToken();
        if (configuredToken != null && !configuredToken.isBlank()) {
            if (configuredToken.strip().length() < 32) {
                throw new IllegalStateException(
                        "situationroom.security.initial-api-token must have at least 32" + " characters");
            }
            tokens.storeConfigured(
                    AccessTokens.Kind.API, "initial (configuration)", Scopes.ALL, configuredToken.strip());
        }
        Path file = data.resolve("secrets").resolve("demo-credentials.txt");
        if (accounts.count() == 0) {
            String password = properties.adminPassword();
            if (password != null && !password.isBlank()) {
                accounts.create(properties.adminUsername(), "Administrator", password, List.of(Roles.ADMIN), null);
                log.info(
                        "Made the first administrator, {}, from situationroom.security.admin-password",
                        properties.adminUsername());
            } else if (demo) {
                String made = demoAccounts();
                write(file, made);
                // Shown once, on the start that made them: a log is read by more people than the secrets' file.
                log.warn("Demo accounts (kept in {}, shown on this first start only):\n{}", file, made);
            } else {
                throw new IllegalStateException("There is no account yet. Set the first administrator's password in"
                        + " situationroom.security.admin-password (environment: SITUATIONROOM_SECURITY_ADMIN_PASSWORD),"
                        + " at least " + UserAccounts.MIN_PASSWORD
                        + " characters; it is used once, on this first start.");
            }
        } else if (demo && Files.exists(file)) {
            log.info("The demo's accounts, the wall's address and an API token are in {}", file);
        }
    }

    private String demoAccounts() {
        record Demo(String username, String displayName, String role) {}
        List<Demo> demos = List.of(
                new Demo("admin", "Quản trị hệ thống", Roles.ADMIN),
                new Demo("lanhdao", "Lãnh đạo huyện", Roles.LEADERSHIP),
                new Demo("congan", "Chỉ huy Công an huyện", Roles.POLICE),
                new Demo("thanhtra", "Thanh tra huyện", Roles.INSPECTION),
                new Demo("vanphong", "Văn phòng HĐND-UBND", Roles.OFFICE),
                new Demo("canboxa", "UBND xã", Roles.COMMUNE),
                new Demo("tiepdan", "Cán bộ tiếp dân", Roles.RECEPTION_OFFICER));
        String commune = region.communes().getFirst().code();
        List<String> lines = new ArrayList<>();
        String base = "http://localhost:" + port;
        lines.add("==== Situation room demo: sign in at " + base + "/login ====");
        for (Demo demo : demos) {
            String password = password();
            accounts.create(
                    demo.username(),
                    demo.displayName(),
                    password,
                    List.of(demo.role()),
                    demo.role().equals(Roles.COMMUNE) ? commune : null);
            lines.add(String.format(
                    "%-9s %-18s password %s%s",
                    demo.username(),
                    demo.role(),
                    password,
                    demo.role().equals(Roles.COMMUNE) ? "  (commune " + commune + ")" : ""));
        }
        AccessTokens.Issued kiosk = tokens.issue(AccessTokens.Kind.KIOSK, "Demo wall", List.of());
        lines.add("wall screen (kiosk): " + base + "/kiosk/" + kiosk.secret());
        AccessTokens.Issued api = tokens.issue(AccessTokens.Kind.API, "Demo client", Scopes.ALL);
        lines.add("API token (all scopes): " + api.secret());
        lines.add("These are demo secrets: the administrator manages accounts and tokens at /admin.");
        return String.join("\n", lines) + "\n";
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 4) {
                password.append('-');
            } else {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
