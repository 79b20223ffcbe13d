package dev.terp.platform.persistence;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

/** A NOWAIT lock found the row held by another transaction. */
public class RecordLockedException extends ApiException {

    public RecordLockedException(String table) {
        super(ErrorCode.RECORD_LOCKED, "A " + table + " record is being changed by another request; retry shortly");
    }
}
