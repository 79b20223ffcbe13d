package dev.terp.architecture.selfcheck.b;

import dev.terp.architecture.selfcheck.a.Caller;

/** Self-check fixture: a port of module b that calls back into module a, closing a cycle a → b → a. */
public class ThingService {

    public String thing() {
        return String.valueOf(new Caller().hashCode());
    }
}
