package dev.terp.platform.web;

import java.util.List;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.ValidationException;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The version a client based its update on: {@code If-Match: "<version>"} or {@code version} in the body
 * (api-conventions §5). A stale one becomes 409 VERSION_CONFLICT in the repository's conditional UPDATE.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    public static long of(ServerRequest request, Long bodyVersion) {
        List<String> ifMatch = request.headers().header("If-Match");
        Long headerVersion = ifMatch.isEmpty() ? null : parse(ifMatch.get(0));
        if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
            throw ValidationException.of("version", "differs from the If-Match header");
        }
        Long version = headerVersion != null ? headerVersion : bodyVersion;
        if (version == null) {
            throw new ApiException(ErrorCode.PRECONDITION_REQUIRED,
                    "Send the version you are updating, as If-Match: \"<version>\" or as version in the body");
        }
        if (version < 0) {
            throw ValidationException.of("version", "must not be negative");
        }
        return version;
    }

    /** The ETag of a versioned resource, e.g. {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Long parse(String header) {
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAVersion) {
            throw ValidationException.of("If-Match", "must be the quoted version of the resource, e.g. \"3\"");
        }
    }
}
