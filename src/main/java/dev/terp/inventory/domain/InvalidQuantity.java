package dev.terp.inventory.domain;

/** A quantity that is not a positive number with at most four decimals; never rounded into one. */
public class InvalidQuantity extends RuntimeException {

    public InvalidQuantity(String message) {
        super(message, null, false, false);
    }
}
