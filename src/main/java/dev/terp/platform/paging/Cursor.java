package dev.terp.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.terp.platform.errors.ValidationException;

/**
 * The position after the last item of a page: the id of that item (the stable tie-breaker of every list).
 * Clients see it as an opaque string and send it back unchanged.
 */
public record Cursor(long afterId) {

    private static final String VERSION = "v1:";
    /** Longer than any cursor this server issues (30 characters); documented as the parameter's maxLength. */
    public static final int MAX_LENGTH = 64;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + afterId).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            if (encoded.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("longer than any cursor issued");
            }
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            long id = Long.parseLong(text.substring(VERSION.length()));
            if (id < 0) {
                throw new IllegalArgumentException("negative id");
            }
            return new Cursor(id);
        } catch (IllegalArgumentException unreadable) {
            throw ValidationException.of("cursor", "is not a cursor this server issued");
        }
    }
}
