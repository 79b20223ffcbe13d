package dev.terp.masterdata.grade;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;

@Service
public class GradeService {

    final SimpleTable<Grade> grades;

    GradeService(SimpleTables tables) {
        this.grades = tables.of(Grade.class, "Grade", grade -> "A grade named '" + grade.name() + "' already exists");
    }

    public Mono<Grade> get(long id) {
        return grades.get(id);
    }

    /** The grade with this name, case-insensitively (the column's collation); empty when there is none. */
    public Mono<Grade> findByName(String name) {
        return grades.find(Criteria.where("name").is(name));
    }
}
