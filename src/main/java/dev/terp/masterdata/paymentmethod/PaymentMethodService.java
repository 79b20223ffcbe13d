package dev.terp.masterdata.paymentmethod;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.persistence.AuditAction;
import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import static org.springframework.data.relational.core.query.Criteria.where;

@Service
public class PaymentMethodService {

    final SimpleTable<PaymentMethod> methods;
    private final TransactionRunner tx;

    PaymentMethodService(SimpleTables tables, TransactionRunner tx) {
        this.methods = tables.of(PaymentMethod.class, "PaymentMethod",
                method -> "A payment method with code '" + method.code() + "' already exists");
        this.tx = tx;
    }

    public Mono<PaymentMethod> get(long id) {
        return methods.get(id);
    }

    /** {@code code} must already be normalised (upper-case). */
    public Mono<PaymentMethod> getByCode(String code) {
        return methods.find(where("code").is(code))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Payment method", code)));
    }

    /**
     * Creates whichever of the ten default methods are missing, leaving existing ones (even renamed or deactivated)
     * as they are, and records a SEEDED audit row for each one it created. Safe to call concurrently: the unique
     * code key, not a prior read, decides what is missing.
     */
    Mono<SeedResult> seedDefaults() {
        return tx.inRetryingTransaction(() -> Flux.fromIterable(DefaultPaymentMethods.ALL)
                .concatMap(method -> methods.createIfAbsent(method, AuditAction.SEEDED))
                .filter(created -> created)
                .count()
                .flatMap(created -> methods.findAll(where("code").in(DefaultPaymentMethods.CODES), Sort.by("id"))
                        .map(defaults -> new SeedResult(created, inDefaultOrder(defaults)))));
    }

    /** The outcome of {@link #seedDefaults()}: how many were created now, and every default as it stands. */
    record SeedResult(long created, List<PaymentMethod> defaults) {
    }

    private static List<PaymentMethod> inDefaultOrder(List<PaymentMethod> found) {
        // Codes compare case-insensitively in the database (collation), so they do here too.
        Map<String, PaymentMethod> byCode = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        found.forEach(method -> byCode.put(method.code(), method));
        return DefaultPaymentMethods.CODES.stream().map(byCode::get).filter(method -> method != null).toList();
    }
}
