package dev.terp.platform.observability;

import io.sentry.IScopes;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import org.junit.jupiter.api.Test;

import dev.terp.platform.web.TestPaths;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Without SENTRY_DSN (as here) error tracking is off: Sentry is not initialised, and a 500 sends nothing. */
@IntegrationTest
class ErrorReportsIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient http;

    @Test
    void withoutADsnSentryIsNeitherInitialisedNorCalled() {
        assertThat(context.getEnvironment().getProperty("sentry.dsn")).isNull();
        assertThat(context.getBeanNamesForType(IScopes.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SentryOptions.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SentryOptions.BeforeSendCallback.class)).isEmpty();

        http.get().uri(TestPaths.FAILING).exchange().expectStatus().isEqualTo(500);

        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(Sentry.getCurrentScopes().getOptions().getDsn()).isNull();
    }
}
