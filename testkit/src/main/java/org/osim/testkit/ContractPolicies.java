package org.osim.testkit;

import java.util.ArrayDeque;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.QueueScheduler;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerPlugin;
import org.osim.api.sched.Task;

/**
 * The policies the contracts of kernel objects run under, so that the testkit needs no other plugin: round robin,
 * and random interleavings (a random ready task runs for 1 to 3 instruction times), which make the races and lost
 * wake-ups a broken object allows happen.
 */
final class ContractPolicies {
    private ContractPolicies() {}

    /** Round robin with a 1 ms slice. */
    static final class RoundRobin extends SchedulerPlugin {
        RoundRobin() {
            super("contract-rr", "round robin, 1 ms slices, for the testkit's contracts");
        }

        @Override
        public Scheduler create(Parameters params, SchedulerContext context) {
            return new QueueScheduler(new ArrayDeque<>(), 1_000_000L);
        }
    }

    /** A random ready task, for 1 to 3 instruction times: from the run's seed, so each interleaving can be replayed. */
    static final class RandomInterleaving extends SchedulerPlugin {
        RandomInterleaving() {
            super("contract-random", "random interleavings, for the testkit's contracts");
        }

        @Override
        public Scheduler create(Parameters params, SchedulerContext context) {
            return new Scheduler() {
                private final FifoRunQueue ready = new FifoRunQueue();

                @Override
                public void enqueue(Task task, EnqueueReason why) {
                    ready.add(task);
                }

                @Override
                public Task pickNext(CpuView cpu) {
                    return ready.pollRandom(cpu, context.random());
                }

                @Override
                public void dequeue(Task task) {
                    ready.remove(task);
                }

                @Override
                public long sliceNanos(Task task, CpuView cpu) {
                    return context.instructionNanos() * (1 + context.random().nextInt(3));
                }
            };
        }
    }
}
