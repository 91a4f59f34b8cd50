package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.result.RealTimeResult;
import org.osim.api.result.RunResult;
import org.osim.api.workload.PeriodicSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** The kernel's side of real-time tasks: releases, deadlines, overruns and abandoned jobs. */
class PeriodicJobsTest {
    private static ProcessSpec periodic(String name, String job, long periodMs, long deadlineMs, Integer jobs, boolean abort) {
        return ProcessSpec.of(name, 0, Program.parse(job)).withPeriodic(new PeriodicSpec(millis(periodMs), millis(deadlineMs),
                jobs == null ? OptionalInt.empty() : OptionalInt.of(jobs), abort, List.of()));
    }

    private static RunResult run(long horizonMs, ProcessSpec... ps) {
        Simulation.Builder b = Simulation.builder(Workload.of("t", List.of(ps))).scheduler(TestPolicies.fifo(), Map.of())
                .recordSlices(true);
        if (horizonMs > 0) {
            b.horizon(millis(horizonMs));
        }
        return b.run();
    }

    private static RealTimeResult rt(RunResult r, String name) {
        return r.process(name).orElseThrow().realTime().orElseThrow();
    }

    @Test
    void eachJobRunsTheProgramOnceThenWaitsForTheNextRelease() {
        RunResult r = run(0, periodic("T", "cpu 3ms", 10, 10, 3, false));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:T@0-3 0:T@10-13 0:T@20-23");
        RealTimeResult t = rt(r, "T");
        assertThat(t.released()).isEqualTo(3);
        assertThat(t.completed()).isEqualTo(3);
        assertThat(t.missed()).isZero();
        assertThat(t.worstResponse()).isEqualTo(millis(3));
        assertThat(t.maxLateness()).isEqualTo(millis(-7));
        assertThat(r.process("T").orElseThrow().completion().getAsLong()).isEqualTo(millis(23));
        assertThat(r.process("T").orElseThrow().blocked()).isEqualTo(millis(14));
    }

    @Test
    void anOverrunningJobIsLateAndTheNextStartsWhenItEnds() {
        // Jobs need 12 ms every 10 ms: each ends later than the last.
        RunResult r = run(0, periodic("T", "cpu 12ms", 10, 10, 3, false));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:T@0-12 0:T@12-24 0:T@24-36");
        RealTimeResult t = rt(r, "T");
        assertThat(t.missed()).isEqualTo(3);
        assertThat(t.completed()).isEqualTo(3);
        assertThat(t.worstResponse()).isEqualTo(millis(16));
        assertThat(t.maxLateness()).isEqualTo(millis(6));
    }

    @Test
    void abortOnMissAbandonsALateJob() {
        RunResult r = run(0, periodic("T", "cpu 12ms", 10, 10, 3, true));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:T@0-10 0:T@10-20 0:T@20-30");
        RealTimeResult t = rt(r, "T");
        assertThat(t.missed()).isEqualTo(3);
        assertThat(t.aborted()).isEqualTo(3);
        assertThat(t.completed()).isZero();
    }

    @Test
    void withoutAJobCountTheHorizonEndsIt() {
        RunResult r = run(95, periodic("T", "cpu 2ms; io 1ms; cpu 1ms", 20, 15, null, false));
        RealTimeResult t = rt(r, "T");
        assertThat(t.released()).isEqualTo(5);
        assertThat(t.completed()).isEqualTo(5);
        assertThat(t.worstResponse()).isEqualTo(millis(4));
        assertThat(r.process("T").orElseThrow().completion()).isEmpty();
    }

    @Test
    void tasksSeeTheirDeadlinesAndRemainingWork() {
        long[] seen = new long[3];
        var factory = TestPolicies.factory("peek", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public void running(org.osim.api.sched.Task task, org.osim.api.sched.CpuView cpu) {
                seen[0] = task.deadlineNanos();
                seen[1] = task.jobRemainingNanos();
                seen[2] = task.periodNanos();
            }
        });
        Simulation.builder(Workload.of("t", List.of(periodic("T", "cpu 3ms; io 1ms; cpu 2ms", 10, 8, 1, false))))
                .scheduler(factory, Map.of()).run();
        // Last seen when the job resumed after its I/O at 4 ms: deadline 8, 2 ms left, period 10.
        assertThat(seen).containsExactly(millis(8), millis(2), millis(10));
    }
}
