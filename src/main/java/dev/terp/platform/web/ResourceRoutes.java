package dev.terp.platform.web;

import java.util.function.Consumer;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springdoc.core.fn.builders.operation.Builder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.SimpleTable;

import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

/**
 * The HTTP side of a {@link SimpleTable}: list, create, get, replace (If-Match or version), activate, deactivate and
 * delete, each with its permission and OpenAPI operation, so a simple resource declares only what is its own (its
 * filters, its extra actions). Operation ids follow {@code <verb><Resource>}: {@code createVendor}.
 */
@Component
public class ResourceRoutes {

    private final ApiRoutes routes;
    private final RequestBodies bodies;

    public ResourceRoutes(ApiRoutes routes, RequestBodies bodies) {
        this.routes = routes;
        this.bodies = bodies;
    }

    /**
     * @param plural the resource's plural in operation ids ({@code PaymentMethods})
     * @param view   the response schema of one record; {@code page} the list's ({@code {items, nextCursor}})
     */
    public <E, R extends ResourceRequest<E>> Resource<E, R> define(String tag, String plural, String path,
            SimpleTable<E> table, Class<R> body, Class<?> view, Class<?> page) {
        return new Resource<>(routes.define(tag), plural, path, table, body, view, page);
    }

    /**
     * The filter every master-data list offers: {@code q} (contains, case-insensitive, wildcards escaped) over the
     * given columns and {@code active} (true, false or absent = all).
     */
    public static Criteria searchAndActive(ServerRequest request, String... searchedColumns) {
        Criteria criteria = Criteria.empty();
        String q = Responses.searchText(request);
        if (q != null) {
            Criteria anyColumn = Criteria.empty();
            for (String column : searchedColumns) {
                anyColumn = anyColumn.isEmpty() ? Criteria.where(column).like(Like.contains(q))
                        : anyColumn.or(column).like(Like.contains(q));
            }
            // Nested, so a condition and-ed on later cannot bind to the last alternative only.
            criteria = Criteria.empty().and(anyColumn);
        }
        Criteria active = activeFilter(request);
        return active.isEmpty() ? criteria : criteria.isEmpty() ? active : criteria.and(active);
    }

    /** {@code active}: true, false, or absent = all (an empty criteria). */
    public static Criteria activeFilter(ServerRequest request) {
        Boolean active = Responses.booleanParam(request, "active");
        return active == null ? Criteria.empty() : Criteria.where("active").is(active);
    }

    /** Adds {@code column = ?param} when the request has the positive id query parameter {@code param}. */
    public static Criteria withIdParam(Criteria criteria, ServerRequest request, String param, String column) {
        return request.queryParam(param).map(raw -> Responses.positiveLong(raw, param))
                .map(id -> criteria.and(Criteria.where(column).is(id))).orElse(criteria);
    }

    /** Documents an id filter of a list ({@code vendorId}: only brands of this vendor). */
    public static void idParameter(Builder operation, String name, String description) {
        operation.parameter(parameterBuilder().in(ParameterIn.QUERY).name(name).description(description)
                .implementation(Long.class));
    }

    public final class Resource<E, R extends ResourceRequest<E>> {

        private final ApiRoutes.Definitions definitions;
        private final String plural;
        private final String path;
        private final SimpleTable<E> table;
        private final Class<R> body;
        private final Class<?> view;
        private final Class<?> page;
        private final String name;
        private final String noun;

        private Resource(ApiRoutes.Definitions definitions, String plural, String path, SimpleTable<E> table,
                Class<R> body, Class<?> view, Class<?> page) {
            this.definitions = definitions;
            this.plural = plural;
            this.path = path;
            this.table = table;
            this.body = body;
            this.view = view;
            this.page = page;
            this.name = table.resource();
            this.noun = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }

        /** {@code GET path}: a keyset page of the rows {@code filter} selects from the query parameters. */
        public Resource<E, R> list(String permission, String summary, Function<ServerRequest, Criteria> filter,
                Consumer<Builder> parameters) {
            return listFiltered(permission, summary, request -> Mono.just(filter.apply(request)), parameters);
        }

