package dev.terp.architecture.selfcheck.a;

import dev.terp.architecture.selfcheck.b.ThingRepository;
import dev.terp.architecture.selfcheck.b.ThingService;

/** Self-check fixture of ModuleBoundariesTest: uses module b's port (allowed) and its repository (a violation). */
public class Caller {

    public Object call(ThingService service, ThingRepository repository) {
        return service.thing() + repository.row();
    }
}
