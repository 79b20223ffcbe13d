package dev.terp.platform.sequence;

/**
 * How a document series hands out numbers.
 * <ul>
 *   <li>{@link #STANDARD}: an AUTO_INCREMENT allocation; takes no lock that outlives the INSERT statement, so it
 *   never serialises concurrent business transactions. A rolled-back transaction leaves a gap.</li>
 *   <li>{@link #GAPLESS}: a counter row updated inside the caller's transaction and locked until it commits, so
 *   numbers are contiguous. Every document of the series queues on that row: use it only where the law or the
 *   auditors require contiguity, and allocate as late as possible in the transaction.</li>
 * </ul>
 */
public enum NumberingStrategy {
    STANDARD,
    GAPLESS
}
