package dev.terp.platform.tx;

import java.time.Duration;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

/** A transaction ran past its deadline and was rolled back: the database is stuck or overloaded. */
public class TransactionDeadlineExceededException extends ApiException {

    public TransactionDeadlineExceededException(Duration deadline) {
        super(ErrorCode.SERVICE_UNAVAILABLE,
                "The operation did not complete within " + deadline.toMillis() + " ms and was rolled back; retry later");
    }
}
