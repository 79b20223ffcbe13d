package dev.terp.platform.tx;

import java.util.List;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

/** Every attempt lost a deadlock or timed out waiting for a lock; nothing was written. */
public class TransactionRetriesExhaustedException extends ApiException {

    public TransactionRetriesExhaustedException(int attempts, Throwable lastFailure) {
        super(ErrorCode.SERVICE_UNAVAILABLE,
                "The operation collided with concurrent changes " + attempts + " times and was rolled back; retry later",
                List.of(), lastFailure);
    }
}
