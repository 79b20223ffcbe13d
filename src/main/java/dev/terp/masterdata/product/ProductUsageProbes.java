package dev.terp.masterdata.product;

import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets strains, categories, subcategories and brands refuse to be deleted while products still refer to them.
 */
@Configuration(proxyBeanMethods = false)
class ProductUsageProbes {

    @Bean
    UsageProbe productsPerStrain(ProductRepository products) {
        return new CountingUsageProbe("strains", "products", products::countByStrain);
    }

    @Bean
    UsageProbe productsPerCategory(ProductRepository products) {
        return new CountingUsageProbe("categories", "products", products::countByCategory);
    }

    @Bean
    UsageProbe productsPerSubcategory(ProductRepository products) {
        return new CountingUsageProbe("subcategories", "products", products::countBySubcategory);
    }

    @Bean
    UsageProbe productsPerBrand(ProductRepository products) {
        return new CountingUsageProbe("brands", "products", products::countByBrand);
    }
}
