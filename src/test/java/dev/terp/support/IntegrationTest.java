package dev.terp.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

import dev.terp.platform.web.FailingRoutes;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, against the test infrastructure chosen by
 * {@code EmbeddedServicesEnvironmentPostProcessor}, with a {@code WebTestClient} bound to it.
 * <p>
 * Every {@code *IT} class carrying only this annotation shares one cached application context, so the database
 * starts once per JVM. Adding {@code @MockitoBean}, {@code @TestPropertySource} or other context-changing
 * annotations to a class gives it a context of its own (the embedded servers are still shared).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@Import({ContainersConfiguration.class, TestAuthentication.class, TestData.class, FailingRoutes.class})
public @interface IntegrationTest {
}
