package dev.terp.architecture;

import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import dev.terp.TerpApplication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Modules (the packages directly under {@code dev.terp}) depend on each other without cycles, and only through
 * each other's ports: a {@code *Service}/{@code *Port} (or the audit trail), a record or enum (entities, views,
 * commands), or a class of an {@code api}/{@code domain} package — never repositories, handlers, routes or other
 * internals. {@code platform} is everyone's and knows no module (ArchitectureTest).
 */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .importLocations(Set.of(Location.of(TerpApplication.class.getProtectionDomain().getCodeSource()
                    .getLocation())));

    @Test
    void modulesAreFreeOfCycles() {
        modulesFreeOfCycles("dev.terp").check(MAIN);
    }

    @Test
    void otherModulesUseOnlyAModulesPorts() {
        onlyThroughPorts("dev.terp").check(MAIN);
    }

    /** The self-check: both rules fail on a fixture where module a uses b's repository and b calls back into a. */
    @Test
    void bothRulesCatchADeliberateViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.terp.architecture.selfcheck");
        assertThatThrownBy(() -> modulesFreeOfCycles("dev.terp.architecture.selfcheck").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
        assertThatThrownBy(() -> onlyThroughPorts("dev.terp.architecture.selfcheck").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ThingRepository")
                .hasMessageNotContaining("calls method <dev.terp.architecture.selfcheck.b.ThingService.thing()>");
    }

    private static ArchRule modulesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    private static ArchRule onlyThroughPorts(String root) {
        return classes().that().resideInAPackage(root + "..").should(new ArchCondition<>(
                "use other modules only through their ports") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String from = moduleOf(root, origin.getPackageName());
                    String to = moduleOf(root, target.getPackageName());
                    if (to != null && from != null && !to.equals(from) && !"platform".equals(to)
                            && !isPort(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        });
    }

    private static boolean isPort(JavaClass target) {
        String name = target.getSimpleName();
        String pkg = target.getPackageName();
        return name.endsWith("Service") || name.endsWith("Port") || name.equals("AuditTrail")
                || name.equals("StartupAudit") || target.isRecord() || target.isEnum()
                || pkg.contains(".api") || pkg.contains(".domain")
                || (target.getEnclosingClass().isPresent() && isPort(target.getEnclosingClass().get()));
    }

    private static String moduleOf(String root, String pkg) {
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
