package dev.terp.inventory.batch.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "MovementReverseRequest")
public record ReverseRequest(@NotBlank @Size(max = 1000) String reason) {
}
