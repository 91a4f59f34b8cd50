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

/** The watchdog in simulated time: a policy that never picks, or loses a task, is named once a task has waited the bound beside an idle CPU. */
class WatchdogTest {
    @Test
    void theWatchdogCatchesAPolicyThatNeverPicks() {
        SchedulerFactory lazy = TestPolicies.factory("lazy", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public Task pickNext(CpuView cpu) {
                return null;
            }
        });
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 5, "cpu 1ms"))))
                .scheduler(lazy, Map.of()).watchdog(millis(100)).run())
                .isInstanceOf(OsimException.class)
                .hasMessage("scheduler 'lazy' failed in pickNext at 105 ms: watchdog: task A has been runnable "
                        + "for 100 ms while cpu 0 sat idle (bound 100ms)");
    }

    @Test
    void aPolicyThatLosesATaskIsReportedAsADeadlockFreeHangByTheWatchdog() {
        Scheduler[] ref = new Scheduler[1];
        SchedulerFactory forgetful = TestPolicies.factory("forgetful", List.of(), (p, c) -> {
            ref[0] = new TestPolicies.Fifo(Long.MAX_VALUE) {
                @Override
                public void enqueue(Task task, EnqueueReason why) {
                    if (why != EnqueueReason.WAKEUP) {
                        super.enqueue(task, why);
                    }
                }
            };
            return ref[0];
        });
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "io 1ms; cpu 1ms"))))
                .scheduler(forgetful, Map.of()).watchdog(millis(50)).run())
                .hasMessageContaining("scheduler 'forgetful' failed in pickNext at 51 ms: watchdog: task A");
    }
}
