package dev.terp.platform.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address, for per-IP limits and audit rows. The peer's address, unless the peer is one of
 * {@code terp.security.trusted-proxies} (CIDR list): then the proxies' {@code Forwarded} (RFC 7239, preferred) or
 * {@code X-Forwarded-For} header is read from the right, skipping trusted proxies, and the first address that is
 * not one is the client. A header from any other peer is ignored, so a client cannot choose its own address.
 * Values that are not IP literals (obfuscated identifiers, "unknown", host names) end the walk: the last trusted
 * hop is answered instead, and no name is ever resolved (that would block an event loop).
 */
@Component
public class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<Cidr> trusted;

    public ClientAddresses(SecurityProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(Cidr::parse).toList();
    }

    public String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String peer = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(exchange.getRequest().getHeaders());
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty() || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The client chain, leftmost first: Forwarded's {@code for=} values, or else X-Forwarded-For's entries. */
    private static List<String> forwardedFor(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = headers.getValuesAsList("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String element : forwarded) {
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.trim().split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("for")) {
                        hops.add(node(nameValue[1].trim()));
                    }
                }
            }
            return hops;
        }
        for (String value : headers.getValuesAsList("X-Forwarded-For")) {
            hops.add(value.trim());
        }
        return hops;
    }

    /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code 192.0.2.60:80} → {@code 192.0.2.60}. */
    private static String node(String value) {
        String node = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    /** Start-up validation of one {@code trusted-proxies} entry. */
    static void requireCidr(String cidr) {
        Cidr.parse(cidr);
    }

    /** The address's bytes; only ever called with strings that passed {@link #IP_LITERAL}, so nothing is resolved. */
    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | RuntimeException notAnAddress) {
            return null;
        }
    }

    /** An address range: the network's bytes and how many leading bits must match. */
    private record Cidr(byte[] network, int prefixBits) {

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = IP_LITERAL.matcher(address).matches() ? literal(address) : null;
            if (network == null) {
                throw new IllegalArgumentException("terp.security.trusted-proxies (TERP_SECURITY_TRUSTED_PROXIES) "
                        + "takes IP addresses or CIDR ranges, not '" + cidr + "'");
            }
            int bits;
            try {
                bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException malformed) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("terp.security.trusted-proxies: '" + cidr
                        + "' has no valid prefix length");
            }
            return new Cidr(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
