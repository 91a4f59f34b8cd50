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

/** The clock interrupt: a slice ends at its timer and the preempted task queues behind that instant's arrivals; the tick lets a policy preempt and charges interrupt entry. */
class ClockInterruptTest {
    @Test
    void roundRobinPreemptsAtSliceEndAndQueuesBehindArrivalsOfThatInstant() {
        // A is preempted at 4 exactly when B arrives: B must run first (docs/semantics.md).
        RunResult r = KernelTest.run(TestPolicies.roundRobin(), Map.of("quantum", "4ms"),
                KernelTest.proc("A", 0, "cpu 6ms"), KernelTest.proc("B", 4, "cpu 2ms"));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@0-4 0:B@4-6 0:A@6-8");
        TaskResult a = r.process("A").orElseThrow();
        assertThat(a.preemptions()).isEqualTo(1);
        assertThat(a.contextSwitches()).isEqualTo(2);
        assertThat(KernelTest.ms(a.waiting())).isEqualTo(2);
        assertThat(r.sliceCount()).isEqualTo(3);
    }

    @Test
    void aTaskAloneKeepsItsCpuAcrossSlicesWithoutASwitch() {
        RunResult r = KernelTest.run(TestPolicies.roundRobin(), Map.of("quantum", "3ms"), KernelTest.proc("A", 0, "cpu 10ms"));
        assertThat(r.sliceCount()).isEqualTo(4);
        assertThat(r.summary().contextSwitches()).isEqualTo(1);
        assertThat(r.process("A").orElseThrow().preemptions()).isZero();
    }

    @Test
    void theClockTickLetsAPolicyPreemptAndChargesInterrupts() {
        SchedulerFactory everyOtherTick = TestPolicies.factory("ticker", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            int ticks;

            @Override
            public boolean tick(Task current, CpuView cpu) {
                return ++ticks % 2 == 0;
            }
        });
        CostProfile costs = new CostProfile("t", 0, 0, 0, 1_000, 0, 0);
        RunResult r = Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "cpu 5ms"), KernelTest.proc("B", 0, "cpu 5ms"))))
                .scheduler(everyOtherTick, Map.of()).tick(millis(1)).costs(costs).recordSlices(true).run();
        // Ticks at 1, 2, 3 …; every second one preempts. Each tick costs 1 us of interrupt overhead.
        assertThat(r.slices()).extracting(SliceRecord::task).startsWith("A", "B", "A", "B");
        assertThat(r.slices().get(0).end()).isEqualTo(millis(2));
        assertThat(r.summary().overhead()).isPositive();
        assertThat(r.summary().overhead() % 1_000).isZero();
        assertThat(r.process("A").orElseThrow().cpu()).isEqualTo(millis(5));
    }

    @Test
    void contextSwitchesAndInterruptsCostOverheadNotWork() {
        CostProfile costs = new CostProfile("test", millis(1), 0, 0, 0, 0, 0);
        RunResult r = Simulation.builder(Workload.of("t", List.of(KernelTest.proc("A", 0, "cpu 2ms"), KernelTest.proc("B", 0, "cpu 2ms"))))
                .scheduler(TestPolicies.fifo(), Map.of()).costs(costs).recordSlices(true).run();
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@1-3 0:B@4-6");
        assertThat(r.summary().overhead()).isEqualTo(millis(2));
        assertThat(r.summary().makespan()).isEqualTo(millis(6));
        assertThat(r.process("A").orElseThrow().cpu()).isEqualTo(millis(2));
    }
}
