package dev.terp.inventory.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.terp.domain.Rounding;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.stats.api.InventoryStatsView;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * Totals over every batch: units = Σ on-hand, value = Σ on-hand × unit cost basis (RANGE: midpoint, D-27 fixed),
 * summed exactly in SQL and rounded once per total by {@link Rounding}; counts for all seven statuses; per category
 * ("Uncategorized" when the product has none), highest value first, at most {@link #MAX_CATEGORIES}. The database aggregates (D-29): the service
 * reads one row per category and status, never a batch.
 */
@Service
public class InventoryStatsService {

    static final String UNCATEGORIZED = "Uncategorized";
    /**
     * Categories listed in {@code byCategory}: the dashboard shows where the value sits, so the most valuable ones;
     * {@code categoryCount} tells a client how many there are, and the totals always cover them all.
     */
    public static final int MAX_CATEGORIES = 200;

    private final InventoryStatsRepository repository;

    InventoryStatsService(InventoryStatsRepository repository) {
        this.repository = repository;
    }

    private static final class Totals {
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
    }

    public Mono<InventoryStatsView> stats() {
        return repository.groups().collectList().map(groups -> summarise(groups, MAX_CATEGORIES));
    }

    /** The totals of every group; per category only the {@code maxCategories} of highest value, and their count. */
    static InventoryStatsView summarise(List<InventoryStatsRepository.Group> groups, int maxCategories) {
        Totals all = new Totals();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (BatchStatus status : BatchStatus.values()) {
            counts.put(status.name(), 0L);
        }
        Map<String, Totals> byCategory = new HashMap<>();
        for (InventoryStatsRepository.Group group : groups) {
            counts.merge(group.status(), group.batches(), Long::sum);
            Totals category = byCategory.computeIfAbsent(
                    group.category() == null ? UNCATEGORIZED : group.category(), name -> new Totals());
            for (Totals totals : List.of(all, category)) {
                totals.units = totals.units.add(group.units());
                totals.value = totals.value.add(group.value());
            }
        }
        List<Map.Entry<String, Totals>> sorted = new ArrayList<>(byCategory.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, Totals>, BigDecimal>comparing(entry -> entry.getValue().value)
                .reversed().thenComparing(Map.Entry::getKey));
        List<InventoryStatsView.CategoryStats> categories = sorted.stream()
                .limit(maxCategories)
                .map(entry -> new InventoryStatsView.CategoryStats(entry.getKey(), units(entry.getValue().units),
                        money(entry.getValue().value)))
                .toList();
        BigDecimal average = all.units.signum() == 0 ? BigDecimal.ZERO
                : Rounding.moneyQuotient(all.value, all.units);
        return new InventoryStatsView(units(all.units), money(all.value), money(average), counts, categories,
                sorted.size());
    }

    private static String money(BigDecimal value) {
        return Decimals.formatMoney(Rounding.money(value));
    }

    private static String units(BigDecimal value) {
        return Decimals.formatQuantity(Rounding.quantity(value));
    }
}
