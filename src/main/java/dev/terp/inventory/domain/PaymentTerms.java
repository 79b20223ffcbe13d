package dev.terp.inventory.domain;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The vendor payment terms a batch or an intake session is received under (the CHECKs of V20 and V26). */
public enum PaymentTerms {
    COD, NET_7, NET_15, NET_30, CONSIGNMENT, PARTIAL;

    public static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
}