        /** As {@link #list}, for a filter that needs a query of its own first. */
        public Resource<E, R> listFiltered(String permission, String summary,
                Function<ServerRequest, Mono<Criteria>> filter, Consumer<Builder> parameters) {
            definitions.GET(path, permission, request -> {
                PageRequest pageRequest = PageRequest.from(request);
                return filter.apply(request).flatMap(criteria -> table.page(criteria, pageRequest))
                        .flatMap(rows -> table.views(rows.items())
                                .map(views -> new Page<>(views, rows.nextCursor())))
                        .flatMap(Responses::page);
            }, op -> {
                op.operationId("list" + plural).summary(summary)
                        .response(responseBuilder().responseCode("200").implementation(page));
                ApiRoutes.listParameters(op);
                parameters.accept(op);
            });
            return this;
        }

        /** {@code POST path}: creates a record from the body (409 CONFLICT on the table's unique key). */
        public Resource<E, R> create(String permission) {
            definitions.POST(path, permission, request -> bodies.valid(request, body)
                    .flatMap(valid -> table.create(valid.applyTo(null)))
                    .flatMap(created -> table.view(created).flatMap(shown -> Responses.created(path,
                            table.idOf(created), table.versionOf(created), shown))), op -> {
                op.operationId("create" + name).summary("Create a " + noun)
                        .requestBody(requestBodyBuilder().required(true).implementation(body))
                        .response(responseBuilder().responseCode("201").implementation(view));
                ApiRoutes.problem(op, "409", "A " + noun + " with this name exists (CONFLICT)");
            });
            return this;
        }

        /** Get, replace, activate, deactivate and delete at {@code itemsPath/{id}}. */
        public Resource<E, R> items(String itemsPath, String read, String write) {
            String item = itemsPath + "/{id}";
            definitions.GET(item, read, request -> table.get(Responses.id(request)).flatMap(this::versioned),
                    op -> op.operationId("get" + name).summary("Get a " + noun + " (ETag carries the version)")
                            .response(responseBuilder().responseCode("200").implementation(view)));
            definitions.PUT(item, write, request -> {
                long id = Responses.id(request);
                return bodies.valid(request, body)
                        .flatMap(valid -> table.update(id, ExpectedVersion.of(request, valid.version()),
                                valid::applyTo))
                        .flatMap(this::versioned);
            }, op -> {
                op.operationId("update" + name).summary("Replace a " + noun + "'s details (If-Match or version)")
                        .requestBody(requestBodyBuilder().required(true).implementation(body))
                        .response(responseBuilder().responseCode("200").implementation(view));
                ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate name (CONFLICT)");
                ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
            });
            definitions.POST(item + "/activate", write,
                    request -> table.setActive(Responses.id(request), true).flatMap(this::versioned),
                    op -> op.operationId("activate" + name).summary("Make a " + noun + " selectable again")
                            .response(responseBuilder().responseCode("200").implementation(view)));
            definitions.POST(item + "/deactivate", write,
                    request -> table.setActive(Responses.id(request), false).flatMap(this::versioned),
                    op -> op.operationId("deactivate" + name)
                            .summary("Archive a " + noun + "; what refers to it keeps doing so")
                            .response(responseBuilder().responseCode("200").implementation(view)));
            definitions.DELETE(item, write, request -> table.delete(Responses.id(request))
                    .then(Responses.noContent()), op -> {
                op.operationId("delete" + name).summary("Delete a " + noun + " nothing refers to")
                        .response(responseBuilder().responseCode("204").description("Deleted"));
                ApiRoutes.problem(op, "409", "The " + noun + " is in use (CONFLICT names what uses it)");
            });
            return this;
        }

        /** The usual set: list and create at {@code path}, the item routes below it. */
        public Resource<E, R> standard(String read, String write, String listSummary,
                Function<ServerRequest, Criteria> filter, Consumer<Builder> parameters) {
            return list(read, listSummary, filter, parameters).create(write).items(path, read, write);
        }

        /** Routes of the resource's own (reorder, search ...), declared with the same tag. */
        public Resource<E, R> with(Consumer<ApiRoutes.Definitions> more) {
            more.accept(definitions);
            return this;
        }

        public Mono<ServerResponse> versioned(E row) {
            return table.view(row).flatMap(shown -> Responses.versioned(table.versionOf(row), shown));
        }

        public RouterFunction<ServerResponse> build() {
            return definitions.build();
        }
    }
}
