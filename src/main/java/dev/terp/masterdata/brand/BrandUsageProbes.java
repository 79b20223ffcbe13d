package dev.terp.masterdata.brand;

import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets the vendor module refuse to delete a vendor that brands still name as their supplier. */
@Configuration(proxyBeanMethods = false)
class BrandUsageProbes {

    @Bean
    UsageProbe brandsPerVendor(BrandRepository brands) {
        return new CountingUsageProbe("vendors", "brands", brands::countByVendor);
    }
}
