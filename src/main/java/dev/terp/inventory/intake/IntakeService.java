package dev.terp.inventory.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.inventory.batch.Batch;
import dev.terp.inventory.batch.BatchService;
import dev.terp.inventory.batch.IntakeReceivingPort;
import dev.terp.inventory.batch.IntakeReceivingPort.NewBatch;
import dev.terp.inventory.batch.StockReference;
import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.domain.BatchSkus;
import dev.terp.inventory.intake.api.IntakeRequest;
import dev.terp.masterdata.brand.Brand;
import dev.terp.masterdata.brand.BrandService;
import dev.terp.masterdata.category.Category;
import dev.terp.masterdata.category.CategoryService;
import dev.terp.masterdata.category.Subcategory;
import dev.terp.masterdata.grade.Grade;
import dev.terp.masterdata.grade.GradeService;
import dev.terp.masterdata.location.LocationService;
import dev.terp.masterdata.product.Product;
import dev.terp.masterdata.product.ProductDetails;
import dev.terp.masterdata.product.ProductService;
import dev.terp.masterdata.product.api.ProductRequest;
import dev.terp.masterdata.strain.Strain;
import dev.terp.masterdata.strain.StrainService;
import dev.terp.masterdata.vendor.VendorService;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.sequence.DocumentNumbers;
import dev.terp.platform.sequence.DocumentSeries;
import dev.terp.platform.sequence.NumberingStrategy;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;

/**
 * Receiving inventory (domain §4.1 A), as one transaction: the references are checked, vendor, brand, product and
 * location are found or created, the lot and the (empty) batch are created, and the quantity is received through
 * {@link IntakeReceivingPort} like every other stock change (INTAKE movement, location row, audit). Unlike TERP, nothing is left half-done when a step fails, and lot, batch and SKU numbers come from
 * sequences, so repeat intakes never collide (D-15).
 */
@Service
public class IntakeService {

    static final DocumentSeries LOT_SERIES = new DocumentSeries("LOT", NumberingStrategy.STANDARD, 6, false);
    static final DocumentSeries BATCH_SERIES = new DocumentSeries("BCH", NumberingStrategy.STANDARD, 6, false);
    private static final String BATCH = "Batch";
    /** What the INTAKE movement of a direct intake points at, with the lot id. */
    static final String REFERENCE_TYPE = "INTAKE";

    private final IntakeRepository intake;
    private final BatchService batches;
    private final VendorService vendors;
    private final BrandService brands;
    private final ProductService products;
    private final LocationService locations;
    private final IntakeReceivingPort receiving;
    private final CategoryService categories;
    private final GradeService grades;
    private final StrainService strains;
    private final DocumentNumbers numbers;
    private final TransactionRunner tx;
    private final BusinessTelemetry.Operation intakeOperation;
    private final BusinessTelemetry.Amount unitsReceived;
    private final AuditTrail audit;
    private final Clock clock;

