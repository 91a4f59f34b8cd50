package org.osim.api.sched;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * Makes instances of one scheduling policy. This is the service type: a plugin names its implementation
 * in {@code META-INF/services/org.osim.api.sched.SchedulerFactory}. It needs a public no-argument
 * constructor. Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface SchedulerFactory {

    /** The policy's name on the command line: unique, lower-case ({@code "rr"}, {@code "mlfq"}). */
    String name();

    /** What the policy does and where it comes from, for {@code osim describe}. */
    String description();

    /** The parameters it takes, with types, defaults and help. */
    default List<ParameterSpec<?>> parameters() {
        return List.of();
    }

    /** A fresh policy instance for one simulation; {@code params} hold a value for every declared parameter. */
    Scheduler create(Parameters params, SchedulerContext context);
}
