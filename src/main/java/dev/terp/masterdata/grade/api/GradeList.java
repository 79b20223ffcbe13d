package dev.terp.masterdata.grade.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.grade.Grade;

/** The answer of a reorder: the listed grades, in the order given, with their new sortOrder and version. */
@Schema(name = "GradeList")
public record GradeList(@ArraySchema(maxItems = 1000) List<Grade> items) {
}
