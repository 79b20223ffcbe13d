package dev.terp.support;

import java.util.ArrayList;
import java.util.List;

import dev.terp.TerpApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another server instance beside the test's own (two instances sharing Redis, an instance on a database or Redis the
 * test stops). Settings go as command-line arguments, because builder properties are defaults that
 * application-test.yml overrides.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Starts on a free port with the test profile; {@code arguments} are {@code --name=value} settings. */
    public static ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                // springdoc would build its document on a thread that outlives a short-lived instance
                "--springdoc.pre-loading-enabled=false"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(TerpApplication.class).profiles("test").run(all.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
