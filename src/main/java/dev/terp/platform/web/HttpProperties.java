package dev.terp.platform.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** HTTP limits, bound to {@code terp.http.*}. */
@Validated
@ConfigurationProperties("terp.http")
public record HttpProperties(@NotNull DataSize maxBodySize) {

    public HttpProperties {
        if (maxBodySize != null && (maxBodySize.toBytes() < 1024 || maxBodySize.toMegabytes() > 64)) {
            throw new IllegalArgumentException("terp.http.max-body-size must be between 1KB and 64MB, was " + maxBodySize);
        }
    }
}
