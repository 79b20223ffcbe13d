package dev.terp.masterdata.grade.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.grade.Grade;

@Schema(name = "Grade")
public record GradeView(
        long id,
        String name,
        String description,
        int sortOrder,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static GradeView of(Grade grade) {
        return new GradeView(grade.id(), grade.name(), grade.description(), grade.sortOrder(), grade.active(),
                grade.version(), grade.createdAt(), grade.updatedAt());
    }
}
