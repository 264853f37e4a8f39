package vn.situationroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Repository;

/**
 * The shape of the code: each feature (its screens included) a module with its allowed dependencies declared and no
 * cycle between them, the stream free of the UI, each table's SQL in the feature that owns it, and the screens asking
 * services, never a repository.
 */
class ArchitectureTests {

    private static final String ROOT = "vn.situationroom";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final Path SOURCES = Path.of("src/main/java/vn/situationroom");

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Which features may name each table or view in their SQL. A table belongs to one feature; the views that history
     * offers over its events are named by the features they were made for.
     */
    private static final Map<String, Set<String>> TABLE_READERS = Map.ofEntries(
            Map.entry("reception_event", Set.of("history")),
            Map.entry("reception_person", Set.of("history")),
            Map.entry("commune_indicator", Set.of("history")),
            Map.entry("region_indicator", Set.of("history")),
            Map.entry("commune_level", Set.of("history")),
            Map.entry("alert", Set.of("history")),
            Map.entry("alert_transition", Set.of("history")),
            Map.entry("case_event", Set.of("cases", "watch")),
            Map.entry("case_person", Set.of("cases")),
            Map.entry("escalation_event", Set.of("escalation")),
            Map.entry("standing_alert", Set.of("alerts")),
            Map.entry("case_agency", Set.of("cases")),
            Map.entry("case_handler", Set.of("cases")),
            Map.entry("duty_shift", Set.of("roster")),
            Map.entry("escalation_step", Set.of("escalation")),
            Map.entry("watch_entry", Set.of("watch")),
            Map.entry("access_token", Set.of("security")),
            Map.entry("app_user", Set.of("security")),
            Map.entry("audit_event", Set.of("security")),
            Map.entry("shedlock", Set.of("platform")),
            Map.entry("history_set_aside", Set.of("history")),
            Map.entry("notification", Set.of("notify")),
            Map.entry("notification_chain", Set.of("notify")),
            Map.entry("notification_subscription", Set.of("notify")));

    private static final Pattern CREATED =
            Pattern.compile("(?i)CREATE\\s+(?:TABLE|(?:OR\\s+REPLACE\\s+)?(?:MATERIALIZED\\s+)?VIEW)\\s+(\\w+)");

    @Test
    void features_have_no_cycles_keep_to_their_declared_dependencies_and_use_each_other_only_through_their_api() {
        ApplicationModules.of(SituationRoomApplication.class).verify();
    }

    @Test
    void every_feature_declares_what_it_may_depend_on() {
        var undeclared = ApplicationModules.of(SituationRoomApplication.class).stream()
                .filter(module -> module.getBasePackage()
                        .getAnnotation(org.springframework.modulith.ApplicationModule.class)
                        .map(annotation -> List.of(annotation.allowedDependencies())
                                .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN))
                        .orElse(true))
                .map(module -> module.getIdentifier().toString())
                .toList();
        assertThat(undeclared)
                .as("features without @ApplicationModule(allowedDependencies = …) in their package-info")
                .isEmpty();
    }

    @Test
    void the_hotspot_analytics_never_touch_the_ui_or_spring_web() {
        noClasses()
                .that()
                .resideInAPackage("..hotspot..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "..ui..", "org.springframework.web..")
                .check(CLASSES);
    }

    @Test
    void screens_ask_services_never_a_repository_jdbc_or_kafka() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void only_features_that_own_a_table_use_jdbc() {
        var owners = new TreeSet<String>();
        TABLE_READERS.values().forEach(owners::addAll);
        noClasses()
                .that()
                .resideOutsideOfPackages(owners.stream()
                        .map(feature -> ROOT + "." + feature + "..")
                        .toArray(String[]::new))
                // The embedded server itself, which sets its superuser's password: no feature's data.
                .and()
                .doNotHaveFullyQualifiedName(ROOT + ".platform.EmbeddedPostgresDatabase")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void every_table_has_an_owner() {
        var created = new TreeSet<String>();
        for (var migration : files(MIGRATIONS, ".sql")) {
            var matcher = CREATED.matcher(read(migration));
            while (matcher.find()) {
                created.add(matcher.group(1).toLowerCase());
            }
        }
        assertThat(created).as("tables and views the migrations create").isNotEmpty();
        assertThat(TABLE_READERS.keySet())
                .as("each table and view needs an owner in TABLE_READERS")
                .containsAll(created);
    }

    @Test
    void sql_names_a_table_only_in_the_feature_that_owns_it() {
        var strays = new ArrayList<String>();
        for (var source : files(SOURCES, ".java")) {
            var feature = SOURCES.relativize(source).getName(0).toString();
            var text = read(source);
            TABLE_READERS.forEach((table, readers) -> {
                if (!readers.contains(feature) && namesInSql(text, table)) {
                    strays.add(SOURCES.relativize(source) + " names " + table + " (owned by " + readers + ")");
                }
            });
        }
        assertThat(strays).as("SQL outside the feature that owns the table").isEmpty();
    }

    /** Whether the text has the table after a keyword of SQL that reads or writes it. */
    static boolean namesInSql(String text, String table) {
        return Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b")
                .matcher(text)
                .find();
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
