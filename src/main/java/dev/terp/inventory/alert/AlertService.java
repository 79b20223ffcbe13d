package dev.terp.inventory.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** An alert slot: a batch and a type; ordered as the unique open slot index orders them. */
    private record Key(long batchId, String type) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byBatch = Long.compare(batchId, other.batchId);
            return byBatch != 0 ? byBatch : type.compareTo(other.type);
        }
    }

    /** How far a run has got: {@code done} of {@code total} alertable batches examined. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> { };

        void report(long done, long total);
    }

    /** What one committed page did; {@code lastId} is the keyset position the next page starts after. */
    private record PageResult(int examined, long lastId, int opened, int updated, int resolved) {
    }

    /** The counts of a run, added up page by page (pages run one after another, never concurrently). */
    private static final class Tally {
        long done;
        int opened;
        int updated;
        int resolved;

        void add(PageResult page) {
            done += page.examined();
            opened += page.opened();
            updated += page.updated();
            resolved += page.resolved();
        }
    }

    public Mono<GenerateResult> generate() {
        return generate(Progress.NONE);
    }

    /**
     * Opens the missing alerts, refreshes the changed ones and resolves those whose condition no longer holds, in
     * bounded pages (D-29), each its own short retrying transaction, so no run holds more than a page of batches
     * and alerts in memory or in locks, however many batches there are:
     * <ol>
     *   <li>alertable batches (LIVE, PHOTOGRAPHY_COMPLETE) in ascending id, {@code terp.inventory.alerts.page-size}
     *       at a time: read the page, lock the open alerts of its batches, read their latest INTAKE and SALE in one
     *       grouped query, then open, refresh and resolve (a sale resolves SLOW_MOVING) for these batches only;</li>
     *   <li>then open alerts whose batch has left the alertable set, a page at a time, resolved if still open.</li>
     * </ol>
     * Idempotent per batch and type: the unique open slot allows one open alert per batch+type, and a page's
     * locking read of its batches' open alerts (gaps included) makes a concurrent run's page over the same batches
     * wait, then see what this one opened; a deadlock between the two is retried like any other. A run is not one
     * snapshot: a batch changed while it runs is seen by the page that reads it, or by the next run.
     * {@code progress} hears after every batch page, against the alertable batches counted at the start.
     */
    public Mono<GenerateResult> generate(Progress progress) {
        AlertRules.Thresholds thresholds = properties.thresholds();
        int pageSize = properties.pageSize();
        return generation.observe(alerts.countAlertable().flatMap(total -> {
            Tally tally = new Tally();
            // Each expansion runs the page after the previous one; the seed stands for a full page ending at id 0,
            // and a short page (fewer than pageSize rows) is the last.
            Mono<Void> batchPages = Mono.just(new PageResult(pageSize, 0, 0, 0, 0))
                    .expand(previous -> previous.examined() < pageSize ? Mono.empty()
                            : tx.inRetryingTransaction(() -> batchPage(previous.lastId(), pageSize, thresholds))
                                    .doOnNext(page -> {
                                        tally.add(page);
                                        if (page.examined() > 0) {
                                            progress.report(tally.done, Math.max(total, tally.done));
                                        }
                                    }))
                    .then();
            Mono<Void> stalePages = Mono.just(new PageResult(pageSize, 0, 0, 0, 0))
                    .expand(previous -> previous.examined() < pageSize ? Mono.empty()
                            : tx.inRetryingTransaction(() -> stalePage(previous.lastId(), pageSize))
                                    .doOnNext(page -> tally.resolved += page.resolved()))
                    .then();
            return batchPages.then(stalePages)
                    .then(Mono.fromSupplier(() -> new GenerateResult(tally.opened, tally.updated, tally.resolved)));
        }));
    }

    /** One page of alertable batches after {@code afterId}, in the caller's transaction. */
    private Mono<PageResult> batchPage(long afterId, int pageSize, AlertRules.Thresholds thresholds) {
        // Sequential, not zipped: every read shares the transaction's one connection.
        return alerts.alertableBatches(afterId, pageSize).flatMap(batches -> {
            if (batches.isEmpty()) {
                return Mono.just(new PageResult(0, afterId, 0, 0, 0));
            }
            List<Long> ids = batches.stream().map(AlertRepository.BatchFacts::id).toList();
            List<Long> withStock = batches.stream().filter(batch -> batch.onHand().signum() > 0)
                    .map(AlertRepository.BatchFacts::id).toList();
            long lastId = ids.get(ids.size() - 1);
            return alerts.lockOpenOf(ids).collectList().flatMap(open -> alerts.stockDates(withStock)
                    .flatMap(dates -> {
                        Map<Key, AlertRules.Alert> wanted = wanted(batches, dates, thresholds);
                        Map<Key, InventoryAlert> openByKey = new HashMap<>();
                        open.forEach(alert -> openByKey.put(new Key(alert.batchId(), alert.type()), alert));
                        int[] counts = new int[2];
                        Flux<Long> writes = Flux.fromIterable(wanted.entrySet()).concatMap(entry -> {
                            Key key = entry.getKey();
                            AlertRules.Alert alert = entry.getValue();
                            InventoryAlert existing = openByKey.get(key);
                            if (existing == null) {
                                counts[0]++;
                                return alerts.insert(key.batchId(), key.type(), alert.severity().name(),
                                        alert.threshold(), alert.currentValue(), alert.message());
                            }
                            if (changed(existing, alert)) {
                                counts[1]++;
                                return alerts.updateFacts(existing.id(), alert.severity().name(),
                                        alert.threshold(), alert.currentValue(), alert.message());
                            }
                            return Mono.empty();
                        });
                        List<Long> gone = open.stream()
                                .filter(alert -> !wanted.containsKey(new Key(alert.batchId(), alert.type())))
                                .map(InventoryAlert::id).toList();
                        return writes.then(alerts.resolveOpen(gone, AUTO_RESOLUTION)).map(resolved ->
                                new PageResult(batches.size(), lastId, counts[0], counts[1],
                                        Math.toIntExact(resolved)));
                    }));
        });
    }

    /** The alerts the rules want for a page of batches, in index order (batch, type) so inserts follow the locks. */
    private Map<Key, AlertRules.Alert> wanted(List<AlertRepository.BatchFacts> batches,
            Map<Long, AlertRepository.StockDates> dates, AlertRules.Thresholds thresholds) {
        LocalDate today = LocalDate.now(clock);
        Map<Key, AlertRules.Alert> wanted = new TreeMap<>();
        for (AlertRepository.BatchFacts batch : batches) {
            AlertRepository.StockDates stock = dates.getOrDefault(batch.id(),
                    new AlertRepository.StockDates(null, null));
            Instant inStockSince = stock.lastIntake() == null ? batch.createdAt() : stock.lastIntake();
            AlertRules.BatchFacts facts = new AlertRules.BatchFacts(BatchStatus.valueOf(batch.status()),
                    batch.onHand(), batch.expiration(), day(inStockSince),
                    stock.lastSale() == null ? null : day(stock.lastSale()));
            for (AlertRules.Alert alert : AlertRules.evaluate(facts, today, thresholds)) {
                wanted.put(new Key(batch.id(), alert.type().name()), alert);
            }
        }
        return wanted;
    }

    /** One page of open alerts whose batch is no longer alertable, after alert id {@code afterId}: resolved. */
    private Mono<PageResult> stalePage(long afterId, int pageSize) {
        return alerts.staleOpenAlerts(afterId, pageSize).flatMap(ids -> ids.isEmpty()
                ? Mono.just(new PageResult(0, afterId, 0, 0, 0))
                : alerts.resolveOpen(ids, AUTO_RESOLUTION).map(resolved -> new PageResult(ids.size(),
                        ids.get(ids.size() - 1), 0, 0, Math.toIntExact(resolved))));
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
