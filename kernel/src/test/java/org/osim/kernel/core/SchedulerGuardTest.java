package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osim.api.SimTime.millis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Termination;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;
import org.osim.api.sched.ThreadState;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.CostProfile;
import org.osim.kernel.Simulation;

/** The safety net around a policy: a task it does not hold, a CPU its affinity forbids, an exception — each named with the policy, the callback and the time. */
class SchedulerGuardTest {
    @Test
    void aPolicyReturningATaskItDoesNotHoldIsNamed() {
        Task[] first = new Task[1];
        SchedulerFactory broken = TestPolicies.factory("foreign", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public void enqueue(Task task, EnqueueReason why) {
                if (first[0] == null) {
                    first[0] = task;
                }
                super.enqueue(task, why);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                super.pickNext(cpu);
                return first[0];
            }
        });
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "cpu 2ms"), KernelTest.proc("B", 0, "cpu 2ms"))))
                .scheduler(broken, Map.of()).cpus(2).run())
                .isInstanceOf(OsimException.class)
                .satisfies(e -> assertThat(((OsimException) e).code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("scheduler 'foreign' failed in pickNext at 0 ms: returned task A for cpu 1, "
                        + "which it does not hold (it is running on cpu 0)");
    }

    @Test
    void aPolicyBreakingAffinityIsNamed() {
        RunResult ok = Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "cpu 2ms").withAffinity(List.of(1)))))
                .scheduler(TestPolicies.factory("pinned", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
                    @Override
                    public Task pickNext(CpuView cpu) {
                        return queue.poll(cpu);
                    }
                }), Map.of()).cpus(2).recordSlices(true).run();
        assertThat(KernelTest.schedule(ok)).isEqualTo("1:A@0-2");
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "cpu 2ms").withAffinity(List.of(1)))))
                .scheduler(TestPolicies.fifo(), Map.of()).cpus(2).run())
                .hasMessage("scheduler 'fifo' failed in pickNext at 0 ms: returned task A for cpu 0, which its affinity excludes");
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "cpu 2ms").withAffinity(List.of(3)))))
                .scheduler(TestPolicies.fifo(), Map.of()).cpus(2).run())
                .hasMessage("process 'A' has affinity for cpu 3, but the machine has CPUs 0 to 1");
    }

    @Test
    void aPolicyBuiltAgainstAnotherApiSaysSoInsteadOfALinkageError() {
        SchedulerFactory old = TestPolicies.factory("old", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public Task pickNext(org.osim.api.sched.CpuView cpu) {
                throw new NoSuchMethodError("'long org.osim.api.sched.Task.remaining()'"); // what a changed SPI looks like
            }
        });
        assertThatThrownBy(() -> KernelTest.run(old, Map.of(), KernelTest.proc("A", 0, "cpu 1ms")))
                .isInstanceOf(OsimException.class)
                .hasMessage("scheduler 'old' failed in pickNext at 0 ms: threw java.lang.NoSuchMethodError: 'long "
                        + "org.osim.api.sched.Task.remaining()': the plugin was built against another osim-api than this osim's "
                        + org.osim.api.ApiVersion.current() + "; rebuild it against this one");
    }

    @Test
    void aPolicyThatThrowsIsNamedWithItsCallbackAndTime() {
        SchedulerFactory broken = TestPolicies.factory("thrower", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public void enqueue(Task task, EnqueueReason why) {
                if (why == EnqueueReason.WAKEUP) {
                    throw new IllegalStateException("boom");
                }
                super.enqueue(task, why);
            }
        });
        assertThatThrownBy(() -> KernelTest.run(broken, Map.of(), KernelTest.proc("A", 0, "cpu 1ms; io 3ms; cpu 1ms")))
                .isInstanceOf(OsimException.class)
                .hasMessage("scheduler 'thrower' failed in enqueue at 4 ms: threw java.lang.IllegalStateException: boom");
    }
}
