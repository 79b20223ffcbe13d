package dev.terp.masterdata.grade.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/grades/reorder}: each listed grade gets sortOrder = its index. */
@Schema(name = "GradeReorderRequest")
public record GradeReorderRequest(
        @NotEmpty @Size(max = 1000)
        @Schema(description = "Distinct positive ids of existing grades, first = sortOrder 0")
        List<Long> orderedIds) {
}
