package dev.terp.inventory.intakesession;

import java.util.List;

/** A session with its lines, ascending line id. */
public record IntakeSessionDetails(IntakeSession session, List<IntakeSessionLine> lines) {
}
