package dev.terp.identity;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import dev.terp.identity.api.LoginRequest;
import dev.terp.identity.api.LoginResponse;
import dev.terp.identity.api.UserView;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.security.AuthenticationFilter;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class AuthHandler {

    private final AuthService auth;
    private final UserService users;
    private final RequestBodies bodies;

    AuthHandler(AuthService auth, UserService users, RequestBodies bodies) {
        this.auth = auth;
        this.users = users;
        this.bodies = bodies;
    }

    Mono<ServerResponse> login(ServerRequest request) {
        return bodies.valid(request, LoginRequest.class)
                .flatMap(body -> auth.login(request.exchange(), body.username(), body.password()))
                .flatMap(loggedIn -> {
                    User user = loggedIn.user();
                    long expiresIn = Duration.between(Instant.now(), loggedIn.token().expiresAt()).toSeconds();
                    return Responses.ok(new LoginResponse(loggedIn.token().value(), "Bearer", Math.max(0, expiresIn),
                            new LoginResponse.LoginUser(user.id(), user.username(), user.displayName(),
                                    user.roles().stream().map(Enum::name).sorted().toList())));
                });
    }

    Mono<ServerResponse> me(ServerRequest request) {
        long userId = AuthenticationFilter.actorOf(request).orElseThrow(AuthHandler::unauthenticated).userId();
        return users.get(userId).flatMap(user -> Responses.versioned(user.version(), UserView.of(user)));
    }

    Mono<ServerResponse> logout(ServerRequest request) {
        return auth.logout(AuthenticationFilter.tokenOf(request).orElseThrow(AuthHandler::unauthenticated))
                .then(Responses.noContent());
    }

    private static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "This request carries no access token");
    }
}
