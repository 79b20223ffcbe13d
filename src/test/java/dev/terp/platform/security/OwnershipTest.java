package dev.terp.platform.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.NotFoundException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnershipTest {

    private final Actor owner = new Actor(7, "olga", Set.of(Role.SALES));

    @Test
    void theOwnerMayTouchTheirRecord() {
        assertThatCode(() -> Ownership.requireOwner(owner, 7, "Saved view", 3)).doesNotThrowAnyException();
    }

    @Test
    void anyoneElseIsToldTheRecordDoesNotExistEvenAnAdministrator() {
        Actor admin = new Actor(1, "admin", Set.of(Role.ADMIN));
        assertThatThrownBy(() -> Ownership.requireOwner(admin, 7, "Saved view", 3))
                .isInstanceOf(NotFoundException.class).hasMessage("Saved view 3 does not exist");
        assertThatThrownBy(() -> Ownership.requireOwner(null, 7, "Saved view", 3))
                .isInstanceOf(NotFoundException.class);
    }
}
