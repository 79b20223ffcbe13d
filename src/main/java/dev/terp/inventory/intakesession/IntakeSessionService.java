package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.inventory.batch.Batch;
import dev.terp.inventory.batch.IntakeReceivingPort;
import dev.terp.inventory.batch.StockReference;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.IntakeSessionStatus;
import dev.terp.inventory.domain.IntakeSessionTotals;
import dev.terp.inventory.domain.InvalidIntakeSessionTransition;
import dev.terp.inventory.domain.Quantities;
import dev.terp.inventory.intake.IntakeService;
import dev.terp.inventory.intake.api.IntakeRequest;
import dev.terp.inventory.intakesession.IntakeSessionRepository.NewSession;
import dev.terp.inventory.intakesession.api.AnnouncedBatchRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionLineView;
import dev.terp.inventory.intakesession.api.IntakeSessionRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionSummary;
import dev.terp.masterdata.vendor.VendorService;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.InvalidStateTransitionException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.errors.VersionConflictException;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.sequence.DocumentNumbers;
import dev.terp.platform.sequence.DocumentSeries;
import dev.terp.platform.sequence.NumberingStrategy;
import dev.terp.platform.text.Texts;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * Multi-batch receiving (domain §4.1 B). Every change of a session or its lines locks the session row first, so
 * line edits, completion and cancellation of one session queue behind each other and each sees the state the last
 * one left; totals are recomputed from the lines in the same transaction. Completion receives every line's stock and
 * makes every batch LIVE in one transaction, all or nothing, unlike TERP (which also set the invalid status ACTIVE,
 * D-12). The acting user is the token's (D-02); session numbers come from a sequence, not the clock (D-15).
 */
@Service
public class IntakeSessionService {

    static final DocumentSeries SESSION_SERIES = new DocumentSeries("INTAKE", NumberingStrategy.STANDARD, 6, false);
    static final String RESOURCE = "IntakeSession";
    static final String LINE = "IntakeSessionLine";
    /**
     * The most lines one session may hold. Completion receives every line (batch lock, stock, location rows,
     * movements, LIVE) in one transaction under the 10 s deadline, so a session must stay small enough to complete.
     */
    public static final int MAX_LINES = 200;
    /** What the INTAKE movements of a completion point at, with the session id. */
    public static final String REFERENCE_TYPE = "INTAKE_SESSION";

    private final IntakeSessionRepository sessions;
    private final IntakeReceivingPort receiving;
    private final VendorService vendors;
    private final IntakeService intake;
    private final DocumentNumbers numbers;
    private final TransactionRunner tx;
    private final BusinessTelemetry.Operation completion;
    private final BusinessTelemetry.Amount unitsReceived;
    private final AuditTrail audit;

    IntakeSessionService(IntakeSessionRepository sessions, IntakeReceivingPort receiving, VendorService vendors,
            IntakeService intake, DocumentNumbers numbers, TransactionRunner tx, AuditTrail audit,
            BusinessTelemetry telemetry) {
        this.intake = intake;
        this.completion = telemetry.operation("inventory.intake", "source", "session");
        this.unitsReceived = telemetry.amount("inventory.units", "movement", "received");
        this.sessions = sessions;
        this.receiving = receiving;
        this.vendors = vendors;
        this.numbers = numbers;
        this.tx = tx;
        this.audit = audit;
    }

    /** A line just added and the session it now belongs to. */
    public record AddedLine(long lineId, IntakeSessionDetails details) {
    }

    public Mono<IntakeSessionDetails> create(IntakeSessionRequest request) {
        List<FieldViolation> form = IntakeSessionValidation.session(request);
        return tx.inRetryingTransaction(() -> RequestContext.actingUser()
                .flatMap(actor -> vendorViolations(request.vendorId()).flatMap(vendorProblems -> {
                    List<FieldViolation> violations = new ArrayList<>(vendorProblems);
                    violations.addAll(form);
                    if (!violations.isEmpty()) {
                        // Checked before the number is allocated, so a refused request leaves no gap.
                        return Mono.error(new ValidationException(violations));
                    }
                    return numbers.next(SESSION_SERIES)
                            .flatMap(number -> sessions.insert(new NewSession(number, request.vendorId(),
                                    request.receiveDate(), actor.userId(), request.paymentTerms().trim(),
                                    request.paymentDueDate(), Texts.blankToNull(
                                            request.internalNotes()),
                                    Texts.blankToNull(request.vendorNotes()))))
                            .flatMap(this::details)
                            .flatMap(created -> audit.record(RESOURCE, created.session().id(), "CREATED", null,
                                    IntakeSessionSummary.of(created.session()), null).thenReturn(created));
                })));
    }

