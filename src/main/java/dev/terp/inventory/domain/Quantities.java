package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The stock buckets of one batch that availability depends on, and the only operations that change them. Every
 * operation returns new quantities or refuses: nothing here ever goes negative, and on-hand never drops below what
 * is reserved, quarantined or on hold (TERP's allowNegativeInventory=false, which it never enforced, D-24/D-28).
 *
 * <p>The sample pool is carried here so a move into or out of it is checked and written with the rest, but it is
 * not part of on-hand and does not count towards availability (domain §4.2).
 *
 * <p>Quantities carry four decimals. A requested quantity with more is refused, never rounded. No bucket may grow
 * past {@link #MAX}, the largest value its DECIMAL(15,4) column holds: an operation that would is refused with
 * {@link InvalidQuantity} instead of failing at the database.
 */
public record Quantities(BigDecimal onHand, BigDecimal reserved, BigDecimal quarantine, BigDecimal hold,
        BigDecimal sample) {

    public static final int SCALE = 4;

    /**
     * The largest quantity a DECIMAL(15,4) column holds: {@code Decimals.QUANTITY_INTEGER_DIGITS} nines, four
     * decimals (restated, as domain classes may not depend on the platform; QuantitiesTest keeps the two equal).
     */
    public static final BigDecimal MAX = new BigDecimal("99999999999.9999");

    public static final Quantities ZERO = new Quantities(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    public Quantities {
        onHand = stored(onHand, "on-hand");
        reserved = stored(reserved, "reserved");
        quarantine = stored(quarantine, "quarantine");
        hold = stored(hold, "hold");
        sample = stored(sample, "sample");
    }

    /** Quantities of a batch with an empty sample pool; kept so callers that never touch the pool stay short. */
    public Quantities(BigDecimal onHand, BigDecimal reserved, BigDecimal quarantine, BigDecimal hold) {
        this(onHand, reserved, quarantine, hold, BigDecimal.ZERO);
    }

    /** What can still be promised: never negative, even for a batch whose buckets disagree. */
    public BigDecimal available() {
        BigDecimal free = onHand.subtract(committed());
        return free.signum() < 0 ? BigDecimal.ZERO.setScale(SCALE) : free;
    }

    /** Stock that is on hand but spoken for. */
    public BigDecimal committed() {
        return reserved.add(quarantine).add(hold);
    }

    public BigDecimal of(Bucket bucket) {
        return switch (bucket) {
            case ON_HAND -> onHand;
            case RESERVED -> reserved;
            case QUARANTINE -> quarantine;
            case HOLD -> hold;
            case SAMPLE -> sample;
        };
    }

    public Quantities reserve(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireAvailable(q);
        return new Quantities(onHand, reserved.add(q), quarantine, hold, sample);
    }

    public Quantities releaseReservation(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireWithin(q, reserved, "reserved");
        return new Quantities(onHand, reserved.subtract(q), quarantine, hold, sample);
    }

    /** A reservation turns into a sale: the goods leave, so on-hand and reserved both drop. */
    public Quantities consumeReservation(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireWithin(q, reserved, "reserved");
        return new Quantities(onHand.subtract(q), reserved.subtract(q), quarantine, hold, sample);
    }

    /** Goods arrive (an intake session completes): on-hand grows; nothing is promised or set aside yet. */
    public Quantities receive(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        return new Quantities(onHand.add(q), reserved, quarantine, hold, sample);
    }

    /** A stock count: on-hand becomes exactly {@code newOnHand} (zero allowed). */
    public Quantities adjustOnHandTo(BigDecimal newOnHand) {
        BigDecimal target = requireNotNegative(newOnHand);
        requireCovers(target);
        return new Quantities(target, reserved, quarantine, hold, sample);
    }

    /** A correction by a signed amount (found or lost units). */
    public Quantities adjustOnHandBy(BigDecimal delta) {
        BigDecimal change = requireScale(delta);
        if (change.signum() == 0) {
            throw new InvalidQuantity("must not be zero");
        }
        BigDecimal target = onHand.add(change);
        if (target.signum() < 0) {
            throw new InsufficientInventory("has " + format(onHand) + " on hand, " + format(change.negate())
                    + " to remove");
        }
        requireCovers(target);
        return new Quantities(target, reserved, quarantine, hold, sample);
    }

    public Quantities quarantine(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireAvailable(q);
        return new Quantities(onHand, reserved, quarantine.add(q), hold, sample);
    }

    public Quantities releaseQuarantine(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireWithin(q, quarantine, "in quarantine");
        return new Quantities(onHand, reserved, quarantine.subtract(q), hold, sample);
    }

    public Quantities hold(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireAvailable(q);
        return new Quantities(onHand, reserved, quarantine, hold.add(q), sample);
    }

    public Quantities releaseHold(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireWithin(q, hold, "on hold");
        return new Quantities(onHand, reserved, quarantine, hold.subtract(q), sample);
    }

    /**
     * Destroys available stock. Quarantined stock is released before it is disposed of, so a disposal never
     * eats a reservation or a hold.
     */
    public Quantities dispose(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireAvailable(q);
        return new Quantities(onHand.subtract(q), reserved, quarantine, hold, sample);
    }

    /**
     * Sets available units aside as samples (domain §4.2): they leave on-hand, so they can no longer be promised,
     * and enter the separate sample pool that sample requests consume.
     */
    public Quantities moveToSamples(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireAvailable(q);
        return new Quantities(onHand.subtract(q), reserved, quarantine, hold, sample.add(q));
    }

    /** Unused samples go back on hand and become available again. */
    public Quantities returnFromSamples(BigDecimal quantity) {
        BigDecimal q = requirePositive(quantity);
        requireWithin(q, sample, "in the sample pool");
        return new Quantities(onHand.add(q), reserved, quarantine, hold, sample.subtract(q));
    }

    /**
     * Applies a signed change to one bucket (reversing a movement). Refused when the bucket would go negative or
     * on-hand would no longer cover what is committed.
     */
    public Quantities change(Bucket bucket, BigDecimal delta) {
        BigDecimal change = requireScale(delta);
        BigDecimal target = of(bucket).add(change);
        if (target.signum() < 0) {
            throw new InsufficientInventory("has " + format(of(bucket)) + " " + describe(bucket) + ", "
                    + format(change.negate()) + " to remove");
        }
        Quantities after = switch (bucket) {
            case ON_HAND -> new Quantities(target, reserved, quarantine, hold, sample);
            case RESERVED -> new Quantities(onHand, target, quarantine, hold, sample);
            case QUARANTINE -> new Quantities(onHand, reserved, target, hold, sample);
            case HOLD -> new Quantities(onHand, reserved, quarantine, target, sample);
            case SAMPLE -> throw new IllegalArgumentException(
                    "The sample pool changes only through moveToSamples and returnFromSamples");
        };
        if (change.signum() > 0 && bucket != Bucket.ON_HAND) {
            requireAvailable(change);
        } else if (bucket == Bucket.ON_HAND) {
            requireCovers(target);
        }
        return after;
    }

    /** A quantity a client asked for: positive, at most four decimals. */
    public static BigDecimal requirePositive(BigDecimal quantity) {
        BigDecimal q = requireScale(quantity);
        if (q.signum() <= 0) {
            throw new InvalidQuantity("must be greater than 0");
        }
        return q;
    }

    public static BigDecimal requireNotNegative(BigDecimal quantity) {
        BigDecimal q = requireScale(quantity);
        if (q.signum() < 0) {
            throw new InvalidQuantity("must not be negative");
        }
        return q;
    }

    /** Four decimals at most; trailing zeros beyond them ("1.50000") lose nothing and are accepted. */
    public static BigDecimal requireScale(BigDecimal quantity) {
        if (quantity == null) {
            throw new InvalidQuantity("is required");
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new InvalidQuantity("must have at most " + SCALE + " decimals");
        }
        return quantity.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static String format(BigDecimal quantity) {
        return quantity.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    private void requireAvailable(BigDecimal q) {
        if (q.compareTo(available()) > 0) {
            throw new InsufficientInventory("has " + format(available()) + " available, " + format(q) + " requested");
        }
    }

    private void requireWithin(BigDecimal q, BigDecimal bucket, String what) {
        if (q.compareTo(bucket) > 0) {
            throw new InsufficientInventory("has " + format(bucket) + " " + what + ", " + format(q) + " requested");
        }
    }

    private void requireCovers(BigDecimal newOnHand) {
        if (newOnHand.compareTo(committed()) < 0) {
            throw new InsufficientInventory("has " + format(committed()) + " reserved, in quarantine or on hold; "
                    + "on-hand cannot become " + format(newOnHand));
        }
    }

    private static String describe(Bucket bucket) {
        return switch (bucket) {
            case ON_HAND -> "on hand";
            case RESERVED -> "reserved";
            case QUARANTINE -> "in quarantine";
            case HOLD -> "on hold";
            case SAMPLE -> "in the sample pool";
        };
    }

    private static BigDecimal stored(BigDecimal value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " cannot be negative: " + value);
        }
        return requireStorable(requireScale(value), name);
    }

    /** Refuses a quantity (already at four decimals) that its column could not hold. */
    static BigDecimal requireStorable(BigDecimal quantity, String what) {
        if (quantity.compareTo(MAX) > 0) {
            throw new InvalidQuantity("would make " + what + " " + format(quantity) + ", more than the largest "
                    + "quantity that can be stored (" + format(MAX) + ")");
        }
        return quantity;
    }
}
