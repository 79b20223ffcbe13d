package dev.terp.inventory.batch.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The batches after a bulk status change, in request order. */
@Schema(name = "BatchBulkStatusResult")
public record BulkStatusResult(@ArraySchema(maxItems = 200) List<BatchView> items) {
}
