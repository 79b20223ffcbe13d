package dev.terp.platform.security;

import dev.terp.platform.errors.NotFoundException;

/**
 * Object-level access for records that belong to one user (notes, scratch pad, saved views): only the owner may
 * change or delete them. A stranger gets 404, not 403, so the API does not confirm that someone else's record
 * exists. Administrators are not exempt: they manage users, not other people's notes.
 */
public final class Ownership {

    private Ownership() {
    }

    public static void requireOwner(Actor actor, long ownerId, String resource, long id) {
        if (actor == null || actor.userId() != ownerId) {
            throw new NotFoundException(resource, id);
        }
    }
}
