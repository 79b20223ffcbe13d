package dev.terp.masterdata.category;

import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets the category module refuse to delete a category that subcategories still belong to. */
@Configuration(proxyBeanMethods = false)
class CategoryUsageProbes {

    @Bean
    UsageProbe subcategoriesPerCategory(SubcategoryRepository subcategories) {
        return new CountingUsageProbe("categories", "subcategories", subcategories::countOfCategory);
    }
}
