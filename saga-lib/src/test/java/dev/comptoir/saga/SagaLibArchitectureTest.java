package dev.comptoir.saga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** saga-lib is a library: no POS domain, no Dropwizard framework, no picocli; SPI does not reach into internals. */
class SagaLibArchitectureTest {
    private static JavaClasses lib;

    @BeforeAll
    static void importClasses() {
        lib = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.comptoir.saga");
    }

    @Test
    void library_dependsOnNoDomainNoFrameworkNoCli() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.comptoir.core..", "dev.comptoir.eventstore..", "dev.comptoir.sim..",
                        "io.dropwizard..", "picocli..")
                .because("saga-lib knows nothing of the POS, Dropwizard (only its Metrics library) or the CLI")
                .check(lib);
    }

    @Test
    void spi_doesNotDependOnInternals() {
        noClasses().that().resideInAPackage("dev.comptoir.saga.spi..")
                .should().dependOnClassesThat().resideInAPackage("dev.comptoir.saga.internal..")
                .check(lib);
    }

    @Test
    void internals_areOnlyReachedThroughTheFrontDoors() {
        noClasses().that().resideInAPackage("dev.comptoir.saga")
                .and().haveNameNotMatching("dev\\.comptoir\\.saga\\.(Sagas|SagaStore|ParticipantLedger)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("dev.comptoir.saga.internal..")
                .check(lib);
    }
}
