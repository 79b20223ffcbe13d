package dev.terp.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards against the reactor-netty 1.3.6 bug (#4188/#4361) that left keep-alive requests unanswered under
 * concurrent load: 500 parallel requests on a transactional endpoint, twice over the same pooled connections,
 * must all be answered within the bound.
 */
@IntegrationTest
class KeepAliveLoadIT {

    @LocalServerPort
    int port;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Test
    void fiveHundredParallelKeepAliveRequestsAreAllAnswered() {
        ConnectionProvider pool = ConnectionProvider.builder("keep-alive-it")
                .maxConnections(100).pendingAcquireMaxCount(1_000).build();
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + tokens.admin())
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).keepAlive(true)))
                .build();
        String marker = Unique.name("KeepAlive");
        try {
            for (int round = 0; round < 2; round++) {
                int base = round * 500;
                List<Integer> statuses = Flux.range(base, 500)
                        .flatMap(i -> client.post().uri("/api/v1/vendors")
                                .bodyValue(Map.of("name", marker + " #" + i))
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value())), 500)
                        .collectList()
                        .block(Duration.ofSeconds(90));

                assertThat(statuses).hasSize(500).containsOnly(201);
            }
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }

        long created = rows.count("SELECT COUNT(*) AS n FROM vendors WHERE name LIKE :prefix",
                Map.of("prefix", marker + " #%"));
        assertThat(created).isEqualTo(1_000);
    }
}
