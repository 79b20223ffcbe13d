package dev.terp.support.embedded;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static dev.terp.support.embedded.EmbeddedServicesEnvironmentPostProcessor.ENABLED;
import static dev.terp.support.embedded.EmbeddedServicesEnvironmentPostProcessor.INFRASTRUCTURE;
import static dev.terp.support.embedded.EmbeddedServicesEnvironmentPostProcessor.RESOLVED_INFRASTRUCTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The choices that start nothing; the embedded one is exercised by every integration test. */
class EmbeddedServicesEnvironmentPostProcessorTest {

    private final EmbeddedServicesEnvironmentPostProcessor postProcessor =
            new EmbeddedServicesEnvironmentPostProcessor(new DeferredLogs());

    @Test
    void leavesProductionAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty(INFRASTRUCTURE, "embedded");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RESOLVED_INFRASTRUCTURE)).isNull();
        assertThat(environment.getProperty("spring.r2dbc.url")).isNull();
    }

    @Test
    void autoUsesTheExternalServersWhenAnR2dbcUrlIsSet() {
        MockEnvironment environment = new MockEnvironment().withProperty(ENABLED, "true")
                .withProperty("spring.r2dbc.url", "r2dbc:mysql://db.example:3306/terp");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RESOLVED_INFRASTRUCTURE)).isNull();
        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:mysql://db.example:3306/terp");
    }

    @Test
    void containersOnlyPublishTheChoice() {
        MockEnvironment environment = new MockEnvironment().withProperty(ENABLED, "true")
                .withProperty(INFRASTRUCTURE, "Containers");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RESOLVED_INFRASTRUCTURE)).isEqualTo("containers");
        assertThat(environment.getProperty("spring.r2dbc.url")).isNull();
    }

    @Test
    void rejectsAnUnknownChoice() {
        MockEnvironment environment = new MockEnvironment().withProperty(ENABLED, "true")
                .withProperty(INFRASTRUCTURE, "docker");

        assertThatIllegalStateException()
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining(INFRASTRUCTURE);
    }
}
