package dev.terp.masterdata.tag.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.tag.Tag;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/** Body of {@code POST /api/v1/tags} and {@code PUT /api/v1/tags/{id}}; a PUT replaces every field. */
@Schema(name = "TagRequest")
public record TagRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 50) String category,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Tag> {

    @Override
    public Tag applyTo(Tag current) {
        Tag base = current != null ? current : new Tag(null, null, null, null, null, true, null, null, null, null, null);
        return new Tag(base.id(), name.trim(), Tag.standardize(name), Texts.blankToNull(category),
                Texts.blankToNull(description), base.active(), base.version(), base.createdAt(), base.updatedAt(),
                base.createdBy(), base.updatedBy());
    }
}
