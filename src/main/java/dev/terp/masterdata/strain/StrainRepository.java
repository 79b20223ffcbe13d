package dev.terp.masterdata.strain;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.masterdata.strain.domain.StrainCategory;
import dev.terp.masterdata.strain.domain.StrainNames;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Strains; {@code aliases} is a JSON array of strings in a TEXT column (NULL when there are none). */
@Repository
class StrainRepository {

    private static final String COLUMNS = "id, name, standardized_name, aliases, category, description, active, "
            + "version, created_at, updated_at";
    private static final String MATCHES = "(name LIKE :q OR standardized_name LIKE :standardQ OR aliases LIKE :aliasQ)";
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    StrainRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Strain> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM strains WHERE id = :id")
                .bind("id", id)
                .map(this::toStrain)
                .one();
    }

    Mono<Strain> findByStandardizedName(String standardizedName) {
        return db.sql("SELECT " + COLUMNS + " FROM strains WHERE standardized_name = :name")
                .bind("name", standardizedName)
                .map(this::toStrain)
                .one();
    }

    Mono<Strain> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM strains WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(this::toStrain)
                .one();
    }

    Mono<List<Strain>> list(String q, StrainCategory category, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM strains WHERE id > :after"
                        + (q == null ? "" : " AND " + MATCHES)
                        + (category == null ? "" : " AND category = :category")
                        + (active == null ? "" : " AND active = :active")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = bindSearch(query, q);
        }
        if (category != null) {
            query = query.bind("category", category.name());
        }
        if (active != null) {
            query = query.bind("active", active);
        }
        return query.map(this::toStrain).all().collectList();
    }

    /**
     * Active strains matching {@code q}: those whose standardized name starts with q first, each group in standardized
     * order, which also puts an exact match first (it is a prefix of every other prefix match).
     */
    Mono<List<Strain>> search(String q, int limit) {
        return bindSearch(db.sql("SELECT " + COLUMNS + " FROM strains WHERE active = TRUE AND " + MATCHES
                        + " ORDER BY LOCATE(:standard, standardized_name) = 1 DESC, standardized_name, id"
                        + " LIMIT :limit"), q)
                .bind("standard", StrainNames.standardize(q))
                .bind("limit", limit)
                .map(this::toStrain)
                .all()
                .collectList();
    }

    Mono<Long> insert(StrainDetails details) {
        return bindDetails(db.sql("INSERT INTO strains (name, standardized_name, aliases, category, description) "
                        + "VALUES (:name, :standardizedName, :aliases, :category, :description)"), details)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, StrainDetails details) {
        return bindDetails(db.sql("UPDATE strains SET name = :name, standardized_name = :standardizedName, "
                        + "aliases = :aliases, category = :category, description = :description, "
                        + "version = version + 1 WHERE id = :id AND version = :version"), details)
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE strains SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM strains WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    /**
     * Binds the three patterns of {@link #MATCHES}. The alias pattern is the search text as it appears inside the
     * stored JSON (quotes and backslashes escaped), so it matches within one alias and never across two.
     */
    private DatabaseClient.GenericExecuteSpec bindSearch(DatabaseClient.GenericExecuteSpec spec, String q) {
        String jsonString = json.writeValueAsString(q);
        return spec.bind("q", Like.contains(q))
                .bind("standardQ", Like.contains(StrainNames.standardize(q)))
                .bind("aliasQ", Like.contains(jsonString.substring(1, jsonString.length() - 1)));
    }

    private DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec,
            StrainDetails details) {
        String aliases = details.aliases().isEmpty() ? null : json.writeValueAsString(details.aliases());
        return spec.bind("name", details.name())
                .bind("standardizedName", details.standardizedName())
                .bind("aliases", Parameter.fromOrEmpty(aliases, String.class))
                .bind("category", Parameter.fromOrEmpty(
                        details.category() == null ? null : details.category().name(), String.class))
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class));
    }

    private Strain toStrain(Readable row) {
        String aliases = row.get("aliases", String.class);
        return new Strain(
                Rows.id(row, "id"),
                row.get("name", String.class),
                row.get("standardized_name", String.class),
                StrainCategory.parse(row.get("category", String.class)).orElse(null),
                aliases == null || aliases.isBlank() ? List.of() : json.readValue(aliases, STRING_LIST),
                row.get("description", String.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
