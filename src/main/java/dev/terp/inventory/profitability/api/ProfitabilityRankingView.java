package dev.terp.inventory.profitability.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The most profitable batches, highest profit first (ties: lower batch id first). */
@Schema(name = "ProfitabilityRanking")
public record ProfitabilityRankingView(@ArraySchema(maxItems = 100) List<BatchProfitabilityView> items) {
}
