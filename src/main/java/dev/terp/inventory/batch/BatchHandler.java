package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import dev.terp.inventory.batch.BatchService.AdjustmentMode;
import dev.terp.inventory.batch.api.AdjustmentRequest;
import dev.terp.inventory.batch.api.AvailabilityView;
import dev.terp.inventory.batch.api.BatchDetailsRequest;
import dev.terp.inventory.batch.api.BatchLocationsView;
import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.batch.api.BulkStatusRequest;
import dev.terp.inventory.batch.api.BulkStatusResult;
import dev.terp.inventory.batch.api.MovementSummaryView;
import dev.terp.inventory.batch.api.MovementView;
import dev.terp.inventory.batch.api.QuantityRequest;
import dev.terp.inventory.batch.api.ReservationRequest;
import dev.terp.inventory.batch.api.ReservationView;
import dev.terp.inventory.batch.api.ReverseRequest;
import dev.terp.inventory.batch.api.SampleFlagsRequest;
import dev.terp.inventory.batch.api.StatusChangeRequest;
import dev.terp.inventory.batch.api.TransferRequest;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.Decimals;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class BatchHandler {

    static final String PATH = "/api/v1/batches";
    static final String MOVEMENTS_PATH = "/api/v1/inventory/movements";

    private final BatchService batches;
    private final ReservationPort reservations;
    private final RequestBodies bodies;

    BatchHandler(BatchService batches, ReservationPort reservations, RequestBodies bodies) {
        this.batches = batches;
        this.reservations = reservations;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        BatchStatus status = request.queryParam("status").filter(raw -> !raw.isBlank())
                .map(BatchHandler::status).orElse(null);
        BatchFilter filter = new BatchFilter(status, idParam(request, "productId"), idParam(request, "vendorId"),
                idParam(request, "gradeId"), idParam(request, "categoryId"), Responses.searchText(request));
        return batches.list(filter, PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(BatchView::of)));
    }

    Mono<ServerResponse> changeStatuses(ServerRequest request) {
        return bodies.valid(request, BulkStatusRequest.class)
                .flatMap(body -> batches.changeStatuses(body.batchIds(), status(body.status()),
                        Texts.blankToNull(body.reason())))
                .flatMap(changed -> Responses.ok(new BulkStatusResult(changed.stream().map(BatchView::of).toList())));
    }

    /** An optional positive-id query parameter; blank means not filtered, anything else non-numeric is a 400. */
    private static Long idParam(ServerRequest request, String name) {
        return request.queryParam(name).filter(raw -> !raw.isBlank())
                .map(raw -> Responses.positiveLong(raw, name)).orElse(null);
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return batches.get(Responses.id(request)).flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> changeStatus(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, StatusChangeRequest.class)
                .flatMap(body -> batches.changeStatus(id, status(body.status()), Texts.blankToNull(body.reason())))
                .flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> adjust(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, AdjustmentRequest.class).flatMap(body -> {
            AdjustmentMode mode = AdjustmentMode.valueOf(body.mode());
            BigDecimal quantity = Decimals.quantity("quantity", body.quantity());
            if (mode == AdjustmentMode.ABSOLUTE && quantity.signum() < 0) {
                throw ValidationException.of("quantity", "must not be negative for an ABSOLUTE adjustment");
            }
            if (mode == AdjustmentMode.RELATIVE && quantity.signum() == 0) {
                throw ValidationException.of("quantity", "must not be zero for a RELATIVE adjustment");
            }
            // A RELATIVE correction commutes, so it needs no version; one sent anyway is still a precondition.
            boolean versionSent = body.version() != null || !request.headers().header("If-Match").isEmpty();
            Long expected = mode == AdjustmentMode.ABSOLUTE || versionSent
                    ? ExpectedVersion.of(request, body.version()) : null;
            return batches.adjust(id, mode, quantity, body.reason().trim(), expected);
        }).flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> quarantine(ServerRequest request) {
        return quantityChange(request, false, body -> batches.quarantine(Responses.id(request), body.quantity(),
                body.reason()));
    }

    Mono<ServerResponse> releaseQuarantine(ServerRequest request) {
        return quantityChange(request, false, body -> batches.releaseQuarantine(Responses.id(request),
                body.quantity(), body.reason()));
    }

    Mono<ServerResponse> hold(ServerRequest request) {
        return quantityChange(request, false, body -> batches.hold(Responses.id(request), body.quantity(),
                body.reason()));
    }

    Mono<ServerResponse> releaseHold(ServerRequest request) {
        return quantityChange(request, false, body -> batches.releaseHold(Responses.id(request), body.quantity(),
                body.reason()));
    }

    /** Destroyed stock is gone for good, so the operator must say why. */
    Mono<ServerResponse> dispose(ServerRequest request) {
        return quantityChange(request, true, body -> batches.dispose(Responses.id(request), body.quantity(),
                body.reason()));
    }

    Mono<ServerResponse> transfer(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, TransferRequest.class)
                .flatMap(body -> batches.transfer(id, body.fromLocationId(), body.toLocationId(),
                        Decimals.positiveQuantity("quantity", body.quantity()), Texts.blankToNull(body.reason())))
                .flatMap(slots -> Responses.ok(BatchLocationsView.of(id, slots)));
    }

    Mono<ServerResponse> locations(ServerRequest request) {
        long id = Responses.id(request);
        return batches.locations(id, PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(BatchLocationsView.Item::of)));
    }

    Mono<ServerResponse> moveToSamples(ServerRequest request) {
        return quantityChange(request, false, body -> batches.moveToSamples(Responses.id(request), body.quantity(),
                body.reason()));
    }

    Mono<ServerResponse> returnFromSamples(ServerRequest request) {
        return quantityChange(request, false, body -> batches.returnFromSamples(Responses.id(request),
                body.quantity(), body.reason()));
    }

    Mono<ServerResponse> changeSampleFlags(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, SampleFlagsRequest.class)
                .flatMap(body -> batches.changeSampleFlags(id, body.sampleOnly(), body.sampleAvailable(),
                        ExpectedVersion.of(request, body.version())))
                .flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> changeDetails(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, BatchDetailsRequest.class)
                .flatMap(body -> batches.changeDetails(id, body.gradeId(), body.expirationDate(),
                        ExpectedVersion.of(request, body.version())))
                .flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> reserve(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, ReservationRequest.class)
                .flatMap(body -> reservations.reserveByHand(id, Decimals.positiveQuantity("quantity",
                        body.quantity()), holder(body, false), Texts.blankToNull(body.reason())))
                .flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> releaseReservation(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, ReservationRequest.class)
                .flatMap(body -> reservations.releaseByHand(id, Decimals.positiveQuantity("quantity",
                        body.quantity()), holder(body, true), Texts.blankToNull(body.reason())))
                .flatMap(BatchHandler::versioned);
    }

    Mono<ServerResponse> listReservations(ServerRequest request) {
        return batches.reservations(Responses.id(request), PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(ReservationView::of)));
    }

    /**
     * A batch's movements ({@code batchId}) or a reference's ({@code referenceType} + {@code referenceId}, e.g. an
     * order's across all its batches): exactly one of the two filters.
     */
    Mono<ServerResponse> movements(ServerRequest request) {
        MovementFilter filter = MovementFilter.from(request);
        PageRequest page = PageRequest.from(request);
        return (filter.batchId() != null
                ? batches.movements(filter.batchId(), page)
                : batches.movementsByReference(filter.referenceType(), filter.referenceId(), page))
                .flatMap(result -> Responses.page(result.map(MovementView::of)));
    }

    /** The movement list's filter, checked as a whole so every wrong parameter is reported at once. */
    private record MovementFilter(Long batchId, String referenceType, Long referenceId) {

        /** The reference_type column's width. */
        static final int MAX_REFERENCE_TYPE = 50;

        static MovementFilter from(ServerRequest request) {
            Long batchId = idParam(request, "batchId");
            Long referenceId = idParam(request, "referenceId");
            String referenceType = Texts.blankToNull(request.queryParam("referenceType").orElse(null));
            List<FieldViolation> violations = new ArrayList<>();
            boolean byReference = referenceType != null || referenceId != null;
            if (batchId == null && !byReference) {
                violations.add(new FieldViolation("batchId", "is required, unless referenceType and referenceId "
                        + "are given"));
            }
            if (batchId != null && byReference) {
                violations.add(new FieldViolation("batchId", "cannot be combined with referenceType/referenceId; "
                        + "filter by one or the other"));
            }
            if (referenceId != null && referenceType == null) {
                violations.add(new FieldViolation("referenceType", "is required with referenceId"));
            }
            if (referenceType != null && referenceId == null) {
                violations.add(new FieldViolation("referenceId", "is required with referenceType"));
            }
            if (referenceType != null && referenceType.length() > MAX_REFERENCE_TYPE) {
                violations.add(new FieldViolation("referenceType", "must be at most " + MAX_REFERENCE_TYPE
                        + " characters"));
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            return new MovementFilter(batchId, referenceType, referenceId);
        }
    }

    Mono<ServerResponse> availability(ServerRequest request) {
        long id = Responses.id(request);
        return batches.availability(id, Responses.positiveQuantityParam(request, "quantity"))
                .flatMap(availability -> Responses.ok(AvailabilityView.of(availability)));
    }

    Mono<ServerResponse> movementSummary(ServerRequest request) {
        return batches.movementSummary(Responses.id(request))
                .flatMap(summary -> Responses.ok(MovementSummaryView.of(summary)));
    }

    Mono<ServerResponse> movement(ServerRequest request) {
        return batches.movement(Responses.id(request)).flatMap(movement -> Responses.ok(MovementView.of(movement)));
    }

    Mono<ServerResponse> reverse(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, ReverseRequest.class)
                .flatMap(body -> batches.reverse(id, body.reason().trim()))
                .flatMap(movement -> ServerResponse
                        .created(URI.create(MOVEMENTS_PATH + "/" + movement.id()))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(MovementView.of(movement)));
    }

    private Mono<ServerResponse> quantityChange(ServerRequest request, boolean reasonRequired,
            Function<QuantityRequest, Mono<Batch>> change) {
        Responses.id(request);
        return bodies.valid(request, QuantityRequest.class).flatMap(body -> {
            if (reasonRequired && Texts.blankToNull(body.reason()) == null) {
                throw ValidationException.of("reason", "must not be blank");
            }
            return change.apply(new QuantityRequest(Decimals.positiveQuantity("quantity", body.quantity()),
                    Texts.blankToNull(body.reason())));
        }).flatMap(BatchHandler::versioned);
    }

    private static Mono<ServerResponse> versioned(Batch batch) {
        return Responses.versioned(batch.version(), BatchView.of(batch));
    }

    /** Reservations by hand are MANUAL; LEGACY ones (held by no one known) can be released by hand too. */
    private static StockReference holder(ReservationRequest body, boolean releasing) {
        String type = body.holderType().trim();
        boolean allowed = ReservationPort.MANUAL.equals(type) || (releasing && ReservationPort.LEGACY.equals(type));
        if (!allowed) {
            throw ValidationException.of("holderType", releasing
                    ? "must be MANUAL or LEGACY; reservations of other holders (orders) are released by them"
                    : "must be MANUAL; reservations for other holders (orders) are made by them");
        }
        return StockReference.of(type, body.holderId());
    }

    private static BatchStatus status(String raw) {
        try {
            return BatchStatus.valueOf(raw.trim());
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("status", "must be one of " + Arrays.toString(BatchStatus.values()));
        }
    }
}
