import java.util.ArrayDeque;
import java.util.Collections;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.QueueScheduler;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerPlugin;

/**
 * Last in, first out: the task that became ready most recently runs first, for at most one quantum.
 * Run it as it is: ./osim run fig-2-41 -s examples/single-file/Lifo.java
 */
public final class Lifo extends SchedulerPlugin {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "100ms", "longest a task runs at once");

    public Lifo() {
        super("lifo", "Last in, first out: the newest ready task runs first, for at most one quantum.", QUANTUM);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new QueueScheduler(Collections.asLifoQueue(new ArrayDeque<>()), params.get(QUANTUM));
    }
}
