package dev.terp.inventory.intakesession;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.IntakeSessionStatus;
import dev.terp.inventory.intakesession.api.IntakeReceiptView;
import dev.terp.inventory.intakesession.api.IntakeSessionLineRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionLineUpdate;
import dev.terp.inventory.intakesession.api.IntakeSessionRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionSummary;
import dev.terp.inventory.intakesession.api.IntakeSessionView;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class IntakeSessionHandler {

    static final String PATH = "/api/v1/inventory/intake-sessions";

    private final IntakeSessionService sessions;
    private final RequestBodies bodies;

    IntakeSessionHandler(IntakeSessionService sessions, RequestBodies bodies) {
        this.sessions = sessions;
        this.bodies = bodies;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, IntakeSessionRequest.class)
                .flatMap(sessions::create)
                .flatMap(created -> Responses.created(PATH, created.session().id(), created.session().version(),
                        IntakeSessionView.of(created)));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        LocalDate from = dateParam(request, "receivedFrom");
        LocalDate to = dateParam(request, "receivedTo");
        if (from != null && to != null && to.isBefore(from)) {
            throw ValidationException.of("receivedTo", "must not be before receivedFrom");
        }
        IntakeSessionFilter filter = new IntakeSessionFilter(idParam(request, "vendorId"), status(request), from, to);
        return sessions.list(filter, PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(IntakeSessionSummary::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return sessions.get(Responses.id(request)).flatMap(IntakeSessionHandler::versioned);
    }

    Mono<ServerResponse> addLine(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, IntakeSessionLineRequest.class)
                .map(IntakeSessionValidation::newLine)
                .flatMap(line -> sessions.addLine(id, line))
                .flatMap(added -> Responses.created(linesPath(id), added.lineId(),
                        added.details().session().version(), IntakeSessionView.of(added.details())));
    }

    Mono<ServerResponse> updateLine(ServerRequest request) {
        long id = Responses.id(request);
        long lineId = lineId(request);
        return bodies.valid(request, IntakeSessionLineUpdate.class)
                .flatMap(body -> {
                    LineCommand line = IntakeSessionValidation.changedLine(body);
                    return sessions.updateLine(id, lineId, line, ExpectedVersion.of(request, body.version()));
                })
                .flatMap(IntakeSessionHandler::versioned);
    }

    Mono<ServerResponse> removeLine(ServerRequest request) {
        return sessions.removeLine(Responses.id(request), lineId(request)).then(Responses.noContent());
    }

    Mono<ServerResponse> complete(ServerRequest request) {
        return sessions.complete(Responses.id(request)).flatMap(IntakeSessionHandler::versioned);
    }

    Mono<ServerResponse> cancel(ServerRequest request) {
        return sessions.cancel(Responses.id(request)).flatMap(IntakeSessionHandler::versioned);
    }

    Mono<ServerResponse> receipt(ServerRequest request) {
        return sessions.receipt(Responses.id(request)).flatMap(receipt -> Responses.ok(IntakeReceiptView.of(receipt)));
    }

    private static Mono<ServerResponse> versioned(IntakeSessionDetails details) {
        return Responses.versioned(details.session().version(), IntakeSessionView.of(details));
    }

    private static String linesPath(long sessionId) {
        return PATH + "/" + sessionId + "/lines";
    }

    private static long lineId(ServerRequest request) {
        return Responses.positiveLong(request.pathVariable("lineId"), "lineId");
    }

    /** An optional positive-id query parameter; blank means not filtered. */
    private static Long idParam(ServerRequest request, String name) {
        return request.queryParam(name).filter(raw -> !raw.isBlank())
                .map(raw -> Responses.positiveLong(raw.trim(), name)).orElse(null);
    }

    private static IntakeSessionStatus status(ServerRequest request) {
        return request.queryParam("status").filter(raw -> !raw.isBlank()).map(raw -> {
            try {
                return IntakeSessionStatus.valueOf(raw.trim());
            } catch (IllegalArgumentException unknown) {
                throw ValidationException.of("status", "must be one of "
                        + Arrays.toString(IntakeSessionStatus.values()));
            }
        }).orElse(null);
    }

    private static LocalDate dateParam(ServerRequest request, String name) {
        return request.queryParam(name).filter(raw -> !raw.isBlank()).map(raw -> {
            try {
                return LocalDate.parse(raw.trim());
            } catch (DateTimeParseException invalid) {
                throw ValidationException.of(name, "must be a date (YYYY-MM-DD)");
            }
        }).orElse(null);
    }
}
