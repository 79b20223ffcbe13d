package dev.terp.inventory.domain;

/**
 * Stock would be added to a location beyond its capacity. The message reads after the location's name:
 * "holds 90.0000 of 100.0000; 20.0000 more do not fit".
 */
public class LocationFull extends RuntimeException {

    public LocationFull(String message) {
        super(message, null, false, false);
    }
}
