package dev.terp.platform.web;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * With a separate management port ({@code MANAGEMENT_SERVER_PORT}), that port serves the actuator and nothing else.
 * Boot's management server in WebFlux builds its handler from the whole context hierarchy, so without this the API
 * answered there too, beside the port the cluster exposes. The main port no longer has the actuator at all (Boot).
 * The port is learnt from the management server's start event (namespace "management"), which also covers port 0.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class ManagementPortGuard implements WebFilter, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private final String actuatorBasePath;
    private final ProblemTranslator problems;
    private volatile int managementPort = -1;

    public ManagementPortGuard(@Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath,
            ProblemTranslator problems) {
        this.actuatorBasePath = actuatorBasePath;
        this.problems = problems;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        int port = managementPort;
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (port < 0 || local == null || local.getPort() != port || isActuator(exchange)) {
            return chain.filter(exchange);
        }
        return problems.handle(exchange, new ApiException(ErrorCode.NOT_FOUND,
                "The management port serves " + actuatorBasePath + " only"));
    }

    private boolean isActuator(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals(actuatorBasePath) || path.startsWith(actuatorBasePath + "/");
    }
}