    /** Unknown and archived (inactive) vendors are both refused on vendorId. */
    private Mono<List<FieldViolation>> vendorViolations(long vendorId) {
        return vendors.get(vendorId)
                .map(vendor -> vendor.active()
                        ? List.<FieldViolation>of()
                        : List.of(new FieldViolation("vendorId", "vendor " + vendorId + " is archived")))
                .onErrorResume(NotFoundException.class, missing -> Mono.just(List.of(
                        new FieldViolation("vendorId", "no vendor has id " + vendorId))));
    }

    public Mono<IntakeSessionDetails> get(long id) {
        return details(id);
    }

    public Mono<Page<IntakeSession>> list(IntakeSessionFilter filter, PageRequest page) {
        return sessions.list(filter, page).map(rows -> Page.of(rows, page, IntakeSession::id));
    }

    /**
     * A line names an announced batch (it must exist — 400 otherwise —, await intake, hold nothing yet, come from
     * the session's vendor and not be in the session yet; 409 otherwise) or announces a new one with the line. The
     * session must hold fewer than {@link #MAX_LINES} lines (409 otherwise). Completion is then the only receipt of
     * the batch: stock received another way (a direct intake) can never be received again here.
     */
    public Mono<AddedLine> addLine(long sessionId, LineCommand line) {
        BigDecimal total = lineTotal(line);
        return tx.inRetryingTransaction(() -> lockEditable(sessionId)
                .flatMap(this::requireRoomForLine)
                .flatMap(session -> lineBatch(session, line)
                        .flatMap(batch -> sessions.containsBatch(sessionId, batch.id()).flatMap(present -> present
                                ? Mono.error(new ConflictException("Batch " + batch.code() + " is already in intake "
                                        + "session " + session.sessionNumber()))
                                : sessions.insertLine(sessionId, batch.id(), line, total))))
                .flatMap(lineId -> recomputeTotal(sessionId)
                        .then(sessions.findLine(sessionId, lineId))
                        .flatMap(added -> audit.record(RESOURCE, sessionId, "LINE_ADDED", null,
                                IntakeSessionLineView.of(added), null))
                        .then(details(sessionId))
                        .map(details -> new AddedLine(lineId, details))));
    }

    /**
     * {@code expectedVersion} is the session's (its ETag): the client saw the whole session, totals included, when
     * it decided on the change.
     */
    public Mono<IntakeSessionDetails> updateLine(long sessionId, long lineId, LineCommand line, long expectedVersion) {
        BigDecimal total = lineTotal(line);
        return tx.inRetryingTransaction(() -> lockEditable(sessionId)
                .flatMap(session -> session.version() != expectedVersion
                        ? Mono.error(new VersionConflictException())
                        : existingLine(sessionId, lineId))
                .flatMap(before -> sessions.updateLine(lineId, line, total)
                        .then(recomputeTotal(sessionId))
                        .then(sessions.findLine(sessionId, lineId))
                        .flatMap(after -> audit.record(RESOURCE, sessionId, "LINE_UPDATED",
                                IntakeSessionLineView.of(before), IntakeSessionLineView.of(after), null)))
                .then(details(sessionId)));
    }

    public Mono<IntakeSessionDetails> removeLine(long sessionId, long lineId) {
        return tx.inRetryingTransaction(() -> lockEditable(sessionId)
                .flatMap(session -> existingLine(sessionId, lineId))
                .flatMap(before -> sessions.deleteLine(lineId)
                        .then(recomputeTotal(sessionId))
                        .then(audit.record(RESOURCE, sessionId, "LINE_REMOVED", IntakeSessionLineView.of(before),
                                null, null)))
                .then(details(sessionId)));
    }

    /**
     * Receives every line and makes every batch LIVE, or nothing: the session is locked first, then its batches in
     * ascending id order (the order every multi-batch change uses, so overlapping completions queue instead of
     * deadlocking), and every batch is checked before the first write. A parallel second completion waits on the
     * session lock and then finds it COMPLETED. Until the batches are locked only locking reads run: the first plain
     * read fixes the transaction's snapshot, and the location rows the batches' stock goes to must be read after
     * the batches are locked.
     */
    public Mono<IntakeSessionDetails> complete(long id) {
        return completion.observe(completeInTransaction(id))
                .doOnNext(done -> done.lines().forEach(line -> unitsReceived.add(line.receivedQty())));
    }

