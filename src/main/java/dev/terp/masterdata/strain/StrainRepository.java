package dev.terp.masterdata.strain;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.strain.domain.StrainNames;
import dev.terp.platform.persistence.Like;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The one strain query that is not a simple-table read: ranked search (prefix matches first). */
@Repository
class StrainRepository {

    private final DatabaseClient db;

    StrainRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Ids of active strains matching {@code q}: those whose standardized name starts with q first, each group in
     * standardized order, which also puts an exact match first (it is a prefix of every other prefix match).
     */
    Mono<List<Long>> search(String q, String aliasPattern, int limit) {
        return db.sql("SELECT id FROM strains WHERE active = TRUE AND (name LIKE :q OR standardized_name LIKE "
                        + ":standardQ OR aliases LIKE :aliasQ) ORDER BY LOCATE(:standard, standardized_name) = 1 DESC, "
                        + "standardized_name, id LIMIT :limit")
                .bind("q", Like.contains(q))
                .bind("standardQ", Like.contains(StrainNames.standardize(q)))
                .bind("aliasQ", aliasPattern)
                .bind("standard", StrainNames.standardize(q))
                .bind("limit", limit)
                .map(row -> row.get("id", Long.class))
                .all()
                .collectList();
    }
}
