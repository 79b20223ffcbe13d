package dev.terp.masterdata.strain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.masterdata.strain.api.StrainView;
import dev.terp.masterdata.strain.domain.StrainNames;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;

import static org.springframework.data.relational.core.query.Criteria.where;

@Service
public class StrainService {

    /** TERP's {@code strains.search} answered at most 20 matches; enough for a picker. */
    public static final int SEARCH_LIMIT = 20;

    final SimpleTable<Strain> strains;
    private final StrainRepository ranking;

    StrainService(SimpleTables tables, StrainRepository ranking) {
        this.strains = tables.of(Strain.class, "Strain", strain -> "A strain whose standardized name is '"
                        + strain.standardizedName() + "' already exists")
                .viewedAs(strain -> Mono.just(StrainView.of(strain)));
        this.ranking = ranking;
    }

    public Mono<Strain> get(long id) {
        return strains.get(id);
    }

    /** The names of the strains with these ids, by id: one query for a whole list page. */
    public Mono<Map<Long, String>> namesOf(Collection<Long> ids) {
        return strains.byIds(ids).map(found -> found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().name())));
    }

    /** The strain whose standardized name matches this name's ("blue  DREAM" finds "Blue Dream"); may be empty. */
    public Mono<Strain> findByName(String name) {
        return strains.find(where("standardized_name").is(StrainNames.standardize(name)));
    }

    /** Active strains whose name, standardized name or an alias contains {@code q}, best matches first. */
    Mono<List<Strain>> search(String q) {
        return ranking.search(q, aliasPattern(q), SEARCH_LIMIT).flatMap(strains::findAllInOrder);
    }

    /** name, standardized name or alias contains q (nested, so later conditions apply to the whole match). */
    static Criteria matching(String q) {
        return Criteria.empty().and(where("name").like(Like.contains(q))
                .or("standardized_name").like(Like.contains(StrainNames.standardize(q)))
                .or("aliases").like(aliasPattern(q)));
    }

    /** The search text as it appears inside the stored JSON, so it matches within one alias, never across two. */
    private static String aliasPattern(String q) {
        String jsonString = JsonMapper.shared().writeValueAsString(q);
        return Like.contains(jsonString.substring(1, jsonString.length() - 1));
    }
}
