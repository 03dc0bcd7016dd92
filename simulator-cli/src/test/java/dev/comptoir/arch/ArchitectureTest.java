package dev.comptoir.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on the compiled main classes of every
 * module (this module sees all of them on its class path).
 */
class ArchitectureTest {
    private static final String[] FRAMEWORKS_AND_DRIVERS = {
            "io.dropwizard..", "jakarta.ws..", "org.glassfish.jersey..", "org.eclipse.jetty..",
            "picocli..", "me.tongfei.progressbar..",
            "org.jdbi..", "org.flywaydb..", "org.postgresql..", "com.zaxxer..", "java.sql..", "javax.sql..",
            "io.lettuce..", "com.mongodb..", "org.bson..", "com.fasterxml.jackson..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.comptoir");
    }

    @Test
    void import_allModules_areOnTheClassPath() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.comptoir.core"))
                .anyMatch(p -> p.startsWith("dev.comptoir.saga"))
                .anyMatch(p -> p.startsWith("dev.comptoir.eventstore"))
                .anyMatch(p -> p.startsWith("dev.comptoir.sim"));
    }

    @Test
    void sagaLib_importsNoPosDomainFrameworkOrOtherLibrary() {
        noClasses().that().resideInAPackage("dev.comptoir.saga..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.comptoir.core..", "dev.comptoir.sim..", "dev.comptoir.eventstore..",
                        "dev.comptoir.services..", "io.dropwizard..", "jakarta.ws..", "picocli..")
                .because("saga-lib is a reusable library (Dropwizard Metrics' com.codahale.metrics is allowed)")
                .check(classes);
    }

    @Test
    void eventstoreLib_importsNoPosDomainFrameworkOrOtherLibrary() {
        noClasses().that().resideInAPackage("dev.comptoir.eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.comptoir.core..", "dev.comptoir.sim..", "dev.comptoir.saga..",
                        "dev.comptoir.services..", "io.dropwizard..", "jakarta.ws..", "picocli..")
                .because("eventstore-lib is a reusable library")
                .check(classes);
    }

    @Test
    void coreDomain_importsNoFrameworkDriverOrJdbi() {
        noClasses().that().resideInAPackage("dev.comptoir.core..")
                .and().resideOutsideOfPackages("dev.comptoir.core.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_DRIVERS)
                .because("core-lib's domain is plain Java; persistence lives in dev.comptoir.core.postgres")
                .check(classes);
    }

    @Test
    void core_neverImportsApplications() {
        noClasses().that().resideInAPackage("dev.comptoir.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.comptoir.sim..", "dev.comptoir.services..", "io.dropwizard..", "picocli..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheSimulator_importsTheSimulator() {
        noClasses().that().resideOutsideOfPackage("dev.comptoir.sim..")
                .should().dependOnClassesThat().resideInAPackage("dev.comptoir.sim..")
                .check(classes);
    }

    @Test
    void libraryInternals_areUsedOnlyInsideTheirLibrary() {
        noClasses().that().resideOutsideOfPackage("dev.comptoir.saga..")
                .should().dependOnClassesThat().resideInAPackage("dev.comptoir.saga.internal..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.comptoir.eventstore..")
                .should().dependOnClassesThat().resideInAPackage("dev.comptoir.eventstore.internal..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
