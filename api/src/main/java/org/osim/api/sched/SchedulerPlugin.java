package org.osim.api.sched;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.osim.api.param.ParameterSpec;

/**
 * A {@link SchedulerFactory} in a few lines: the name, description and parameters are given to the constructor, and
 * only {@link #create} is left to write. The plugin is found as any factory is (a services line, or a single source
 * file given to {@code osim run -s Policy.java}), so it keeps the public no-argument constructor that calls this one.
 *
 * <pre>{@code
 * public final class Lifo extends SchedulerPlugin {
 *     public Lifo() {
 *         super("lifo", "Last in, first out: the newest ready task runs first.");
 *     }
 *
 *     public Scheduler create(Parameters params, SchedulerContext context) {
 *         return new QueueScheduler(Collections.asLifoQueue(new ArrayDeque<>()));
 *     }
 * }
 * }</pre>
 *
 * Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public abstract class SchedulerPlugin implements SchedulerFactory {
    private final String name;
    private final String description;
    private final List<ParameterSpec<?>> parameters;

    /** A policy called {@code name} (lower-case letters, digits and '-'), described in a sentence, taking {@code parameters}. */
    protected SchedulerPlugin(String name, String description, ParameterSpec<?>... parameters) {
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.parameters = List.of(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec<?>> parameters() {
        return parameters;
    }
}
