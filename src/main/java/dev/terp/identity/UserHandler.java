package dev.terp.identity;

import reactor.core.publisher.Mono;

import dev.terp.identity.api.CreateUserRequest;
import dev.terp.identity.api.LoginUnlockView;
import dev.terp.identity.api.PasswordResetRequest;
import dev.terp.identity.api.RolesRequest;
import dev.terp.identity.api.UserView;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.AuthenticationFilter;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class UserHandler {

    static final String PATH = "/api/v1/users";

    private final UserService users;
    private final RequestBodies bodies;

    UserHandler(UserService users, RequestBodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, CreateUserRequest.class)
                .flatMap(body -> users.create(body.username().trim(), body.displayName().trim(), body.password(),
                        body.roles()))
                .flatMap(user -> Responses.created(PATH, user.id(), user.version(), UserView.of(user)));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return users.list(Responses.searchText(request), Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(UserView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return users.get(Responses.id(request)).flatMap(user -> Responses.versioned(user.version(), UserView.of(user)));
    }

    Mono<ServerResponse> changeRoles(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, RolesRequest.class)
                .flatMap(body -> users.changeRoles(id, ExpectedVersion.of(request, body.version()), body.roles(),
                        actor(request)))
                .flatMap(user -> Responses.versioned(user.version(), UserView.of(user)));
    }

    Mono<ServerResponse> disable(ServerRequest request) {
        return users.setActive(Responses.id(request), false, actor(request))
                .flatMap(user -> Responses.versioned(user.version(), UserView.of(user)));
    }

    Mono<ServerResponse> enable(ServerRequest request) {
        return users.setActive(Responses.id(request), true, actor(request))
                .flatMap(user -> Responses.versioned(user.version(), UserView.of(user)));
    }

    Mono<ServerResponse> unlock(ServerRequest request) {
        long id = Responses.id(request);
        return users.unlock(id).flatMap(addresses -> Responses.ok(LoginUnlockView.of(id, addresses)));
    }

    Mono<ServerResponse> resetPassword(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, PasswordResetRequest.class)
                .flatMap(body -> users.resetPassword(id, body.password()))
                .then(Responses.noContent());
    }

    private static Actor actor(ServerRequest request) {
        return AuthenticationFilter.actorOf(request)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "This request carries no access token"));
    }
}
