package org.osim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

class SchedulerHarnessTest {
    /** The README's one-file scheduler. */
    static final class Lifo implements SchedulerFactory {
        public String name() {
            return "lifo";
        }

        public String description() {
            return "Last in, first out.";
        }

        public Scheduler create(Parameters params, SchedulerContext context) {
            return new Scheduler() {
                private final ArrayDeque<Task> stack = new ArrayDeque<>();

                public void enqueue(Task task, EnqueueReason why) {
                    stack.push(task);
                }

                public Task pickNext(CpuView cpu) {
                    return stack.poll();
                }

                public void dequeue(Task task) {
                    stack.remove(task);
                }
            };
        }
    }

    @Test
    void theReadmeExample() {
        HarnessResult r = SchedulerHarness.of(new Lifo()).workload("fig-2-41").run();
        assertThat(r.schedule()).isEqualTo("D 0-4 | C 4-8 | B 8-12 | A 12-20");
        assertThat(r.meanTurnaroundMillis()).isEqualTo(11);
        assertThat(r.order()).containsExactly("D", "C", "B", "A");
        assertThat(r.turnaroundMillis("A")).isEqualTo(20);
        assertThat(r.waitingMillis("B")).isEqualTo(8);
    }

    @Test
    void theReadmeWorkloadRunsOnTwoCpus() {
        HarnessResult r = SchedulerHarness.of(new Lifo()).workload("../examples/workloads/my-mix.yaml").run();
        assertThat(r.result().cpus()).isEqualTo(2);
        assertThat(r.result().summary().completed()).isEqualTo(r.result().processes().size());
        assertThat(r.result().processes()).extracting(p -> p.name()).contains("shell/job", "shell/job#2", "batch01", "batch30");
        assertThat(r.process("shell").turnaround().orElseThrow()).isGreaterThanOrEqualTo(51_000_000L);
        assertThat(r.schedule()).startsWith("cpu");
    }

    @Test
    void inlineWorkloadsAndCpus() {
        HarnessResult r = SchedulerHarness.of(new Lifo()).cpus(2).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 3ms] }
                  - { name: B, bursts: [cpu 1ms] }
                  - { name: C, bursts: [cpu 1ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("cpu0:C 0-1 | cpu1:B 0-1 | cpu0:A 1-4");
    }
}
