package dev.terp.inventory.intake;

import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets the vendor module refuse to delete a vendor that lots were received from. */
@Configuration(proxyBeanMethods = false)
class LotUsageProbes {

    @Bean
    UsageProbe lotsPerVendor(IntakeRepository intakes) {
        return new CountingUsageProbe("vendors", "lots", intakes::countLotsOfVendor);
    }
}
