package ext;

import java.util.ArrayDeque;
import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Last in, first out: the task that became ready most recently runs first, for at most one quantum.
 * A complete scheduler plugin in one file: compile it against osim-api alone, add one services line,
 * and drop the jar into osim's plugins folder (see build.sh).
 */
public final class Lifo implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "100ms", "longest a task runs at once");

    @Override
    public String name() {
        return "lifo";
    }

    @Override
    public String description() {
        return "Last in, first out: the newest ready task runs first, for at most one quantum. An example plugin.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        return new Scheduler() {
            private final ArrayDeque<Task> stack = new ArrayDeque<>();

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                stack.push(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                return stack.poll(); // null when empty: the CPU idles
            }

            @Override
            public void dequeue(Task task) {
                stack.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }
        };
    }
}
