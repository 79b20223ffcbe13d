package dev.terp.platform.web;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The path as the router matches it: percent-decoded, path parameters ({@code ;x}) removed. Every decision keyed
 * by the path (which limit applies, which headers) reads this, never the raw path, so {@code /%61pi/v1/...} is
 * treated exactly like {@code /api/v1/...} (the firewall rejects encoded slashes, {@code ;} and {@code ..} before).
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    public static String of(ServerHttpRequest request) {
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            path.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch()
                    : element.value());
        }
        return path.toString();
    }

    public static boolean isApi(ServerHttpRequest request) {
        return of(request).startsWith("/api/");
    }
}
