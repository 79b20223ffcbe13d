package dev.terp.platform.tx;

/**
 * A unit of work found that a decision it took from its snapshot (a plain read) no longer holds by a current read
 * (e.g. a location became capacity-limited after the snapshot). Nothing it did may be kept: the transaction is
 * rolled back and re-run as a whole with a fresh snapshot, like after a deadlock.
 */
public class StaleSnapshotException extends RuntimeException {

    public StaleSnapshotException(String message) {
        super(message, null, false, false);
    }
}
