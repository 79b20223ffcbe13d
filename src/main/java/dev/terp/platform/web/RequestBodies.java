package dev.terp.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.MalformedRequestException;
import dev.terp.platform.errors.ValidationException;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads and validates a JSON request body: a missing body is MALFORMED_REQUEST, and every constraint violation is
 * reported at once as VALIDATION_FAILED.
 */
@Component
public class RequestBodies {

    private final Validator validator;

    public RequestBodies(Validator validator) {
        this.validator = validator;
        // The validator loads its message bundles from jars on the first violation; do that now, at start-up,
        // rather than on an event-loop thread in the middle of a request.
        validator.validate(new WarmUp(null));
    }

    /** {@code items[0].quantity}, {@code orderedIds[1]}: the JSON path a client recognises. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private record WarmUp(@NotNull @Email @Size(max = 1) String value) {
    }

    public <T> Mono<T> valid(ServerRequest request, Class<T> type) {
        return request.bodyToMono(type)
                .switchIfEmpty(Mono.error(() -> new MalformedRequestException("A JSON request body is required")))
                .map(this::validate);
    }

    public <T> T validate(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldViolation> fields = violations.stream()
                    .map(v -> new FieldViolation(fieldOf(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                    .toList();
            throw new ValidationException(fields);
        }
        return body;
    }
}
