package dev.terp.platform.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.OrderedIds;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.springframework.data.relational.core.query.Criteria.where;

/**
 * One simple table on Spring Data R2DBC: an entity record with {@code @Table}, {@code @Id Long id},
 * {@code @Version Long version}, {@code boolean active} and audited timestamps. Every write is the same unit of work,
 * "lock → check → write → audit", in one retrying transaction: the row lock makes "before" the state the write
 * replaces, the snapshot is taken once (the entity itself, which is also the API's view), a stale version fails in
 * Spring Data's conditional UPDATE ({@code OptimisticLockingFailureException} → 409 VERSION_CONFLICT), a missing row
 * is 404 and a unique-key clash is the table's one CONFLICT message.
 */
public final class SimpleTable<E> {

    private final SimpleTables platform;
    private final Class<E> type;
    private final String resource;
    private final Function<E, String> duplicate;
    private final Function<E, Mono<Void>> check;
    private final Function<E, Mono<?>> view;
    private final Function<List<E>, Mono<List<?>>> pageView;
    private final RelationalPersistentEntity<E> entity;
    private final LockableTable table;

    @SuppressWarnings("unchecked")
    SimpleTable(SimpleTables platform, Class<E> type, String resource, Function<E, String> duplicate,
            Function<E, Mono<Void>> check, Function<E, Mono<?>> view) {
        this(platform, type, resource, duplicate, check, view, null);
    }

    private SimpleTable(SimpleTables platform, Class<E> type, String resource, Function<E, String> duplicate,
            Function<E, Mono<Void>> check, Function<E, Mono<?>> view, Function<List<E>, Mono<List<?>>> pageView) {
        this.pageView = pageView != null ? pageView
                : rows -> Flux.fromIterable(rows).<Object>concatMap(view).collectList().map(views -> views);
        this.platform = platform;
        this.type = type;
        this.resource = resource;
        this.duplicate = duplicate;
        this.check = check;
        this.view = view;
        this.entity = (RelationalPersistentEntity<E>) converter().getMappingContext()
                .getRequiredPersistentEntity(type);
        this.table = new LockableTable(entity.getTableName().toSql(IdentifierProcessing.NONE));
    }

    /** The same table, running {@code check} (references exist, rules hold) before every insert and update. */
    public SimpleTable<E> checkedBy(Function<E, Mono<Void>> check) {
        return new SimpleTable<>(platform, type, resource, duplicate, check, view, pageView);
    }

    /**
     * The same table, showing each row as {@code view} answers it (a category with its subcategories): in responses
     * and in audit snapshots alike. By default a row is shown as the entity record itself.
     */
    public SimpleTable<E> viewedAs(Function<E, Mono<?>> view) {
        return new SimpleTable<>(platform, type, resource, duplicate, check, view, null);
    }

    /**
     * As {@link #viewedAs(Function)}, with {@code page} showing a whole list page at once: a view that reads other
     * tables must read them once per page, not once per row (D-29).
     */
    public SimpleTable<E> viewedAs(Function<E, Mono<?>> view, Function<List<E>, Mono<List<?>>> page) {
        return new SimpleTable<>(platform, type, resource, duplicate, check, view, page);
    }

    /** How a row is shown to clients and in its audit trail. */
    public Mono<?> view(E row) {
        return view.apply(row);
    }

    /** How a list page's rows are shown, in their order. */
    public Mono<List<?>> views(List<E> rows) {
        return rows.isEmpty() ? Mono.just(List.of()) : pageView.apply(rows);
    }

