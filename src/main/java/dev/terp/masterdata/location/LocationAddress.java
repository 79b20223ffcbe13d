package dev.terp.masterdata.location;

import java.util.ArrayList;
import java.util.List;

/** What a client may set on a location, already validated: the site and the optional finer parts (null = absent). */
public record LocationAddress(String site, String zone, String rack, String shelf, String bin) {

    /** For messages: {@code site Main, zone Vault, rack R1}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("site " + site);
        addIfPresent(parts, "zone", zone);
        addIfPresent(parts, "rack", rack);
        addIfPresent(parts, "shelf", shelf);
        addIfPresent(parts, "bin", bin);
        return String.join(", ", parts);
    }

    private static void addIfPresent(List<String> parts, String label, String value) {
        if (value != null) {
            parts.add(label + " " + value);
        }
    }
}
