package dev.terp.architecture;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.TerpApplication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

/** The dependency rules of docs/ARCHITECTURE.md, checked on the compiled main code. */
class ArchitectureTest {

    /** Exactly the main output folder, wherever the build put it (test classes never count as main code). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importLocations(Set.of(Location.of(TerpApplication.class.getProtectionDomain().getCodeSource()
                    .getLocation())));

    @Test
    void domainClassesArePlainJava() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.r2dbc..", "reactor..", "io.netty..", "tools.jackson..",
                        "io.lettuce..", "jakarta.persistence..", "dev.terp.platform..")
                .allowEmptyShould(true);
        rule.check(MAIN);
    }

    @Test
    void repositoriesAreOnlyUsedInsideTheirOwnPackage() {
        ArchRule rule = classes().that().haveSimpleNameEndingWith("Repository")
                .should(new RepositoryPackagePrivacy());
        rule.check(MAIN);
    }

    @Test
    void thePlatformKnowsNoBusinessModule() {
        noClasses().that().resideInAPackage("dev.terp.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.terp.platform..", "java..", "javax..",
                        "jakarta..", "org..", "io..", "reactor..", "tools..", "com..")
                .check(MAIN);
    }

    @Test
    void mainCodeNeverBlocks() {
        noClasses().should().callMethod(Mono.class, "block")
                .orShould().callMethod(Mono.class, "block", java.time.Duration.class)
                .orShould().callMethod(Flux.class, "blockFirst")
                .orShould().callMethod(Flux.class, "blockLast")
                .orShould().callMethod(Mono.class, "toFuture")
                .check(MAIN);
    }

    @Test
    void moneyAndQuantitiesAreNeverFloatingPoint() {
        noFields().should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void loggingGoesThroughTheLoggerAndFailuresAreTyped() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(MAIN);
    }
}
