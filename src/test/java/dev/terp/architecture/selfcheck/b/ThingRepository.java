package dev.terp.architecture.selfcheck.b;

/** Self-check fixture: module b's internals, which another module must not touch. */
public class ThingRepository {

    public String row() {
        return "row";
    }
}
