package org.osim.kernel.core;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/** Minimal policies for kernel tests (the real ones live in the schedulers module, which the kernel must not see). */
final class TestPolicies {
    private TestPolicies() {}

    static SchedulerFactory fifo() {
        return factory("fifo", List.of(), (p, c) -> new Fifo(Long.MAX_VALUE));
    }

    static SchedulerFactory roundRobin() {
        return factory("rr", List.of(ParameterSpec.duration("quantum", "20ms", "slice")),
                (p, c) -> new Fifo(p.duration("quantum")));
    }

    static SchedulerFactory factory(String name, List<ParameterSpec<?>> params,
                                    java.util.function.BiFunction<Parameters, SchedulerContext, Scheduler> make) {
        return new SchedulerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test policy " + name;
            }

            @Override
            public List<ParameterSpec<?>> parameters() {
                return params;
            }

            @Override
            public Scheduler create(Parameters p, SchedulerContext c) {
                return make.apply(p, c);
            }
        };
    }

    static class Fifo implements Scheduler {
        final FifoRunQueue queue = new FifoRunQueue();
        final long quantum;

        Fifo(long quantum) {
            this.quantum = quantum;
        }

        @Override
        public void enqueue(Task task, EnqueueReason why) {
            queue.add(task);
        }

        @Override
        public Task pickNext(CpuView cpu) {
            return queue.poll();
        }

        @Override
        public void dequeue(Task task) {
            queue.remove(task);
        }

        @Override
        public long sliceNanos(Task task, CpuView cpu) {
            return quantum;
        }
    }
}
