package dev.terp.inventory.domain;

/**
 * A quantity operation would take a bucket below what it holds, or on-hand below what is committed. The message
 * reads after the batch's name: "has 3.0000 available, 5.0000 requested".
 */
public class InsufficientInventory extends RuntimeException {

    public InsufficientInventory(String message) {
        super(message, null, false, false);
    }
}
