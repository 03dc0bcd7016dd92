package dev.comptoir.eventstore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** eventstore-lib stays a generic library: no POS domain, no frameworks, injected time and randomness. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.comptoir.eventstore");

    @Test
    void library_dependsOnNoDomainNorFramework() {
        noClasses().that().resideInAPackage("dev.comptoir.eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.comptoir.core..", "dev.comptoir.saga..",
                        "dev.comptoir.sim..", "io.dropwizard..", "picocli..", "jakarta.ws.rs..", "javax.ws.rs..")
                .check(classes);
    }

    @Test
    void library_neverReadsTheWallClockOrMakesItsOwnRandomness() {
        noClasses().that().resideInAPackage("dev.comptoir.eventstore..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callConstructor(Random.class)
                .check(classes);
    }

    @Test
    void spi_doesNotDependOnImplementations() {
        noClasses().that().resideInAPackage("dev.comptoir.eventstore.spi..")
                .should().dependOnClassesThat().resideInAPackage("dev.comptoir.eventstore.internal..")
                .check(classes);
    }
}
