package vn.situationroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The shape of the code: features without cycles, the stream free of the UI, views free of SQL. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.situationroom");

    @Test
    void features_have_no_cycles_and_use_each_other_only_through_their_api() {
        ApplicationModules.of(SituationRoomApplication.class).verify();
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
    void the_ui_never_runs_sql_or_reads_kafka_itself() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "org.apache.kafka..")
                .check(CLASSES);
    }
}
