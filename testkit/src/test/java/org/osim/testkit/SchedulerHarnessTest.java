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

    /** Promises the highest priority first, but is the Lifo above: the checker holds it to its promise. */
    static final class FalselyPrioritized implements SchedulerFactory {
        public String name() {
            return "false-priority";
        }

        public String description() {
            return "Claims priority order, runs last in, first out.";
        }

        public Scheduler create(Parameters params, SchedulerContext context) {
            Scheduler lifo = new Lifo().create(params, context);
            return new Scheduler() {
                public org.osim.api.sched.Promises promises() {
                    return org.osim.api.sched.Promises.priorityOrder(
                            java.util.Comparator.comparingInt(Task::priority).reversed());
                }

                public void enqueue(Task task, EnqueueReason why) {
                    lifo.enqueue(task, why);
                }

                public Task pickNext(CpuView cpu) {
                    return lifo.pickNext(cpu);
                }

                public void dequeue(Task task) {
                    lifo.dequeue(task);
                }
            };
        }
    }

    @Test
    void theCheckerHoldsAPolicyToItsPromises() {
        String yaml = """
                processes:
                  - { name: A, priority: 1, bursts: [cpu 10ms] }
                  - { name: B, priority: 9, bursts: [cpu 10ms] }
                  - { name: C, priority: 1, bursts: [cpu 10ms] }
                """;
        // With the checker off the run goes through: C (pushed last) runs first, though B is more urgent.
        HarnessResult unchecked = SchedulerHarness.of(new FalselyPrioritized()).workloadYaml(yaml).check(false).run();
        assertThat(unchecked.schedule()).isEqualTo("C 0-10 | B 10-20 | A 20-30");
        assertThat(unchecked.invariantsChecked()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SchedulerHarness.of(new FalselyPrioritized()).workloadYaml(yaml).check(true).run())
                .isInstanceOf(org.osim.api.OsimException.class)
                .hasMessage("scheduler 'false-priority' failed in its promise of a global order at 0 ms: B is ready and more urgent "
                        + "than C, which runs on cpu 0, after A NEW→READY, B NEW→READY, C NEW→READY, C READY→RUNNING");
        // An honest policy passes, and the result says it was checked.
        assertThat(SchedulerHarness.of(new Lifo()).workloadYaml(yaml).check(true).run().invariantsChecked()).isTrue();
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
