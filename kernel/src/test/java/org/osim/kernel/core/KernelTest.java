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

/** The run loop: the book's example end to end, determinism, trace events stamped with simulated time, the horizon. */
class KernelTest {

    static ProcessSpec proc(String name, long arrivalMs, String program) {
        return ProcessSpec.of(name, millis(arrivalMs), Program.parse(program));
    }

    static RunResult run(SchedulerFactory f, Map<String, String> params, ProcessSpec... ps) {
        return Simulation.builder(Workload.of("test", List.of(ps))).scheduler(f, params).recordSlices(true).run();
    }

    static long ms(long nanos) {
        return nanos / SimTime.NANOS_PER_MILLI;
    }

    static String schedule(RunResult r) {
        StringBuilder b = new StringBuilder();
        for (SliceRecord s : r.slices()) {
            b.append(s.cpu()).append(':').append(s.task()).append('@').append(SimTime.formatMillis(s.start()))
                    .append('-').append(SimTime.formatMillis(s.end())).append(' ');
        }
        return b.toString().strip();
    }

    @Test
    void firstComeFirstServedReproducesFigure2_41a() {
        RunResult r = run(TestPolicies.fifo(), Map.of(),
                proc("A", 0, "cpu 8ms"), proc("B", 0, "cpu 4ms"), proc("C", 0, "cpu 4ms"), proc("D", 0, "cpu 4ms"));
        assertThat(r.processes()).extracting(p -> ms(p.turnaround().getAsLong())).containsExactly(8L, 12L, 16L, 20L);
        assertThat(r.summary().meanTurnaround()).isEqualTo(millis(14));
        assertThat(r.summary().meanWaiting()).isEqualTo(millis(9));
        assertThat(r.summary().makespan()).isEqualTo(millis(20));
        assertThat(r.summary().contextSwitches()).isEqualTo(4);
        assertThat(r.summary().cpuUtilization()).isEqualTo(1.0);
        assertThat(schedule(r)).isEqualTo("0:A@0-8 0:B@8-12 0:C@12-16 0:D@16-20");
    }

    @Test
    void equalSeedsGiveEqualResults() {
        RunResult a = run(TestPolicies.roundRobin(), Map.of("quantum", "1ms"), proc("A", 0, "cpu 5ms; io 2ms; cpu 3ms"), proc("B", 1, "cpu 7ms"));
        RunResult b = run(TestPolicies.roundRobin(), Map.of("quantum", "1ms"), proc("A", 0, "cpu 5ms; io 2ms; cpu 3ms"), proc("B", 1, "cpu 7ms"));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void traceEventsAreStampedWithSimulatedTime() {
        List<String> lines = new ArrayList<>();
        Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 2ms; io 1ms"))))
                .scheduler(TestPolicies.fifo(), Map.of())
                .trace(e -> lines.add(SimTime.formatMillis(e.time()) + " " + e.describe())).run();
        assertThat(lines).containsExactly(
                "0 arrive A", "0 ready A (new)", "0 cpu0 run A", "2 cpu0 stop A (blocked, ran 2ms)",
                "2 block A on io", "2 cpu0 idle", "3 ready A (wakeup)", "3 cpu0 run A",
                "3 cpu0 stop A (exited, ran 0ms)", "3 thread exit A", "3 exit A (normal exit)", "3 cpu0 idle");
    }

    // ------------------------------------------------------------------ the safety net

    @Test
    void aRunStopsAtTheHorizonWithWorkUnderWayAccounted() {
        RunResult r = Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 10ms"))))
                .scheduler(TestPolicies.fifo(), Map.of()).horizon(millis(4)).recordSlices(true).run();
        TaskResult a = r.process("A").orElseThrow();
        assertThat(a.completion()).isEmpty();
        assertThat(a.cpu()).isEqualTo(millis(4));
        assertThat(schedule(r)).isEqualTo("0:A@0-4");
    }

}
