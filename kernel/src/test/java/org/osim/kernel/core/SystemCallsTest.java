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

/** The system calls one by one: io (alone, or queued at a shared device), sleep, yield. */
class SystemCallsTest {
    @Test
    void ioBlocksAndOverlapsWithOtherWork() {
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(),
                KernelTest.proc("A", 0, "cpu 2ms; io 5ms; cpu 1ms"), KernelTest.proc("B", 0, "cpu 4ms"));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@0-2 0:B@2-6 0:A@7-8");
        TaskResult a = r.process("A").orElseThrow();
        assertThat(KernelTest.ms(a.blocked())).isEqualTo(5);
        assertThat(KernelTest.ms(a.cpu())).isEqualTo(3);
        assertThat(KernelTest.ms(a.turnaround().getAsLong())).isEqualTo(8);
        assertThat(r.summary().cpuUtilization()).isEqualTo(0.875);
    }

    @Test
    void aSharedDeviceServesRequestsOneAtATime() {
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(),
                KernelTest.proc("A", 0, "io disk 10ms; cpu 1ms"), KernelTest.proc("B", 0, "io disk 10ms; cpu 1ms"));
        assertThat(KernelTest.ms(r.process("A").orElseThrow().completion().getAsLong())).isEqualTo(11);
        assertThat(KernelTest.ms(r.process("B").orElseThrow().completion().getAsLong())).isEqualTo(21);
    }

    @Test
    void sleepRecordsTheNextAlarmAndBlocks() {
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(), KernelTest.proc("A", 0, "sleep 5ms; cpu 1ms"));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@5-6");
        assertThat(KernelTest.ms(r.process("A").orElseThrow().blocked())).isEqualTo(5);
    }

    @Test
    void yieldGivesTheCpuToTheNextInLine() {
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(), KernelTest.proc("A", 0, "cpu 1ms; yield; cpu 1ms"), KernelTest.proc("B", 0, "cpu 2ms"));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@0-1 0:B@1-3 0:A@3-4");
    }
}