    private Mono<IntakeSessionDetails> completeInTransaction(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(session -> requireMove(session, IntakeSessionStatus.COMPLETED))
                .flatMap(session -> sessions.lockLineBatchIds(id).flatMap(batchIds -> {
                    if (batchIds.isEmpty()) {
                        return Mono.error(new ConflictException("Intake session " + session.sessionNumber()
                                + " has no lines; add at least one batch before completing it"));
                    }
                    StockReference reference = StockReference.of(REFERENCE_TYPE, id);
                    String reason = "Intake session " + session.sessionNumber();
                    return receiving.lockInIdOrder(batchIds).flatMap(locked -> sessions.lines(id).flatMap(lines -> {
                        List<IntakeSessionLine> byBatch = lines.stream()
                                .sorted(Comparator.comparingLong(IntakeSessionLine::batchId)).toList();
                        return refuseUnreceivable(session, lines, locked)
                                .thenMany(Flux.fromIterable(byBatch).concatMap(line -> receiving
                                        .receive(line.batchId(), line.receivedQty(), reference, reason)
                                        .then(receiving.goLive(line.batchId(), reason))))
                                .then(sessions.markCompleted(id))
                                .then(details(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "COMPLETED",
                                        IntakeSessionSummary.of(session), IntakeSessionSummary.of(after.session()),
                                        null).thenReturn(after));
                    }));
                })));
    }

    /** Names every batch that no longer awaits intake; nothing has been written when this refuses. */
    private static Mono<Void> refuseUnreceivable(IntakeSession session, List<IntakeSessionLine> lines,
            List<Batch> locked) {
        Map<Long, Batch> byId = new HashMap<>();
        locked.forEach(batch -> byId.put(batch.id(), batch));
        List<FieldViolation> refused = new ArrayList<>();
        List<FieldViolation> received = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            IntakeSessionLine line = lines.get(i);
            Batch batch = byId.get(line.batchId());
            if (batch == null || batch.status() != BatchStatus.AWAITING_INTAKE) {
                String state = batch == null ? "gone" : batch.status().name();
                refused.add(new FieldViolation("lines[" + i + "].batchId", "batch " + line.batchCode() + " (id "
                        + line.batchId() + ") is " + state + ", not AWAITING_INTAKE"));
                names.add(line.batchCode() + " (" + state + ")");
            } else if (!batch.quantities().equals(Quantities.ZERO)) {
                received.add(new FieldViolation("lines[" + i + "].batchId", "batch " + line.batchCode() + " (id "
                        + line.batchId() + ") already holds " + Quantities.format(batch.onHandQty()) + " on hand"));
            }
        }
        if (!refused.isEmpty()) {
            return Mono.error(new ApiException(ErrorCode.CONFLICT, "Intake session " + session.sessionNumber()
                    + " cannot be completed: " + String.join(", ", names) + " no longer AWAITING_INTAKE; nothing "
                    + "was received", refused));
        }
        if (!received.isEmpty()) {
            return Mono.error(new ApiException(ErrorCode.BATCH_ALREADY_RECEIVED, "Intake session "
                    + session.sessionNumber() + " cannot be completed: " + received.size() + " of its batches "
                    + "already hold stock received another way; nothing was received", received));
        }
        return Mono.empty();
    }

    /** Nothing touches stock: the lines' batches stay AWAITING_INTAKE for another session. */
    public Mono<IntakeSessionDetails> cancel(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(session -> requireMove(session, IntakeSessionStatus.CANCELLED))
                .flatMap(before -> sessions.markCancelled(id)
                        .then(details(id))
                        .flatMap(after -> audit.record(RESOURCE, id, "CANCELLED", IntakeSessionSummary.of(before),
                                IntakeSessionSummary.of(after.session()), null).thenReturn(after))));
    }

    /**
     * The receipt of a completed session. The first call records when it was generated (and audits it); later calls
     * answer the same receipt with that original time.
     */
    public Mono<IntakeReceipt> receipt(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(session -> {
                    if (session.status() != IntakeSessionStatus.COMPLETED) {
                        return Mono.error(new ConflictException("Intake session " + session.sessionNumber() + " is "
                                + session.status() + "; only a COMPLETED session has a receipt"));
                    }
                    if (session.receiptGenerated()) {
                        return Mono.just(session);
                    }
                    return sessions.markReceiptGenerated(id)
                            .then(sessions.findById(id))
                            .flatMap(after -> audit.record(RESOURCE, id, "RECEIPT_GENERATED",
                                    IntakeSessionSummary.of(session), IntakeSessionSummary.of(after), null)
                                    .thenReturn(after));
                })
                .flatMap(session -> Mono.zip(vendors.get(session.vendorId()), sessions.receiptLines(id))
                        .map(found -> new IntakeReceipt(session, found.getT1().name(), found.getT2()))));
    }

    private Mono<IntakeSessionDetails> details(long id) {
        return sessions.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .flatMap(session -> sessions.lines(id).map(lines -> new IntakeSessionDetails(session, lines)));
    }

    private Mono<IntakeSession> lockExisting(long id) {
        return sessions.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    private Mono<IntakeSession> lockEditable(long id) {
        return lockExisting(id).flatMap(session -> session.status().isEditable()
                ? Mono.just(session)
                : Mono.error(new InvalidStateTransitionException("Intake session " + session.sessionNumber()
                        + " is " + session.status() + "; its lines can change only while it is IN_PROGRESS")));
    }

    private static Mono<IntakeSession> requireMove(IntakeSession session, IntakeSessionStatus target) {
        try {
            session.status().moveTo(target);
            return Mono.just(session);
        } catch (InvalidIntakeSessionTransition refused) {
            return Mono.error(new InvalidStateTransitionException("Intake session " + session.sessionNumber()
                    + " cannot go from " + refused.from() + " to " + refused.to()));
        }
    }

    private Mono<IntakeSessionLine> existingLine(long sessionId, long lineId) {
        return sessions.findLine(sessionId, lineId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(LINE, lineId)));
    }

    private Mono<IntakeSession> requireRoomForLine(IntakeSession session) {
        return sessions.countLines(session.id()).flatMap(count -> count < MAX_LINES
                ? Mono.just(session)
                : Mono.error(new ConflictException("Intake session " + session.sessionNumber() + " already has "
                        + MAX_LINES + " lines, the most one session can hold; complete it and receive the other "
                        + "batches in another session")));
    }

    /**
     * The line's batch: announced now, or an announced batch read current under a shared lock, after the session
     * lock (session, then batch, like {@link #complete}): a completion receiving it holds its row lock, so this waits
     * and then sees the result, and until this transaction ends no one changes the batch under the new line.
     */
    private Mono<Batch> lineBatch(IntakeSession session, LineCommand line) {
        if (line.batch() != null) {
            return announce(session, line);
        }
        return receiving.shareLock(line.batchId())
                .switchIfEmpty(Mono.error(() -> ValidationException.of("batchId", "no batch has id "
                        + line.batchId())))
                .flatMap(batch -> receiving.vendorOf(batch.id()).flatMap(vendorId -> {
                    if (batch.status() != BatchStatus.AWAITING_INTAKE) {
                        return Mono.error(new ConflictException("Batch " + batch.code() + " is " + batch.status()
                                + "; only AWAITING_INTAKE batches can be received in an intake session"));
                    }
                    if (!batch.quantities().equals(Quantities.ZERO)) {
                        return Mono.error(new ApiException(ErrorCode.BATCH_ALREADY_RECEIVED, "Batch "
                                + batch.code() + " already holds " + Quantities.format(batch.onHandQty())
                                + " on hand (received by a direct intake or changed since); a session receives "
                                + "only announced batches, so its stock is never counted twice"));
                    }
                    if (vendorId != session.vendorId()) {
                        return Mono.error(new ApiException(ErrorCode.VENDOR_MISMATCH, "Batch " + batch.code()
                                + " was bought from vendor " + vendorId + ", not from the session's vendor "
                                + session.vendorId()));
                    }
                    return Mono.just(batch);
                }));
    }

    /** The new batch comes from the session's vendor; its fields are checked like a direct intake's. */
    private Mono<Batch> announce(IntakeSession session, LineCommand line) {
        AnnouncedBatchRequest b = line.batch();
        return vendors.get(session.vendorId())
                .flatMap(vendor -> intake.announce(new IntakeRequest(vendor.name(), b.brandName(), b.productName(),
                        b.strainName(), b.category(), b.subcategory(), b.grade(), line.receivedQty(), b.cogsMode(),
                        b.unitCogs(), b.unitCogsMin(), b.unitCogsMax(), b.paymentTerms(), b.location(),
                        b.expirationDate())))
                .onErrorMap(ValidationException.class, invalid -> new ValidationException(invalid.violations()
                        .stream().map(v -> new FieldViolation("batch." + v.field(), v.message())).toList()));
    }

    /** Runs under the session lock, so the stored total is always the sum of the stored lines. */
    private Mono<Void> recomputeTotal(long sessionId) {
        return sessions.lineTotals(sessionId)
                .map(IntakeSessionTotals::sessionTotal)
                .flatMap(total -> fitsMoneyColumn(total)
                        ? sessions.updateTotal(sessionId, total)
                        : Mono.error(ValidationException.of("unitCost", "the session total would exceed the "
                                + "largest amount an intake session can hold (" + Decimals.MONEY_INTEGER_DIGITS
                                + " digits before the point); lower receivedQty or unitCost")))
                .then();
    }

    private static BigDecimal lineTotal(LineCommand line) {
        BigDecimal total = IntakeSessionTotals.lineTotal(line.receivedQty(), line.unitCost());
        if (!fitsMoneyColumn(total)) {
            throw ValidationException.of("unitCost", "receivedQty x unitCost must have at most "
                    + Decimals.MONEY_INTEGER_DIGITS + " digits before the point");
        }
        return total;
    }

    private static boolean fitsMoneyColumn(BigDecimal amount) {
        return amount.precision() - amount.scale() <= Decimals.MONEY_INTEGER_DIGITS;
    }
}
