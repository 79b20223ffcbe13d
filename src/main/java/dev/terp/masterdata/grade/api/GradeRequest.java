package dev.terp.masterdata.grade.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.grade.Grade;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/grades} and {@code PUT /api/v1/grades/{id}}. A PUT replaces name and description (an
 * absent description is cleared) and must name the version it was based on (here or in If-Match); an absent
 * sortOrder keeps the grade where it is (0 on create), since positions are normally managed through reorder, so
 * renaming a grade never silently moves it to the top of the list.
 */
@Schema(name = "GradeRequest")
public record GradeRequest(
        @NotBlank @Size(max = 50) String name,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Position in pickers, ascending; 0 on create and unchanged on "
                + "update when absent") Integer sortOrder,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Grade> {

    @Override
    public Grade applyTo(Grade current) {
        Grade base = current == null ? Grade.NEW : current;
        return new Grade(base.id(), name.trim(), Texts.blankToNull(description),
                sortOrder == null ? base.sortOrder() : sortOrder, base.active(), base.version(), base.createdAt(),
                base.updatedAt());
    }
}
