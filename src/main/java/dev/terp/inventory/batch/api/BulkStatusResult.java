package dev.terp.inventory.batch.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The batches after a bulk status change, in request order. */
@Schema(name = "BatchBulkStatusResult")
public record BulkStatusResult(List<BatchView> items) {
}
