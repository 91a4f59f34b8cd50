package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osim.kernel.core.KernelTest.proc;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Promises;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** The invariant checker catches broken policies, and passes correct runs. */
class InvariantCheckerTest {
    private static RunResult run(SchedulerFactory f, int cpus, boolean check, ProcessSpec... ps) {
        return Simulation.builder(Workload.of("test", List.of(ps))).scheduler(f, Map.of()).cpus(cpus).check(check)
                .recordSlices(true).run();
    }

    /** Keeps every task it is given and hands the same one to every CPU that asks. */
    private static SchedulerFactory twoCpus() {
        return TestPolicies.factory("two-cpus", List.of(), (p, c) -> new Scheduler() {
            private Task last;

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                last = task;
            }

            @Override
            public Task pickNext(CpuView cpu) {
                return last;
            }
        });
    }

    /** Promises work conservation, but only ever uses cpu 0. */
    private static SchedulerFactory lazy() {
        return TestPolicies.factory("lazy", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public Task pickNext(CpuView cpu) {
                return cpu.id() == 0 ? queue.poll() : null;
            }

            @Override
            public Promises promises() {
                return Promises.workConservation();
            }
        });
    }

    /** Promises to run the most important tasks (larger priority first), but runs them first come, first served. */
    private static SchedulerFactory ignoresPriorities() {
        return TestPolicies.factory("fake-priority", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public Promises promises() {
                return Promises.priorityOrder(Comparator.comparingInt(Task::priority).reversed());
            }
        });
    }

    @Test
    void aPolicyThatRunsOneThreadOnTwoCpusIsNamed() {
        // The kernel's guard refuses the second pick before the thread can reach a second CPU.
        assertThatThrownBy(() -> run(twoCpus(), 2, true, proc("A", 0, "cpu 5ms"), proc("B", 0, "cpu 5ms")))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("scheduler 'two-cpus' failed in pickNext at 0 ms: returned task B for cpu 1, which it does not hold"
                        + " (it is running on cpu 0)");
    }

    @Test
    void aPolicyThatLeavesACpuIdleBreaksItsPromiseOfWorkConservation() {
        ProcessSpec[] ps = {proc("A", 0, "cpu 5ms"), proc("B", 0, "cpu 5ms")};
        assertThatThrownBy(() -> run(lazy(), 2, true, ps))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("scheduler 'lazy' failed in its promise of work conservation at 0 ms: cpu 1 idles while B is ready,"
                        + " after A NEW→READY, B NEW→READY, A READY→RUNNING");
        // Unchecked, the same run goes on: B waits for A on one CPU, and nothing says that is wrong.
        assertThat(run(lazy(), 2, false, ps).process("B").orElseThrow().firstRun()).hasValue(5_000_000L);
    }

    @Test
    void aPolicyThatIgnoresPrioritiesBreaksItsPromiseOfAGlobalOrder() {
        ProcessSpec[] ps = {proc("low1", 0, "cpu 10ms").withPriority(1), proc("low2", 0, "cpu 10ms").withPriority(1),
                proc("high", 2, "cpu 1ms").withPriority(9)};
        assertThatThrownBy(() -> run(ignoresPriorities(), 2, true, ps))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("scheduler 'fake-priority' failed in its promise of a global order at 2 ms: high is ready and more"
                        + " urgent than low1, which runs on cpu 0, after high NEW→READY");
    }

    @Test
    void aCorrectRunIsMarkedChecked() {
        RunResult r = run(TestPolicies.roundRobin(), 2, true, proc("A", 0, "cpu 5ms; io 3ms; cpu 2ms"), proc("B", 1, "cpu 4ms"),
                proc("C", 1, "cpu 6ms"));
        assertThat(r.invariantsChecked()).isTrue();
        assertThat(run(TestPolicies.roundRobin(), 2, false, proc("A", 0, "cpu 5ms")).invariantsChecked()).isFalse();
    }

    @Test
    void aKernelObjectsBrokenRuleEndsTheRunNamingIt() {
        // An object whose rule is broken once it has been used: the checker asks at the end of the instant.
        org.osim.api.object.KernelObjectFactory leaky = new org.osim.api.object.KernelObjectFactory() {
            @Override
            public String type() {
                return "leaky";
            }

            @Override
            public org.osim.api.object.ObjectKind kind() {
                return org.osim.api.object.ObjectKind.SYNC;
            }

            @Override
            public String description() {
                return "a counter that loses count";
            }

            @Override
            public List<org.osim.api.param.ParameterSpec<?>> parameters() {
                return List.of();
            }

            @Override
            public List<org.osim.api.object.OperationSpec> operations() {
                return List.of(org.osim.api.object.OperationSpec.of("up", false, "count one"));
            }

            @Override
            public org.osim.api.object.KernelObject create(String name, org.osim.api.param.Parameters params,
                                                           org.osim.api.object.ObjectContext context) {
                return new org.osim.api.object.KernelObject() {
                    private int ups;

                    @Override
                    public org.osim.api.object.Outcome invoke(org.osim.api.object.Invocation call) {
                        ups++;
                        return org.osim.api.object.Outcome.done();
                    }

                    @Override
                    public java.util.Optional<String> brokenInvariant() {
                        return ups == 0 ? java.util.Optional.empty() : java.util.Optional.of(ups + " ups, count 0");
                    }
                };
            }
        };
        Workload w = Workload.of("test", List.of(proc("A", 0, "cpu 1ms; call c.up; cpu 1ms")))
                .withObjects(List.of(org.osim.api.workload.ObjectSpec.of("c", "leaky", Map.of())));
        assertThatThrownBy(() -> Simulation.builder(w).scheduler(TestPolicies.fifo(), Map.of()).check(true)
                .objectTypes(type -> leaky).run())
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("invariant broken at 1 ms: kernel object 'c' (type 'leaky'): 1 ups, count 0");
    }
}
