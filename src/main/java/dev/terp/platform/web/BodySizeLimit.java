package dev.terp.platform.web;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request bodies over {@code terp.http.max-body-size} are refused with 413: at once when Content-Length says so,
 * and by the codecs' in-memory limit for bodies sent without a length (chunked).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit implements WebFilter, WebFluxConfigurer {

    private final long maxBytes;

    public BodySizeLimit(HttpProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body has " + length + " bytes; at most " + maxBytes + " are accepted"));
        }
        return chain.filter(exchange);
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize((int) maxBytes);
    }
}
