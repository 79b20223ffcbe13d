package dev.terp.platform.observability;

import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the R2DBC connection check as the {@code db} health component (api-conventions §7 names it so;
 * Boot's own contributor, called {@code r2dbc}, is switched off in configuration).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseHealth {

    @Bean
    ConnectionFactoryHealthIndicator dbHealthIndicator(ConnectionFactory connectionFactory) {
        return new ConnectionFactoryHealthIndicator(connectionFactory);
    }
}
