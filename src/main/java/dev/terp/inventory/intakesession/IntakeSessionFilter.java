package dev.terp.inventory.intakesession;

import java.time.LocalDate;

import dev.terp.inventory.domain.IntakeSessionStatus;

/** The list filters; null means not filtered. The receive-date bounds are inclusive. */
record IntakeSessionFilter(Long vendorId, IntakeSessionStatus status, LocalDate receivedFrom, LocalDate receivedTo) {
}