    /** The rows with these ids, by id (an id that matches no row is absent). */
    public Mono<Map<Long, E>> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : findAll(where("id").in(List.copyOf(ids)), Sort.by("id"))
                .map(found -> found.stream().collect(Collectors.toMap(this::idOf, row -> row)));
    }

    public String resource() {
        return resource;
    }

    private SimpleTable<E> unchecked() {
        return new SimpleTable<>(platform, type, resource, duplicate, row -> Mono.empty(), view, pageView);
    }

    public String tableName() {
        return table.name();
    }

    public Mono<E> get(long id) {
        return platform.template.selectOne(Query.query(where("id").is(id)), type)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(label(), id)));
    }

    /** The one row matching, or empty. */
    public Mono<E> find(Criteria criteria) {
        return platform.template.selectOne(Query.query(criteria), type);
    }

    /** The rows with these ids in the order given (an id that matches no row is left out). */
    public Mono<List<E>> findAllInOrder(List<Long> ids) {
        return ids.isEmpty() ? Mono.just(List.of()) : findAll(where("id").in(ids), Sort.by("id")).map(found -> {
            Map<Long, E> byId = found.stream().collect(Collectors.toMap(this::idOf, row -> row));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    public Mono<Long> count(Criteria criteria) {
        return platform.template.count(Query.query(criteria), type);
    }

    /** Counts the rows whose {@code column} refers to {@code id}: a {@link CountingUsageProbe}'s counter. */
    public Mono<Long> countReferencing(String column, long id) {
        return count(where(column).is(id));
    }

    public Mono<List<E>> findAll(Criteria criteria, Sort sort) {
        return platform.template.select(Query.query(criteria).sort(sort), type).collectList();
    }

    /** A keyset page ordered by id: the filter plus {@code id > cursor}, one row more than the page. */
    public Mono<Page<E>> page(Criteria filter, PageRequest page) {
        Criteria after = where("id").greaterThan(page.afterId());
        return platform.template.select(Query.query(filter.isEmpty() ? after : after.and(filter))
                        .sort(Sort.by("id")).limit(page.fetchSize()), type)
                .collectList()
                .map(rows -> Page.of(rows, page, this::idOf));
    }

    public Mono<E> create(E draft) {
        return platform.tx.inRetryingTransaction(() -> insert(draft)).onErrorMap(DuplicateKeyException.class,
                clash -> new ConflictException(duplicate.apply(draft)));
    }

    /** Replaces the row with {@code change(before)}, on the version the client read. */
    public Mono<E> update(long id, long expectedVersion, UnaryOperator<E> change) {
        return write(id, AuditAction.UPDATED, before -> Mono.just(withVersion(change.apply(before), expectedVersion)));
    }

    public Mono<E> setActive(long id, boolean active) {
        return write(id, active ? AuditAction.ACTIVATED : AuditAction.DEACTIVATED,
                before -> Mono.just(with(before, "active", active)));
    }

    /**
     * The one audited write of an existing row: lock it (404 when absent), let {@code change} check and answer the
     * new state, write it, re-read it (what the database stored) and audit before/after.
     */
    public Mono<E> write(long id, AuditAction action, Function<E, Mono<E>> change) {
        return platform.tx.inRetryingTransaction(() -> lock(id).flatMap(before -> view(before).flatMap(was -> change
                .apply(before)
                .flatMap(after -> check.apply(after).then(platform.template.update(after))
                        .onErrorMap(DuplicateKeyException.class,
                                clash -> new ConflictException(duplicate.apply(after))))
                .then(get(id))
                .flatMap(after -> audit(id, action, was, after)))));
    }

    /** Deletes a row nothing refers to ({@link ReferenceGuard} names the users; deactivate those instead). */
    public Mono<Void> delete(long id) {
        return platform.tx.inRetryingTransaction(() -> lock(id).flatMap(view::apply).flatMap(was -> platform
                .references().requireUnused(table.name(), resource, id)
                .then(platform.template.delete(Query.query(where("id").is(id)), type))
                .then(platform.changeLog.record(resource, id, AuditAction.DELETED, was, null, null))));
    }

    /**
     * The row whose unique key has these column values, created from {@code draft} (and audited) when there is none.
     * Race-safe: a concurrent creator's row makes this INSERT fail on the unique key, which on MySQL/MariaDB fails
     * only the statement, and the winner's row is then re-read with a current read (the snapshot would not show it).
     * The table's check does not run: the caller has just resolved the draft's references in this transaction (a
     * plain re-read could miss rows committed after its snapshot), and the foreign keys guard them.
     */
    public Mono<E> findOrCreate(Map<String, Object> key, Supplier<E> draft) {
        Criteria criteria = key.entrySet().stream().map(column -> where(column.getKey()).is(column.getValue()))
                .reduce(Criteria.empty(), Criteria::and);
        return platform.tx.inRetryingTransaction(() -> find(criteria)
                .switchIfEmpty(Mono.defer(() -> unchecked().insert(draft.get()))
                        .onErrorResume(DuplicateKeyException.class, concurrentlyCreated -> select(
                                new KeyColumns(List.copyOf(key.keySet())), key, LockMode.SHARE).next())));
    }

    /**
     * Gives the listed rows {@code property} = their index, all or nothing (unknown or repeated ids: 400). Rows are
     * locked in ascending id order, so concurrent reorders queue instead of deadlocking; only rows that actually
     * move are written (a new version) and audited REORDERED. Answers the rows in the order listed.
     */
    public Mono<List<E>> reorder(List<Long> orderedIds, String property) {
        String noun = resource.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Mono.fromRunnable(() -> OrderedIds.requireWellFormed(orderedIds))
                .then(platform.tx.inRetryingTransaction(() -> lockAll(orderedIds).collectList().flatMap(locked -> {
                    Map<Long, E> byId = locked.stream().collect(Collectors.toMap(this::idOf, row -> row));
                    OrderedIds.requireAllFound(orderedIds, byId.keySet(), noun);
                    return Flux.range(0, orderedIds.size()).concatMap(index -> {
                        E before = byId.get(orderedIds.get(index));
                        PersistentPropertyAccessor<E> accessor = entity.getPropertyAccessor(before);
                        if (Objects.equals(accessor.getProperty(entity.getRequiredPersistentProperty(property)),
                                index)) {
                            return Mono.just(before);
                        }
                        long id = idOf(before);
                        return view(before).flatMap(was -> platform.template.update(with(before, property, index))
                                .then(get(id)).flatMap(after -> audit(id, AuditAction.REORDERED, was, after)));
                    }).collectList();
                })));
    }

    /** Locks the row ({@code SELECT ... FOR UPDATE}) and answers it; 404 when there is none. */
    public Mono<E> lock(long id) {
        return select(new KeyColumns(List.of("id")), Map.of("id", id), LockMode.WAIT).next()
                .switchIfEmpty(Mono.error(() -> new NotFoundException(label(), id)));
    }

    /** Locks the rows with these ids in ascending id order (concurrent writers queue, never deadlock). */
    public Flux<E> lockAll(List<Long> ids) {
        return ids.isEmpty() ? Flux.empty() : read(platform.template.getDatabaseClient()
                .sql("SELECT * FROM " + table.name() + " WHERE id IN (:ids) ORDER BY id" + LockMode.WAIT.clause())
                .bind("ids", ids.stream().sorted().toList()));
    }

    /** An audit row for a change to a row this table wrote: {@code was} is the view taken before, or null. */
    public Mono<E> audit(long id, AuditAction action, Object was, E after) {
        return view(after).flatMap(now -> platform.changeLog.record(resource, id, action, was, now, null))
                .thenReturn(after);
    }

    public long versionOf(E row) {
        return ((Number) entity.getPropertyAccessor(row).getProperty(entity.getRequiredVersionProperty()))
                .longValue();
    }

    public long idOf(E row) {
        return ((Number) entity.getIdentifierAccessor(row).getRequiredIdentifier()).longValue();
    }

    /**
     * Creates {@code draft} unless its unique key is taken (by a committed or a concurrent row, which this waits
     * for); answers whether it created it. Inside a transaction: on MySQL/MariaDB a duplicate fails only the
     * statement.
     */
    public Mono<Boolean> createIfAbsent(E draft, AuditAction action) {
        return insert(draft, action).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, exists -> Mono.just(false));
    }

    private Mono<E> insert(E draft) {
        return insert(draft, AuditAction.CREATED);
    }

    private Mono<E> insert(E draft, AuditAction action) {
        return check.apply(draft)
                .then(Mono.defer(() -> platform.template.insert(draft)))
                .flatMap(inserted -> get(idOf(inserted)))
                .flatMap(created -> audit(idOf(created), action, null, created));
    }

    /** Rows of this table read with a lock clause; only validated identifiers and bound values reach the SQL. */
    private Flux<E> select(KeyColumns columns, Map<String, Object> values, LockMode mode) {
        DatabaseClient.GenericExecuteSpec spec = platform.template.getDatabaseClient()
                .sql("SELECT * FROM " + table.name() + " WHERE " + columns.where() + mode.clause());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return read(spec);
    }

    private Flux<E> read(DatabaseClient.GenericExecuteSpec spec) {
        R2dbcConverter converter = converter();
        return spec.map((row, metadata) -> converter.read(type, row, metadata)).all();
    }

    private E withVersion(E row, long version) {
        return with(row, entity.getRequiredVersionProperty().getName(), version);
    }

    private E with(E row, String property, Object value) {
        var accessor = converter().getPropertyAccessor(entity, row);
        accessor.setProperty(entity.getRequiredPersistentProperty(property), value);
        return accessor.getBean();
    }

    /** The resource as messages name it: {@code PaymentMethod} → {@code Payment method}. */
    private String label() {
        return resource.charAt(0) + resource.substring(1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private R2dbcConverter converter() {
        return platform.template.getConverter();
    }
}
