package dev.terp.inventory.view;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewFiltersTest {

    @Test
    void keepsKnownFiltersTrimsTextAndDropsNulls() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("status", "LIVE");
        raw.put("productId", 3);
        raw.put("vendorId", 4L);
        raw.put("gradeId", null);
        raw.put("q", "  og ");
        assertThat(ViewFilters.normalise(raw)).containsExactly(Map.entry("productId", 3L), Map.entry("q", "og"),
                Map.entry("status", "LIVE"), Map.entry("vendorId", 4L));
    }

    @Test
    void reportsEveryBadKeyAndValue() {
        assertThatThrownBy(() -> ViewFilters.normalise(Map.of("sku", "x", "status", "live", "categoryId", 0,
                "gradeId", "5", "q", "x".repeat(101))))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(violation -> violation.field())
                        .containsExactlyInAnyOrder("filters.sku", "filters.status", "filters.categoryId",
                                "filters.gradeId", "filters.q"));
    }
}