    IntakeService(IntakeRepository intake, BatchService batches, VendorService vendors, BrandService brands,
            ProductService products, LocationService locations, IntakeReceivingPort receiving, CategoryService categories,
            GradeService grades, StrainService strains, DocumentNumbers numbers, TransactionRunner tx,
            AuditTrail audit, Clock clock, BusinessTelemetry telemetry) {
        this.intakeOperation = telemetry.operation("inventory.intake");
        this.unitsReceived = telemetry.amount("inventory.units", "movement", "received");
        this.intake = intake;
        this.batches = batches;
        this.vendors = vendors;
        this.brands = brands;
        this.products = products;
        this.locations = locations;
        this.receiving = receiving;
        this.categories = categories;
        this.grades = grades;
        this.strains = strains;
        this.numbers = numbers;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** The references an intake names, resolved to ids; violations for the ones that do not exist. */
    private record References(Long categoryId, Long subcategoryId, Long gradeId, Long strainId,
            List<FieldViolation> violations) {
    }

    public Mono<Batch> receive(IntakeRequest request) {
        IntakeValidation.Result form = IntakeValidation.check(request);
        IntakeCommand command = form.command();
        return intakeOperation.observe(tx.inRetryingTransaction(() -> RequestContext.actingUser()
                .flatMap(actor -> references(command).flatMap(references -> {
                    List<FieldViolation> violations = new ArrayList<>(form.violations());
                    violations.addAll(references.violations());
                    if (!violations.isEmpty()) {
                        // Nothing has been written yet: the checks run before the first INSERT.
                        return Mono.error(new ValidationException(violations));
                    }
                    return write(command, references, actor);
                }))))
                .doOnNext(batch -> unitsReceived.add(batch.onHandQty()));
    }

    private Mono<References> references(IntakeCommand command) {
        Mono<Optional<Category>> category = lookup(command.category(), categories::findByName);
        Mono<Optional<Grade>> grade = lookup(command.grade(), grades::findByName);
        Mono<Optional<Strain>> strain = lookup(command.strainName(), strains::findByName);
        return category.flatMap(foundCategory -> {
            // A subcategory can only be checked under a category that exists.
            Mono<Optional<Subcategory>> subcategory = foundCategory.isEmpty() ? Mono.just(Optional.empty())
                    : lookup(command.subcategory(),
                            name -> categories.findSubcategoryByName(foundCategory.get().id(), name));
            return Mono.zip(subcategory, grade, strain).map(found -> {
                List<FieldViolation> violations = new ArrayList<>();
                if (command.category() != null && foundCategory.isEmpty()) {
                    violations.add(new FieldViolation("category", "category '" + command.category()
                            + "' does not exist"));
                }
                if (command.subcategory() != null && foundCategory.isPresent() && found.getT1().isEmpty()) {
                    violations.add(new FieldViolation("subcategory", "category '" + foundCategory.get().name()
                            + "' has no subcategory '" + command.subcategory() + "'"));
                }
                if (command.grade() != null && found.getT2().isEmpty()) {
                    violations.add(new FieldViolation("grade", "grade '" + command.grade() + "' does not exist"));
                }
                if (command.strainName() != null && found.getT3().isEmpty()) {
                    violations.add(new FieldViolation("strainName", "strain '" + command.strainName()
                            + "' does not exist"));
                }
                return new References(foundCategory.map(Category::id).orElse(null),
                        found.getT1().map(Subcategory::id).orElse(null), found.getT2().map(Grade::id).orElse(null),
                        found.getT3().map(Strain::id).orElse(null), List.copyOf(violations));
            });
        });
    }

    private static <T> Mono<Optional<T>> lookup(String name, Function<String, Mono<T>> find) {
        return name == null ? Mono.just(Optional.empty()) : find.apply(name).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Batch> write(IntakeCommand command, References references, Actor actor) {
        return announceBatch(command, references)
                .flatMap(created -> receiving.receive(created.batchId(), command.quantity(),
                        StockReference.of(REFERENCE_TYPE, created.lotId()), "Initial intake"));
    }

    /**
     * Creates the lot and the batch, empty and AWAITING_INTAKE, with an empty row at the location (vendor, brand,
     * product and location found or created). Only inside the caller's transaction.
     */
    private Mono<AnnouncedBatch> announceBatch(IntakeCommand command, References references) {
        return vendors.findOrCreate(command.vendorName())
                .flatMap(vendor -> brands.findOrCreate(command.brandName(), vendor.id())
                        .flatMap(brand -> products.findOrCreate(new ProductDetails(brand.id(), references.strainId(),
                                        command.productName(), references.categoryId(), references.subcategoryId(),
                                        ProductRequest.DEFAULT_UOM, null))
                                .flatMap(product -> locations.findOrCreate(command.location())
                                        .flatMap(location -> numbers.next(LOT_SERIES)
                                                .flatMap(lotCode -> intake.insertLot(lotCode, vendor.id(), today()))
                                                .flatMap(lotId -> newBatch(command, references, brand, product,
                                                        lotId)
                                                        .flatMap(batch -> receiving.announce(batch, location.id()))
                                                        .map(batchId -> new AnnouncedBatch(batchId, lotId)))))))
                .flatMap(created -> batches.get(created.batchId())
                        .flatMap(batch -> audit.record(BATCH, batch.id(), "CREATED", null, BatchView.of(batch),
                                "Announced for intake"))
                        .thenReturn(created));
    }

    /**
     * Announces a batch that an intake session will receive (domain §4.1 B): the same checks and find-or-create as a
     * direct intake, but nothing is put on hand; the session's completion is the only receipt for it. The request's
     * quantity is only checked, not received.
     */
    public Mono<Batch> announce(IntakeRequest request) {
        IntakeValidation.Result form = IntakeValidation.check(request);
        IntakeCommand command = form.command();
        return tx.inRetryingTransaction(() -> references(command).flatMap(references -> {
            List<FieldViolation> violations = new ArrayList<>(form.violations());
            violations.addAll(references.violations());
            if (!violations.isEmpty()) {
                return Mono.error(new ValidationException(violations));
            }
            return announceBatch(command, references).flatMap(created -> batches.get(created.batchId()));
        }));
    }

    private record AnnouncedBatch(long batchId, long lotId) {
    }

    /** The SKU uses the stored brand and canonical product names, so every batch of a product shares its prefix. */
    private Mono<NewBatch> newBatch(IntakeCommand command, References references, Brand brand, Product product,
            long lotId) {
        return numbers.next(BATCH_SERIES).map(code -> new NewBatch(code,
                BatchSkus.sku(brand.name(), product.nameCanonical(), code), product.id(), lotId,
                references.gradeId(), command.cogsMode(), command.unitCogs(), command.unitCogsMin(),
                command.unitCogsMax(), command.paymentTerms(), command.expirationDate()));
    }

    /** Lots are dated in UTC, like every other date the API stores. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
