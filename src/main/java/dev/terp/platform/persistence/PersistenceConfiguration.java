package dev.terp.platform.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.ReactiveAuditorAware;
import org.springframework.data.r2dbc.config.EnableR2dbcAuditing;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.dialect.MySqlDialect;

/**
 * Spring Data R2DBC for simple tables: audited timestamps from the server's one {@link Clock}, the acting user for
 * {@code @CreatedBy}/{@code @LastModifiedBy}, and TIMESTAMP columns read and written as UTC (sessions run in UTC;
 * Spring Data's own LocalDateTime/Instant converters would use the JVM's zone).
 */
@Configuration(proxyBeanMethods = false)
@EnableR2dbcAuditing(dateTimeProviderRef = "auditingClock", auditorAwareRef = "actingUserId")
public class PersistenceConfiguration {

    @Bean
    DateTimeProvider auditingClock(Clock clock) {
        return () -> Optional.of(Instant.now(clock));
    }

    @Bean
    ReactiveAuditorAware<Long> actingUserId() {
        return () -> RequestContext.current().flatMap(context -> Mono.justOrEmpty(context.actorIfAny()))
                .map(Actor::userId);
    }

    @Bean
    R2dbcCustomConversions r2dbcCustomConversions() {
        return R2dbcCustomConversions.of(MySqlDialect.INSTANCE, List.of(new UtcInstantReader(),
                new UtcInstantWriter()));
    }

    @ReadingConverter
    static final class UtcInstantReader implements Converter<LocalDateTime, Instant> {
        @Override
        public Instant convert(LocalDateTime source) {
            return source.toInstant(ZoneOffset.UTC);
        }
    }

    @WritingConverter
    static final class UtcInstantWriter implements Converter<Instant, LocalDateTime> {
        @Override
        public LocalDateTime convert(Instant source) {
            return LocalDateTime.ofInstant(source, ZoneOffset.UTC);
        }
    }
}
