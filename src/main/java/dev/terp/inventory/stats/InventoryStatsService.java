package dev.terp.inventory.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.inventory.stats.api.InventoryStatsView;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * Totals over every batch: units = Σ on-hand, value = Σ on-hand × unit cost basis (RANGE: midpoint, D-27 fixed),
 * summed exactly and rounded once (scale 2, HALF_EVEN) per total; counts for all seven statuses; per category
 * ("Uncategorized" when the product has none), highest value first.
 */
@Service
public class InventoryStatsService {

    static final String UNCATEGORIZED = "Uncategorized";

    private final InventoryStatsRepository repository;

    InventoryStatsService(InventoryStatsRepository repository) {
        this.repository = repository;
    }

    private static final class Totals {
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
    }

    public Mono<InventoryStatsView> stats() {
        return repository.batches().collectList().map(rows -> {
            Totals all = new Totals();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (BatchStatus status : BatchStatus.values()) {
                counts.put(status.name(), 0L);
            }
            Map<String, Totals> byCategory = new HashMap<>();
            for (InventoryStatsRepository.BatchRow row : rows) {
                counts.merge(row.status(), 1L, Long::sum);
                BigDecimal value = row.onHand().multiply(unitCost(row));
                Totals category = byCategory.computeIfAbsent(
                        row.category() == null ? UNCATEGORIZED : row.category(), name -> new Totals());
                for (Totals totals : List.of(all, category)) {
                    totals.units = totals.units.add(row.onHand());
                    totals.value = totals.value.add(value);
                }
            }
            List<Map.Entry<String, Totals>> sorted = new ArrayList<>(byCategory.entrySet());
            sorted.sort(Comparator.<Map.Entry<String, Totals>, BigDecimal>comparing(entry -> entry.getValue().value)
                    .reversed().thenComparing(Map.Entry::getKey));
            List<InventoryStatsView.CategoryStats> categories = sorted.stream()
                    .map(entry -> new InventoryStatsView.CategoryStats(entry.getKey(), units(entry.getValue().units),
                            money(entry.getValue().value)))
                    .toList();
            BigDecimal average = all.units.signum() == 0 ? BigDecimal.ZERO
                    : all.value.divide(all.units, CogsCalculator.MONEY_SCALE, CogsCalculator.ROUNDING);
            return new InventoryStatsView(units(all.units), money(all.value), money(average), counts, categories);
        });
    }

    /** The unit cost basis; a batch whose COGS settings are incomplete counts at 0 rather than failing the page. */
    private static BigDecimal unitCost(InventoryStatsRepository.BatchRow row) {
        try {
            CogsCalculator.Basis basis = "RANGE".equals(row.cogsMode())
                    ? CogsCalculator.Basis.range(row.min(), row.max())
                    : CogsCalculator.Basis.fixed(row.unitCogs());
            return CogsCalculator.unitCostBasis(basis);
        } catch (IllegalArgumentException incomplete) {
            return BigDecimal.ZERO;
        }
    }

    private static String money(BigDecimal value) {
        return Decimals.formatMoney(value.setScale(CogsCalculator.MONEY_SCALE, CogsCalculator.ROUNDING));
    }

    private static String units(BigDecimal value) {
        return Decimals.formatQuantity(value.setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_EVEN));
    }
}
