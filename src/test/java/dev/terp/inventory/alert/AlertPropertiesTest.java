package dev.terp.inventory.alert;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert thresholds are checked at start-up. */
class AlertPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("terp.inventory.alerts.low-stock=10", "terp.inventory.alerts.overstock=100",
                    "terp.inventory.alerts.expiring-days=30");

    @Test
    void bindsValidThresholds() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AlertProperties properties = context.getBean(AlertProperties.class);
            assertThat(properties.lowStock()).isEqualByComparingTo("10");
            assertThat(properties.thresholds().expiringDays()).isEqualTo(30);
            assertThat(properties.thresholds().slowMovingDays()).as("default").isEqualTo(90);
        });
    }

    @Test
    void slowMovingDaysCanBeConfigured() {
        runner.withPropertyValues("terp.inventory.alerts.slow-moving-days=30").run(context -> assertThat(
                context.getBean(AlertProperties.class).thresholds().slowMovingDays()).isEqualTo(30));
    }

    @Test
    void pagesGenerationFiveHundredBatchesAtATimeUnlessConfigured() {
        runner.run(context -> assertThat(context.getBean(AlertProperties.class).pageSize()).isEqualTo(500));
        runner.withPropertyValues("terp.inventory.alerts.page-size=50").run(context -> assertThat(
                context.getBean(AlertProperties.class).pageSize()).isEqualTo(50));
        runner.withPropertyValues("terp.inventory.alerts.page-size=0")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("pageSize"));
        runner.withPropertyValues("terp.inventory.alerts.page-size=5001")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("pageSize"));
    }

    @Test
    void refusesNegativeOrInvertedThresholds() {
        runner.withPropertyValues("terp.inventory.alerts.low-stock=-1")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("lowStock"));
        runner.withPropertyValues("terp.inventory.alerts.expiring-days=-5")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("expiringDays"));
        runner.withPropertyValues("terp.inventory.alerts.slow-moving-days=0")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("slowMovingDays"));
        runner.withPropertyValues("terp.inventory.alerts.overstock=5")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.inventory.alerts.overstock"));
    }

    private static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
