package dev.terp.inventory.stats;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.stats.InventoryStatsRepository.Group;
import dev.terp.inventory.stats.api.InventoryStatsView;
import dev.terp.inventory.stats.api.InventoryStatsView.CategoryStats;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryStatsServiceTest {

    private static Group group(String category, String status, String units, String value) {
        return new Group(category, status, 1, new BigDecimal(units), new BigDecimal(value));
    }

    @Test
    void byCategoryListsOnlyTheMostValuableCategoriesWhileTotalsAndCountCoverAll() {
        List<Group> groups = List.of(
                group("Flower", "LIVE", "10", "100"),
                group("Flower", "ON_HOLD", "1", "15"),
                group("Vapes", "LIVE", "2", "90"),
                group("Edibles", "LIVE", "5", "20"),
                group(null, "LIVE", "1", "200"));

        InventoryStatsView stats = InventoryStatsService.summarise(groups, 2);

        assertThat(stats.byCategory()).extracting(CategoryStats::category)
                .containsExactly(InventoryStatsService.UNCATEGORIZED, "Flower");
        assertThat(stats.byCategory().get(1).value()).isEqualTo("115.00");
        assertThat(stats.categoryCount()).isEqualTo(4);
        assertThat(stats.totalUnits()).isEqualTo("19.0000");
        assertThat(stats.totalValue()).isEqualTo("425.00");
        assertThat(stats.countsByStatus()).containsEntry("LIVE", 4L).containsEntry("ON_HOLD", 1L);
    }

    @Test
    void everyCategoryIsListedWhenThereAreNoMoreThanTheLimit() {
        InventoryStatsView stats = InventoryStatsService.summarise(List.of(
                group("Flower", "LIVE", "1", "5"), group("Vapes", "LIVE", "1", "7")),
                InventoryStatsService.MAX_CATEGORIES);

        assertThat(stats.byCategory()).extracting(CategoryStats::category).containsExactly("Vapes", "Flower");
        assertThat(stats.categoryCount()).isEqualTo(2);
    }
}
