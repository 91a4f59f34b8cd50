package org.osim.api.sched;

import java.util.Optional;

/** A read-only view of one CPU. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface CpuView {
    int id();

    /** The task running there, if any. While {@link Scheduler#pickNext} runs for this CPU it is empty. */
    Optional<Task> current();
}
