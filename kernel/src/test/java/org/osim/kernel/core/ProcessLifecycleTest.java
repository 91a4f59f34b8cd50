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

/** The life of processes and threads: fork and wait, spawn and join, the four ways a process ends, kill on another CPU, the state machine. */
class ProcessLifecycleTest {
    @Test
    void forkAndWait() {
        ProcessSpec parent = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P", Program.parse("cpu 1ms; fork child; fork child; wait; wait; cpu 1ms"))),
                Map.of("child", Program.parse("cpu 3ms")), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(), parent);
        assertThat(r.processes()).extracting(TaskResult::name).containsExactly("P", "P/child", "P/child#2");
        assertThat(KernelTest.schedule(r)).isEqualTo("0:P@0-1 0:P/child@1-4 0:P/child#2@4-7 0:P@7-8");
        assertThat(KernelTest.ms(r.process("P").orElseThrow().completion().getAsLong())).isEqualTo(8);
    }

    @Test
    void spawnAndJoinThreads() {
        ProcessSpec p = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P", Program.parse("spawn w; spawn w; join; cpu 1ms"))),
                Map.of("w", Program.parse("cpu 2ms")), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(), p);
        assertThat(KernelTest.schedule(r)).isEqualTo("0:P.w@0-2 0:P.w#2@2-4 0:P@4-5");
        TaskResult pr = r.process("P").orElseThrow();
        assertThat(pr.threads()).extracting(TaskResult::name).containsExactly("P", "P.w", "P.w#2");
        assertThat(KernelTest.ms(pr.cpu())).isEqualTo(5);
        assertThat(pr.termination()).contains(Termination.exit(0));
    }

    @Test
    void theFourWaysAProcessEnds() {
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(),
                KernelTest.proc("normal", 0, "cpu 1ms"),
                KernelTest.proc("error", 0, "cpu 1ms; exit 3; cpu 5ms"),
                KernelTest.proc("fatal", 0, "cpu 1ms; fault illegal-instruction"),
                KernelTest.proc("killer", 0, "cpu 1ms; kill victim"),
                KernelTest.proc("victim", 0, "cpu 50ms"));
        assertThat(r.process("normal").orElseThrow().termination()).contains(Termination.exit(0));
        assertThat(r.process("error").orElseThrow().termination().orElseThrow().kind()).isEqualTo(Termination.Kind.ERROR);
        assertThat(r.process("error").orElseThrow().termination().orElseThrow().code()).isEqualTo(3);
        assertThat(KernelTest.ms(r.process("error").orElseThrow().cpu())).isEqualTo(1);
        assertThat(r.process("fatal").orElseThrow().termination()).contains(Termination.fatal("illegal-instruction"));
        TaskResult victim = r.process("victim").orElseThrow();
        assertThat(victim.termination()).contains(Termination.killed("killer"));
        assertThat(victim.cpu()).isZero();
        assertThat(KernelTest.ms(victim.completion().getAsLong())).isEqualTo(4);
    }

    @Test
    void killingARunningProcessOnAnotherCpuStopsItThere() {
        RunResult r = Simulation.builder(Workload.of("t", List.of(KernelTest.proc("V", 0, "cpu 100ms"), KernelTest.proc("K", 0, "cpu 5ms; kill V"))))
                .scheduler(TestPolicies.fifo(), Map.of()).cpus(2).recordSlices(true).run();
        assertThat(KernelTest.schedule(r)).isEqualTo("0:V@0-5 1:K@0-5");
        assertThat(KernelTest.ms(r.process("V").orElseThrow().cpu())).isEqualTo(5);
    }

    @Test
    void theThreadStateMachineRefusesIllegalMoves() {
        assertThat(ThreadState.BLOCKED.canMoveTo(ThreadState.RUNNING)).isFalse();
        assertThat(ThreadState.NEW.canMoveTo(ThreadState.RUNNING)).isFalse();
        assertThat(ThreadState.TERMINATED.canMoveTo(ThreadState.READY)).isFalse();
        assertThat(ThreadState.READY.canMoveTo(ThreadState.BLOCKED)).isFalse();
        assertThat(ThreadState.RUNNING.canMoveTo(ThreadState.BLOCKED)).isTrue();
        assertThat(ThreadState.BLOCKED.canMoveTo(ThreadState.READY)).isTrue();
    }

    @Test
    void waitingForAChildThatNeverEndsIsADeadlock() {
        // B waits on its own exit through join of a thread that waits for B's main thread: an impossible wait.
        ProcessSpec p = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P", Program.parse("spawn w; join"))),
                Map.of("w", Program.parse("wait")), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        // "wait" with no children returns at once, so this one ends normally: no false deadlock.
        RunResult r = KernelTest.run(TestPolicies.fifo(), Map.of(), p);
        assertThat(r.violations()).isEmpty();
        assertThat(r.process("P").orElseThrow().termination()).contains(Termination.exit(0));
    }

    private static RunResult forkBomb(org.osim.api.workload.MachineSpec machine) {
        // Each process forks two children running the same program, which do the same: it never ends by itself.
        Program bomb = Program.parse("fork bomb; fork bomb; cpu 5ms");
        ProcessSpec p = new ProcessSpec("B", 0, 0, 0, 1, "eve", java.util.OptionalLong.empty(), List.of(new ThreadSpec("B", bomb)),
                Map.of("bomb", bomb), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        return Simulation.builder(Workload.of("bomb", List.of(p)).withMachine(machine)).scheduler(TestPolicies.roundRobin(),
                Map.of("quantum", "1ms")).horizon(millis(200)).run();
    }

    @Test
    void aForkBombStopsAtTheProcessTableAndTheRunGoesOn() {
        RunResult r = forkBomb(new org.osim.api.workload.MachineSpec(1, "textbook", 0, false, false, 0, 10, 10_000));
        // Every process forks as it starts, and zombies keep their entries until their parents end: the table is
        // full once 10 exist, so of the 20 forks tried 9 succeed and 11 fail with EAGAIN, and the run ends.
        assertThat(r.summary().processes()).isEqualTo(10);
        assertThat(r.summary().completed()).isEqualTo(10);
        assertThat(r.summary().failedForks()).isEqualTo(11);
        assertThat(r.endTime()).isEqualTo(millis(50));
        assertThat(r.violations()).isEmpty();
    }

    @Test
    void aUserAtItsLimitCannotFork() {
        RunResult r = forkBomb(new org.osim.api.workload.MachineSpec(1, "textbook", 0, false, false, 0, 1_000, 3));
        // eve may have 3 threads alive: B and its two children; their 4 forks fail.
        assertThat(r.summary().processes()).isEqualTo(3);
        assertThat(r.summary().failedForks()).isEqualTo(4);
    }

    @Test
    void aRefusedForkLeavesEagainInR0AndAGrantedOneTheChildsPid() {
        Program parent = Program.parse(".word got 0 0\nfork kid\nstore got[0], r0\nfork kid\nstore got[1], r0");
        ProcessSpec p = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(), List.of(new ThreadSpec("P", parent)),
                Map.of("kid", Program.parse("cpu 1ms")), java.util.Optional.empty(), List.of(),
                org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        RunResult r = Simulation.builder(Workload.of("t", List.of(p))
                        .withMachine(new org.osim.api.workload.MachineSpec(1, "textbook", 0, false, false, 0, 2, 100)))
                .scheduler(TestPolicies.fifo(), Map.of()).run();
        assertThat(r.memory().get("P:got")).containsExactly(2L, -11L); // pid 2; then the table (P and P/kid) is full
        assertThat(r.summary().failedForks()).isEqualTo(1);
    }
}
