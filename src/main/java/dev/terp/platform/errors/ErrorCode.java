package dev.terp.platform.errors;

import java.util.Locale;

/** The stable error codes of api-conventions §3; clients switch on {@link #name()}. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    VERSION_CONFLICT(409, "Version conflict"),
    CONFLICT(409, "Conflict"),
    RECORD_LOCKED(409, "Record locked"),
    INSUFFICIENT_INVENTORY(409, "Insufficient inventory"),
    LOCATION_CAPACITY_EXCEEDED(409, "Location capacity exceeded"),
    BATCH_EXPIRED(409, "Batch expired"),
    BATCH_NOT_SELLABLE(409, "Batch not sellable"),
    BATCH_ALREADY_RECEIVED(409, "Batch already received"),
    VENDOR_MISMATCH(409, "Vendor mismatch"),
    RESERVATION_NOT_HELD(409, "Reservation not held"),
    CREDIT_LIMIT_EXCEEDED(409, "Credit limit exceeded"),
    INVALID_STATE_TRANSITION(409, "Invalid state transition"),
    PERIOD_CLOSED(409, "Period closed"),
    IDEMPOTENCY_KEY_IN_FLIGHT(409, "Idempotency key in flight"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNBALANCED_JOURNAL(422, "Unbalanced journal"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem {@code type} URI: a stable, documented identifier, e.g. {@code .../version-conflict}. */
    public String typeUri() {
        return "https://terp.dev/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
