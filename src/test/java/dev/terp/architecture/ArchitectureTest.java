package dev.terp.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

/** The dependency rules of docs/ARCHITECTURE.md, checked on the compiled main code. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.terp");

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
