package dev.terp.inventory.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.inventory.alert.api.AlertSummaryView;
import dev.terp.inventory.alert.api.AlertView;
import dev.terp.inventory.alert.api.GenerateResult;
import dev.terp.inventory.domain.AlertRules;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.platform.errors.InvalidStateTransitionException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/** Inventory alerts (domain §4.17): generate from the rules, list, summarise, acknowledge, resolve. */
@Service
public class AlertService {

    static final String RESOURCE = "InventoryAlert";
    static final String AUTO_RESOLUTION = "Auto-resolved: the condition no longer holds";

    private final AlertRepository alerts;
    private final TransactionRunner tx;
    private final AlertProperties properties;
    private final Clock clock;
    private final BusinessTelemetry.Operation generation;

    AlertService(AlertRepository alerts, TransactionRunner tx, AlertProperties properties, Clock clock,
            BusinessTelemetry telemetry) {
        this.generation = telemetry.operation("inventory.alert_generation");
        this.alerts = alerts;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    private record Key(long batchId, String type) {
    }

    /**
     * One retrying transaction: lock every open alert (id order), read the alertable batches and, in one grouped
     * query, the latest INTAKE and SALE of each, then open the missing alerts, refresh the changed ones and resolve those whose
     * condition no longer holds (or whose batch left LIVE/PHOTOGRAPHY_COMPLETE): a sale resolves SLOW_MOVING.
     * Locking the open alerts first makes concurrent runs queue, so no duplicate opens.
     */
    public Mono<GenerateResult> generate() {
        AlertRules.Thresholds thresholds = properties.thresholds();
        return generation.observe(tx.inRetryingTransaction(() -> alerts.lockOpen().collectList().flatMap(open -> {
            LocalDate today = LocalDate.now(clock);
            Map<Key, InventoryAlert> openByKey = new HashMap<>();
            open.forEach(alert -> openByKey.put(new Key(alert.batchId(), alert.type()), alert));
            // Sequential, not zipped: both reads share the transaction's one connection.
            return alerts.alertableBatches().collectList().flatMap(batches -> alerts.stockDates().flatMap(dates -> {
                Map<Key, AlertRules.Alert> wanted = new HashMap<>();
                List<Key> order = new ArrayList<>();
                for (AlertRepository.BatchFacts batch : batches) {
                    AlertRepository.StockDates stock = dates.getOrDefault(batch.id(),
                            new AlertRepository.StockDates(null, null));
                    Instant inStockSince = stock.lastIntake() == null ? batch.createdAt() : stock.lastIntake();
                    AlertRules.BatchFacts facts = new AlertRules.BatchFacts(BatchStatus.valueOf(batch.status()),
                            batch.onHand(), batch.expiration(), day(inStockSince),
                            stock.lastSale() == null ? null : day(stock.lastSale()));
                    for (AlertRules.Alert alert : AlertRules.evaluate(facts, today, thresholds)) {
                        Key key = new Key(batch.id(), alert.type().name());
                        wanted.put(key, alert);
                        order.add(key);
                    }
                }
                int[] counts = new int[3];
                Flux<Long> opens = Flux.fromIterable(order).concatMap(key -> {
                    AlertRules.Alert alert = wanted.get(key);
                    InventoryAlert existing = openByKey.get(key);
                    if (existing == null) {
                        counts[0]++;
                        return alerts.insert(key.batchId(), key.type(), alert.severity().name(), alert.threshold(),
                                alert.currentValue(), alert.message());
                    }
                    if (changed(existing, alert)) {
                        counts[1]++;
                        return alerts.updateFacts(existing.id(), alert.severity().name(), alert.threshold(),
                                alert.currentValue(), alert.message());
                    }
                    return Mono.empty();
                });
                Flux<Long> resolves = Flux.fromIterable(open)
                        .filter(alert -> !wanted.containsKey(new Key(alert.batchId(), alert.type())))
                        .concatMap(alert -> {
                            counts[2]++;
                            return alerts.resolve(alert.id(), AUTO_RESOLUTION);
                        });
                return opens.thenMany(resolves).then(Mono.fromSupplier(
                        () -> new GenerateResult(counts[0], counts[1], counts[2])));
            }));
        })));
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    /** Open alerts counted by type and by severity, from one grouped query. */
    public Mono<AlertSummaryView> summary() {
        return alerts.countOpen().collectList().map(AlertService::summarise);
    }

    private static AlertSummaryView summarise(List<AlertRepository.OpenCount> rows) {
        Map<String, long[]> byType = new LinkedHashMap<>();
        for (AlertRules.Type type : AlertRules.Type.values()) {
            byType.put(type.name(), new long[2]);
        }
        Map<String, long[]> bySeverity = new LinkedHashMap<>();
        for (AlertRules.Severity severity : List.of(AlertRules.Severity.HIGH, AlertRules.Severity.MEDIUM,
                AlertRules.Severity.LOW)) {
            bySeverity.put(severity.name(), new long[2]);
        }
        long[] totals = new long[2];
        for (AlertRepository.OpenCount row : rows) {
            int slot = InventoryAlert.ACTIVE.equals(row.status()) ? 0 : 1;
            byType.computeIfAbsent(row.type(), unknown -> new long[2])[slot] += row.count();
            bySeverity.computeIfAbsent(row.severity(), unknown -> new long[2])[slot] += row.count();
            totals[slot] += row.count();
        }
        return new AlertSummaryView(totals[0], totals[1], totals[0] + totals[1],
                byType.entrySet().stream().map(entry -> new AlertSummaryView.TypeCount(entry.getKey(),
                        entry.getValue()[0], entry.getValue()[1], entry.getValue()[0] + entry.getValue()[1])).toList(),
                bySeverity.entrySet().stream().map(entry -> new AlertSummaryView.SeverityCount(entry.getKey(),
                        entry.getValue()[0], entry.getValue()[1], entry.getValue()[0] + entry.getValue()[1])).toList());
    }

    public Mono<Page<AlertView>> list(String status, String type, Long batchId, PageRequest page) {
        return alerts.list(status, type, batchId, page)
                .map(rows -> Page.of(rows, page, InventoryAlert::id).map(AlertService::toView));
    }

    /** ACTIVE → ACKNOWLEDGED by the token's user. */
    public Mono<AlertView> acknowledge(long id) {
        return RequestContext.actingUser().flatMap(actor -> tx.inRetryingTransaction(() -> lock(id).flatMap(alert -> {
            if (!InventoryAlert.ACTIVE.equals(alert.status())) {
                return Mono.error(new InvalidStateTransitionException(
                        "Only an ACTIVE alert can be acknowledged; this one is " + alert.status()));
            }
            return alerts.acknowledge(id, actor.userId()).then(alerts.findById(id));
        }))).map(AlertService::toView);
    }

    /** ACTIVE or ACKNOWLEDGED → RESOLVED with the given resolution. */
    public Mono<AlertView> resolve(long id, String resolution) {
        return RequestContext.actingUser().flatMap(actor -> tx.inRetryingTransaction(() -> lock(id).flatMap(alert -> {
            if (InventoryAlert.RESOLVED.equals(alert.status())) {
                return Mono.error(new InvalidStateTransitionException("The alert is already RESOLVED"));
            }
            return alerts.resolve(id, resolution.trim()).then(alerts.findById(id));
        }))).map(AlertService::toView);
    }

    private Mono<InventoryAlert> lock(long id) {
        return alerts.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    private static boolean changed(InventoryAlert existing, AlertRules.Alert alert) {
        return !existing.severity().equals(alert.severity().name())
                || existing.threshold().compareTo(alert.threshold()) != 0
                || existing.currentValue().compareTo(alert.currentValue()) != 0;
    }

    static AlertView toView(InventoryAlert alert) {
        return new AlertView(alert.id(), alert.batchId(), alert.type(), alert.severity(), alert.status(),
                Decimals.formatQuantity(alert.threshold()), Decimals.formatQuantity(alert.currentValue()),
                alert.message(), alert.acknowledgedBy(), alert.acknowledgedAt(), alert.resolvedAt(),
                alert.resolution(), alert.version(), alert.createdAt(), alert.updatedAt());
    }
}
