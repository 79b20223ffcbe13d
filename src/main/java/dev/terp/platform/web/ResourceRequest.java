package dev.terp.platform.web;

/**
 * The body of a simple resource's create and update: exactly the fields a client may set, validated by
 * {@link RequestBodies}, and how they make the stored record.
 */
public interface ResourceRequest<E> {

    /** The version an update is based on, when sent in the body rather than If-Match. */
    Long version();

    /** The record this body makes: a new one when {@code current} is null, else {@code current} with its fields. */
    E applyTo(E current);
}
