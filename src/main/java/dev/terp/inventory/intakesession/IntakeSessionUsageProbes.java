package dev.terp.inventory.intakesession;

import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets the vendor module refuse to delete a vendor that intake sessions name. */
@Configuration(proxyBeanMethods = false)
class IntakeSessionUsageProbes {

    @Bean
    UsageProbe intakeSessionsPerVendor(IntakeSessionRepository sessions) {
        return new CountingUsageProbe("vendors", "intake sessions", sessions::countOfVendor);
    }
}
