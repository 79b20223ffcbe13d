package dev.terp.identity;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.identity.api.CreateUserRequest;
import dev.terp.identity.api.LoginRequest;
import dev.terp.identity.api.LoginResponse;
import dev.terp.identity.api.LoginUnlockView;
import dev.terp.identity.api.PasswordResetRequest;
import dev.terp.identity.api.RolesRequest;
import dev.terp.identity.api.UserView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.identity.UserHandler.PATH;
import static dev.terp.platform.security.Permissions.ADMIN_USERS;
import static dev.terp.platform.security.Permissions.AUTHENTICATED;
import static dev.terp.platform.security.Permissions.PUBLIC;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Tag(name = "Users", description = "User accounts: create, list, enable and disable, roles, password reset (ADMIN)")
@Tag(name = "Authentication", description = "Log in (the one public operation), log out, the caller's own profile")
@Configuration(proxyBeanMethods = false)
class IdentityRoutes {

    @Bean
    RouterFunction<ServerResponse> authRouter(ApiRoutes routes, AuthHandler handler) {
        return routes.define("Authentication")
                .POST("/api/v1/auth/login", PUBLIC, handler::login, op -> {
                    op.operationId("login").summary("Exchange username and password for a bearer token")
                            .requestBody(requestBodyBuilder().required(true).implementation(LoginRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(LoginResponse.class));
                    ApiRoutes.problem(op, "401", "Wrong username or password (INVALID_CREDENTIALS)");
                })
                .GET("/api/v1/auth/me", AUTHENTICATED, handler::me, op -> op
                        .operationId("currentUser").summary("The user the token belongs to")
                        .response(responseBuilder().responseCode("200").implementation(UserView.class)))
                .POST("/api/v1/auth/logout", AUTHENTICATED, handler::logout, op -> op
                        .operationId("logout").summary("Revoke the token this request carries")
                        .response(responseBuilder().responseCode("204").description("Revoked")))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> userRouter(ApiRoutes routes, UserHandler handler) {
        return routes.define("Users")
                .POST(PATH, ADMIN_USERS, handler::create, op -> {
                    op.operationId("createUser").summary("Create a user")
                            .requestBody(requestBodyBuilder().required(true).implementation(CreateUserRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(UserView.class));
                    ApiRoutes.problem(op, "409", "The username is taken (CONFLICT)");
                })
                .GET(PATH, ADMIN_USERS, handler::list, op -> {
                    op.operationId("listUsers").summary("List users")
                            .response(responseBuilder().responseCode("200").implementation(UserPage.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .GET(PATH + "/{id}", ADMIN_USERS, handler::get, op -> op
                        .operationId("getUser").summary("Get a user")
                        .response(responseBuilder().responseCode("200").implementation(UserView.class)))
                .PUT(PATH + "/{id}/roles", ADMIN_USERS, handler::changeRoles, op -> {
                    op.operationId("changeUserRoles").summary("Replace a user's roles; revokes their tokens")
                            .requestBody(requestBodyBuilder().required(true).implementation(RolesRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(UserView.class));
                    ApiRoutes.problem(op, "409", "Stale version or removing your own ADMIN role");
                })
                .POST(PATH + "/{id}/disable", ADMIN_USERS, handler::disable, op -> op
                        .operationId("disableUser").summary("Disable a user; their tokens stop working")
                        .response(responseBuilder().responseCode("200").implementation(UserView.class)))
                .POST(PATH + "/{id}/enable", ADMIN_USERS, handler::enable, op -> op
                        .operationId("enableUser").summary("Enable a user again")
                        .response(responseBuilder().responseCode("200").implementation(UserView.class)))
                .POST(PATH + "/{id}/unlock", ADMIN_USERS, handler::unlock, op -> op
                        .operationId("unlockUserLogins")
                        .summary("Lift the user's login lockout from every client address (audited)")
                        .description("Lockouts are per account and client address, so a guesser elsewhere cannot "
                                + "lock the user out; this clears them all and refills those addresses' login "
                                + "limits.")
                        .response(responseBuilder().responseCode("200").implementation(LoginUnlockView.class)))
                .POST(PATH + "/{id}/reset-password", ADMIN_USERS, handler::resetPassword, op -> op
                        .operationId("resetUserPassword").summary("Set a new password; revokes the user's tokens")
                        .requestBody(requestBodyBuilder().required(true).implementation(PasswordResetRequest.class))
                        .response(responseBuilder().responseCode("204").description("Password changed")))
                .build();
    }

    record UserPage(List<UserView> items, String nextCursor) {
    }
}
