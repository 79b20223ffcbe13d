package dev.terp.inventory.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import dev.terp.inventory.domain.PaymentTerms;
import dev.terp.inventory.intake.api.IntakeRequest;
import dev.terp.inventory.intake.api.IntakeRequest.IntakeLocation;
import dev.terp.masterdata.location.LocationAddress;
import dev.terp.masterdata.product.domain.ProductNames;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.Violations;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.Decimals;

/** The intake rules that need no database; every violation is collected, none stops the others. */
final class IntakeValidation {

    static final Set<String> COGS_MODES = Set.of("FIXED", "RANGE");

    record Result(IntakeCommand command, List<FieldViolation> violations) {
    }

    private final Violations violations = new Violations();

    private IntakeValidation() {
    }

    static Result check(IntakeRequest request) {
        return new IntakeValidation().run(request);
    }

    private Result run(IntakeRequest r) {
        String vendor = requiredText("vendorName", r.vendorName(), 255);
        String brand = requiredText("brandName", r.brandName(), 255);
        String product = productName(r.productName());
        String strain = optionalText("strainName", r.strainName(), 255);
        String category = requiredText("category", r.category(), 100);
        String subcategory = optionalText("subcategory", r.subcategory(), 100);
        String grade = optionalText("grade", r.grade(), 50);
        BigDecimal quantity = violations.collect(() -> Decimals.positiveQuantity("quantity", r.quantity()));
        String cogsMode = oneOf("cogsMode", r.cogsMode(), COGS_MODES);
        BigDecimal unitCogs = null;
        BigDecimal unitCogsMin = null;
        BigDecimal unitCogsMax = null;
        // The COGS fields of the other mode are ignored, not stored: a FIXED batch with a range would be ambiguous.
        if ("FIXED".equals(cogsMode)) {
            unitCogs = violations.collect(() -> Decimals.nonNegativeMoney("unitCogs", r.unitCogs()));
        } else if ("RANGE".equals(cogsMode)) {
            unitCogsMin = violations.collect(() -> Decimals.nonNegativeMoney("unitCogsMin", r.unitCogsMin()));
            unitCogsMax = violations.collect(() -> Decimals.nonNegativeMoney("unitCogsMax", r.unitCogsMax()));
            if (unitCogsMin != null && unitCogsMax != null && unitCogsMin.compareTo(unitCogsMax) >= 0) {
                violations.add("unitCogsMax", "must be greater than unitCogsMin");
                unitCogsMax = null;
            }
        }
        String paymentTerms = oneOf("paymentTerms", r.paymentTerms(), PaymentTerms.NAMES);
        LocationAddress location = location(r.location());
        IntakeCommand command = new IntakeCommand(vendor, brand, product, strain, category, subcategory, grade,
                quantity, cogsMode, unitCogs, unitCogsMin, unitCogsMax, paymentTerms, location, r.expirationDate());
        return new Result(command, violations.list());
    }

    private String productName(String raw) {
        String name = requiredText("productName", raw, 500);
        if (name == null) {
            return null;
        }
        String canonical = ProductNames.canonical(name);
        if (canonical.isEmpty()) {
            violations.add("productName", "must contain a letter or digit");
            return null;
        }
        return canonical;
    }

    private LocationAddress location(IntakeLocation location) {
        if (location == null) {
            violations.add("location", "is required");
            return null;
        }
        String site = requiredText("location.site", location.site(), 100);
        String zone = optionalText("location.zone", location.zone(), 100);
        String rack = optionalText("location.rack", location.rack(), 100);
        String shelf = optionalText("location.shelf", location.shelf(), 100);
        String bin = optionalText("location.bin", location.bin(), 100);
        return site == null ? null : new LocationAddress(site, zone, rack, shelf, bin);
    }

    private String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(field, "must not be blank");
            return null;
        }
        return withinLength(field, value.trim(), max);
    }

    private String optionalText(String field, String value, int max) {
        String text = Texts.blankToNull(value);
        return text == null ? null : withinLength(field, text, max);
    }

    private String withinLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            violations.add(field, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    private String oneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value.trim())) {
            violations.add(field, "must be one of " + allowed.stream().sorted().toList());
            return null;
        }
        return value.trim();
    }
}
