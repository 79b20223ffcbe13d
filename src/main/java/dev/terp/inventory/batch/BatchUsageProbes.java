package dev.terp.inventory.batch;

import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets master data refuse to delete a product, grade or location that batches, their location rows or their
 * movements still point at, naming them, instead of falling through to the foreign key (D-31).
 */
@Configuration(proxyBeanMethods = false)
class BatchUsageProbes {

    @Bean
    UsageProbe batchesPerProduct(MasterDataUsageRepository usages) {
        return new CountingUsageProbe("products", "batches", usages::batchesOfProduct);
    }

    @Bean
    UsageProbe batchesPerGrade(MasterDataUsageRepository usages) {
        return new CountingUsageProbe("grades", "batches", usages::batchesOfGrade);
    }

    @Bean
    UsageProbe batchLocationsPerLocation(MasterDataUsageRepository usages) {
        return new CountingUsageProbe("locations", "batch locations", usages::batchLocationsAt);
    }

    @Bean
    UsageProbe movementsPerLocation(MasterDataUsageRepository usages) {
        return new CountingUsageProbe("locations", "inventory movements", usages::movementsAt);
    }
}
