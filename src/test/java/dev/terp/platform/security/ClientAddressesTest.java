package dev.terp.platform.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
    private final ClientAddresses behindProxies = addresses("10.0.0.0/8", "2001:db8::/32");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
        ClientAddresses none = addresses();
        assertThat(none.of(exchange("10.1.2.3", "X-Forwarded-For", "203.0.113.9"))).isEqualTo("10.1.2.3");
        assertThat(none.of(exchange("10.1.2.3", "Forwarded", "for=203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(behindProxies.of(exchange("198.51.100.20", "X-Forwarded-For", "203.0.113.9")))
                .isEqualTo("198.51.100.20");
        assertThat(behindProxies.of(exchange("198.51.100.20", "Forwarded", "for=203.0.113.9")))
                .isEqualTo("198.51.100.20");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        assertThat(behindProxies.of(exchange("10.0.0.5", "X-Forwarded-For", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // A client prepending its own guess cannot move past the address the proxy appended.
        assertThat(behindProxies.of(exchange("10.0.0.5", "X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.0.0.7")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.of(exchange("10.0.0.5", "Forwarded",
                "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=198.51.100.1:443")))
                .isEqualTo("198.51.100.1");
        assertThat(behindProxies.of(exchange("10.0.0.5", "Forwarded", "for=\"[2001:db9::1]:4711\"")))
                .isEqualTo("2001:db9::1");
        // Nothing but trusted hops: the leftmost one.
        assertThat(behindProxies.of(exchange("10.0.0.5", "X-Forwarded-For", "10.9.9.9"))).isEqualTo("10.9.9.9");
        // No header: the proxy itself.
        assertThat(behindProxies.of(exchange("10.0.0.5", "X-Other", "x"))).isEqualTo("10.0.0.5");
    }

    @Test
    void namesAndObfuscatedIdentifiersAreNeverTakenNorResolved() {
        assertThat(behindProxies.of(exchange("10.0.0.5", "X-Forwarded-For", "evil.example.com")))
                .isEqualTo("10.0.0.5");
        assertThat(behindProxies.of(exchange("10.0.0.5", "Forwarded", "for=_hidden, for=10.0.0.6")))
                .isEqualTo("10.0.0.6");
    }

    @Test
    void malformedRangesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> properties("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> properties("proxy.internal")).hasMessageContaining("TERP_SECURITY_TRUSTED_PROXIES");
        assertThat(properties(" 10.0.0.0/8 ", "", "::1").trustedProxies()).containsExactly("10.0.0.0/8", "::1");
    }

    private static ClientAddresses addresses(String... cidrs) {
        return new ClientAddresses(properties(cidrs));
    }

    private static SecurityProperties properties(String... cidrs) {
        return new SecurityProperties(SECRET, Duration.ofMinutes(15), List.of(), List.of(cidrs));
    }

    private static MockServerWebExchange exchange(String peer, String header, String value) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/vendors")
                .remoteAddress(new InetSocketAddress(peer, 40_000))
                .header(header, value));
    }
}
