package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;
import static org.osim.kernel.core.KernelTest.proc;
import static org.osim.kernel.core.KernelTest.schedule;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.CostProfile;
import org.osim.kernel.Simulation;

/** The dispatcher's rules: who pays for a switch, what counts as waiting, and that CPU time adds up. */
class DispatcherTest {
    /** A process switch costs 100 us, a thread switch within a process 40 us; nothing else costs. */
    private static final CostProfile SWITCHES = new CostProfile("switches", 100_000, 40_000, 0, 0, 0, 1_000);

    private static long micros(long us) {
        return us * 1_000;
    }

    private static RunResult run(CostProfile costs, String quantum, ProcessSpec... ps) {
        return Simulation.builder(Workload.of("test", List.of(ps))).scheduler(TestPolicies.roundRobin(), Map.of("quantum", quantum))
                .costs(costs).recordSlices(true).run();
    }

    @Test
    void aProcessSwitchIsChargedToTheCpuBeforeTheIncomingTaskRuns() {
        RunResult r = run(SWITCHES, "2ms", proc("A", 0, "cpu 3ms"), proc("B", 0, "cpu 2ms"));
        // The first dispatch switches from nobody (a process switch too); then A→B, B→A: three switches.
        assertThat(schedule(r)).isEqualTo("0:A@0.1-2.1 0:B@2.2-4.2 0:A@4.3-5.3");
        assertThat(r.summary().overhead()).isEqualTo(micros(300));
        assertThat(r.summary().makespan()).isEqualTo(micros(5_300));
        TaskResult a = r.process("A").orElseThrow();
        assertThat(a.cpu()).isEqualTo(millis(3));
        // Waiting is time ready but not chosen: B from 0 to its dispatch at 2.1 (the switch into it is overhead).
        assertThat(r.process("B").orElseThrow().waiting()).isEqualTo(micros(2_100));
        assertThat(a.contextSwitches()).isEqualTo(2);
    }

    @Test
    void aTaskThatGoesOnAfterItsSliceIsNotSwitched() {
        RunResult r = run(SWITCHES, "1ms", proc("A", 0, "cpu 3ms"));
        // Alone, A is dispatched again at each slice end: one switch (the first), no further overhead.
        assertThat(r.summary().overhead()).isEqualTo(micros(100));
        assertThat(r.process("A").orElseThrow().contextSwitches()).isEqualTo(1);
        assertThat(r.process("A").orElseThrow().completion()).hasValue(micros(3_100));
    }

    @Test
    void aSwitchBetweenThreadsOfOneProcessCostsAThreadSwitch() {
        ProcessSpec two = new ProcessSpec("P", 0, 0, 0, 1, "default", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P.t1", Program.parse("cpu 1ms")), new ThreadSpec("P.t2", Program.parse("cpu 1ms"))),
                Map.of(), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false);
        RunResult r = run(SWITCHES, "10ms", two);
        // In: a process switch (100 us); t1 to t2 of the same process: a thread switch (40 us).
        assertThat(r.summary().overhead()).isEqualTo(micros(140));
        assertThat(r.summary().makespan()).isEqualTo(micros(2_140));
    }

    @Test
    void blockedTimeIsNotWaitingTime() {
        RunResult r = run(CostProfile.TEXTBOOK, "10ms", proc("A", 0, "cpu 1ms; io 5ms; cpu 1ms"), proc("B", 0, "cpu 3ms"));
        TaskResult a = r.process("A").orElseThrow();
        // A: runs 0-1, blocked 1-6, ready at 6 while B runs... B finished at 4: A runs 6-7 at once.
        assertThat(a.blocked()).isEqualTo(millis(5));
        assertThat(a.waiting()).isZero();
        assertThat(r.process("B").orElseThrow().waiting()).isEqualTo(millis(1));
        assertThat(r.summary().cpuUtilization()).isEqualTo(0.714286); // 5 of 7 ms, rounded to six places
    }
}
