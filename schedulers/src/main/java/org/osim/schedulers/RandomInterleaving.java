package org.osim.schedulers;

import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Random interleavings, for finding races: each time a CPU needs a task it takes one of the ready tasks
 * at random and lets it run a random number of instruction times, 1 to {@code maxRun} — interrupts that
 * can fall between any two instructions. Seeded: the same seed gives the same interleaving. What
 * {@code osim explore} runs.
 */
public final class RandomInterleaving implements SchedulerFactory {
    static final ParameterSpec<Long> MAX_RUN = ParameterSpec.integer("maxRun", 8, 1, 1_000_000,
            "the most instruction times a task runs before the next random interrupt");
    static final ParameterSpec<Long> UNIT = ParameterSpec.duration("unit", "1us",
            "one instruction time (the profile's: 1us on textbook, 1ns on modern)");

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "Random interleavings: whenever a CPU needs a task it takes a ready one at random and runs it for "
                + "1 to maxRun instruction times (unit), so an interrupt can fall between any two instructions. "
                + "Seeded, so a seed names an interleaving; osim explore runs many and reports those that violate "
                + "mutual exclusion, progress or deadlock freedom. Not a policy to measure: a tool to find races.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(MAX_RUN, UNIT);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long maxRun = params.get(MAX_RUN);
        long unit = params.get(UNIT);
        SplittableRandom random = context.random();
        return new Scheduler() {
            private final FifoRunQueue ready = new FifoRunQueue();

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                ready.add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                return ready.pollRandom(cpu, random);
            }

            @Override
            public void dequeue(Task task) {
                ready.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return (1 + random.nextLong(maxRun)) * unit;
            }
        };
    }
}
