package dev.terp.identity.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** api-conventions §4: {@code {accessToken, tokenType, expiresIn, user}}. */
@Schema(name = "LoginResponse")
public record LoginResponse(String accessToken, String tokenType, long expiresIn, LoginUser user) {

    public record LoginUser(long id, String username, String displayName,
            @ArraySchema(maxItems = 6) java.util.List<String> roles) {
    }
}
