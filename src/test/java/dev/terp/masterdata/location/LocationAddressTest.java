package dev.terp.masterdata.location;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationAddressTest {

    @Test
    void describesOnlyThePartsThatArePresent() {
        assertThat(new LocationAddress("Oakland", "Vault", "R1", null, "B2").describe())
                .isEqualTo("site Oakland, zone Vault, rack R1, bin B2");
        assertThat(new LocationAddress("Oakland", null, null, null, null).describe()).isEqualTo("site Oakland");
    }
}
