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
    void roundRobinPreemptsAtSliceEndAndQueuesBehindArrivalsOfThatInstant() {
        // A is preempted at 4 exactly when B arrives: B must run first (docs/semantics.md).
        RunResult r = run(TestPolicies.roundRobin(), Map.of("quantum", "4ms"),
                proc("A", 0, "cpu 6ms"), proc("B", 4, "cpu 2ms"));
        assertThat(schedule(r)).isEqualTo("0:A@0-4 0:B@4-6 0:A@6-8");
        TaskResult a = r.process("A").orElseThrow();
        assertThat(a.preemptions()).isEqualTo(1);
        assertThat(a.contextSwitches()).isEqualTo(2);
        assertThat(ms(a.waiting())).isEqualTo(2);
        assertThat(r.sliceCount()).isEqualTo(3);
    }

    @Test
    void aTaskAloneKeepsItsCpuAcrossSlicesWithoutASwitch() {
        RunResult r = run(TestPolicies.roundRobin(), Map.of("quantum", "3ms"), proc("A", 0, "cpu 10ms"));
        assertThat(r.sliceCount()).isEqualTo(4);
        assertThat(r.summary().contextSwitches()).isEqualTo(1);
        assertThat(r.process("A").orElseThrow().preemptions()).isZero();
    }

    @Test
    void ioBlocksAndOverlapsWithOtherWork() {
        RunResult r = run(TestPolicies.fifo(), Map.of(),
                proc("A", 0, "cpu 2ms; io 5ms; cpu 1ms"), proc("B", 0, "cpu 4ms"));
        assertThat(schedule(r)).isEqualTo("0:A@0-2 0:B@2-6 0:A@7-8");
        TaskResult a = r.process("A").orElseThrow();
        assertThat(ms(a.blocked())).isEqualTo(5);
        assertThat(ms(a.cpu())).isEqualTo(3);
        assertThat(ms(a.turnaround().getAsLong())).isEqualTo(8);
        assertThat(r.summary().cpuUtilization()).isEqualTo(0.875);
    }

    @Test
    void aSharedDeviceServesRequestsOneAtATime() {
        RunResult r = run(TestPolicies.fifo(), Map.of(),
                proc("A", 0, "io disk 10ms; cpu 1ms"), proc("B", 0, "io disk 10ms; cpu 1ms"));
        assertThat(ms(r.process("A").orElseThrow().completion().getAsLong())).isEqualTo(11);
        assertThat(ms(r.process("B").orElseThrow().completion().getAsLong())).isEqualTo(21);
    }

    @Test
    void forkAndWait() {
        ProcessSpec parent = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P", Program.parse("cpu 1ms; fork child; fork child; wait; wait; cpu 1ms"))),
                Map.of("child", Program.parse("cpu 3ms")), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        RunResult r = run(TestPolicies.fifo(), Map.of(), parent);
        assertThat(r.processes()).extracting(TaskResult::name).containsExactly("P", "P/child", "P/child#2");
        assertThat(schedule(r)).isEqualTo("0:P@0-1 0:P/child@1-4 0:P/child#2@4-7 0:P@7-8");
        assertThat(ms(r.process("P").orElseThrow().completion().getAsLong())).isEqualTo(8);
    }

    @Test
    void spawnAndJoinThreads() {
        ProcessSpec p = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P", Program.parse("spawn w; spawn w; join; cpu 1ms"))),
                Map.of("w", Program.parse("cpu 2ms")), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        RunResult r = run(TestPolicies.fifo(), Map.of(), p);
        assertThat(schedule(r)).isEqualTo("0:P.w@0-2 0:P.w#2@2-4 0:P@4-5");
        TaskResult pr = r.process("P").orElseThrow();
        assertThat(pr.threads()).extracting(TaskResult::name).containsExactly("P", "P.w", "P.w#2");
        assertThat(ms(pr.cpu())).isEqualTo(5);
        assertThat(pr.termination()).contains(Termination.exit(0));
    }

    @Test
    void theFourWaysAProcessEnds() {
        RunResult r = run(TestPolicies.fifo(), Map.of(),
                proc("normal", 0, "cpu 1ms"),
                proc("error", 0, "cpu 1ms; exit 3; cpu 5ms"),
                proc("fatal", 0, "cpu 1ms; fault illegal-instruction"),
                proc("killer", 0, "cpu 1ms; kill victim"),
                proc("victim", 0, "cpu 50ms"));
        assertThat(r.process("normal").orElseThrow().termination()).contains(Termination.exit(0));
        assertThat(r.process("error").orElseThrow().termination().orElseThrow().kind()).isEqualTo(Termination.Kind.ERROR);
        assertThat(r.process("error").orElseThrow().termination().orElseThrow().code()).isEqualTo(3);
        assertThat(ms(r.process("error").orElseThrow().cpu())).isEqualTo(1);
        assertThat(r.process("fatal").orElseThrow().termination()).contains(Termination.fatal("illegal-instruction"));
        TaskResult victim = r.process("victim").orElseThrow();
        assertThat(victim.termination()).contains(Termination.killed("killer"));
        assertThat(victim.cpu()).isZero();
        assertThat(ms(victim.completion().getAsLong())).isEqualTo(4);
    }

    @Test
    void killingARunningProcessOnAnotherCpuStopsItThere() {
        RunResult r = Simulation.builder(Workload.of("t", List.of(proc("V", 0, "cpu 100ms"), proc("K", 0, "cpu 5ms; kill V"))))
                .scheduler(TestPolicies.fifo(), Map.of()).cpus(2).recordSlices(true).run();
        assertThat(schedule(r)).isEqualTo("0:V@0-5 1:K@0-5");
        assertThat(ms(r.process("V").orElseThrow().cpu())).isEqualTo(5);
    }

    @Test
    void contextSwitchesAndInterruptsCostOverheadNotWork() {
        CostProfile costs = new CostProfile("test", millis(1), 0, 0, 0, 0, 0);
        RunResult r = Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 2ms"), proc("B", 0, "cpu 2ms"))))
                .scheduler(TestPolicies.fifo(), Map.of()).costs(costs).recordSlices(true).run();
        assertThat(schedule(r)).isEqualTo("0:A@1-3 0:B@4-6");
        assertThat(r.summary().overhead()).isEqualTo(millis(2));
        assertThat(r.summary().makespan()).isEqualTo(millis(6));
        assertThat(r.process("A").orElseThrow().cpu()).isEqualTo(millis(2));
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
        RunResult r = Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 5ms"), proc("B", 0, "cpu 5ms"))))
                .scheduler(everyOtherTick, Map.of()).tick(millis(1)).costs(costs).recordSlices(true).run();
        // Ticks at 1, 2, 3 …; every second one preempts. Each tick costs 1 us of interrupt overhead.
        assertThat(r.slices()).extracting(SliceRecord::task).startsWith("A", "B", "A", "B");
        assertThat(r.slices().get(0).end()).isEqualTo(millis(2));
        assertThat(r.summary().overhead()).isPositive();
        assertThat(r.summary().overhead() % 1_000).isZero();
        assertThat(r.process("A").orElseThrow().cpu()).isEqualTo(millis(5));
    }

    @Test
    void sleepRecordsTheNextAlarmAndBlocks() {
        RunResult r = run(TestPolicies.fifo(), Map.of(), proc("A", 0, "sleep 5ms; cpu 1ms"));
        assertThat(schedule(r)).isEqualTo("0:A@5-6");
        assertThat(ms(r.process("A").orElseThrow().blocked())).isEqualTo(5);
    }

    @Test
    void yieldGivesTheCpuToTheNextInLine() {
        RunResult r = run(TestPolicies.fifo(), Map.of(), proc("A", 0, "cpu 1ms; yield; cpu 1ms"), proc("B", 0, "cpu 2ms"));
        assertThat(schedule(r)).isEqualTo("0:A@0-1 0:B@1-3 0:A@3-4");
    }

    // ------------------------------------------------------------------ the safety net

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
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 2ms"), proc("B", 0, "cpu 2ms"))))
                .scheduler(broken, Map.of()).cpus(2).run())
                .isInstanceOf(OsimException.class)
                .satisfies(e -> assertThat(((OsimException) e).code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("scheduler 'foreign' failed in pickNext at 0 ms: returned task A for cpu 1, "
                        + "which it does not hold (it is running on cpu 0)");
    }

    @Test
    void aPolicyBreakingAffinityIsNamed() {
        RunResult ok = Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 2ms").withAffinity(List.of(1)))))
                .scheduler(TestPolicies.factory("pinned", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
                    @Override
                    public Task pickNext(CpuView cpu) {
                        return queue.poll(cpu);
                    }
                }), Map.of()).cpus(2).recordSlices(true).run();
        assertThat(schedule(ok)).isEqualTo("1:A@0-2");
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 2ms").withAffinity(List.of(1)))))
                .scheduler(TestPolicies.fifo(), Map.of()).cpus(2).run())
                .hasMessage("scheduler 'fifo' failed in pickNext at 0 ms: returned task A for cpu 0, which its affinity excludes");
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 2ms").withAffinity(List.of(3)))))
                .scheduler(TestPolicies.fifo(), Map.of()).cpus(2).run())
                .hasMessage("process 'A' has affinity for cpu 3, but the machine has CPUs 0 to 1");
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
        assertThatThrownBy(() -> run(broken, Map.of(), proc("A", 0, "cpu 1ms; io 3ms; cpu 1ms")))
                .isInstanceOf(OsimException.class)
                .hasMessage("scheduler 'thrower' failed in enqueue at 4 ms: threw java.lang.IllegalStateException: boom");
    }

    @Test
    void theWatchdogCatchesAPolicyThatNeverPicks() {
        SchedulerFactory lazy = TestPolicies.factory("lazy", List.of(), (p, c) -> new TestPolicies.Fifo(Long.MAX_VALUE) {
            @Override
            public Task pickNext(CpuView cpu) {
                return null;
            }
        });
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(proc("A", 5, "cpu 1ms"))))
                .scheduler(lazy, Map.of()).watchdog(millis(100)).run())
                .isInstanceOf(OsimException.class)
                .hasMessage("scheduler 'lazy' failed in pickNext at 105 ms: watchdog: task A has been runnable "
                        + "for 100 ms while cpu 0 sat idle (bound 100ms)");
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
    void aRunStopsAtTheHorizonWithWorkUnderWayAccounted() {
        RunResult r = Simulation.builder(Workload.of("t", List.of(proc("A", 0, "cpu 10ms"))))
                .scheduler(TestPolicies.fifo(), Map.of()).horizon(millis(4)).recordSlices(true).run();
        TaskResult a = r.process("A").orElseThrow();
        assertThat(a.completion()).isEmpty();
        assertThat(a.cpu()).isEqualTo(millis(4));
        assertThat(schedule(r)).isEqualTo("0:A@0-4");
    }

    @Test
    void waitingForAChildThatNeverEndsIsADeadlock() {
        // B waits on its own exit through join of a thread that waits for B's main thread: an impossible wait.
        ProcessSpec p = new ProcessSpec("P", 0, 0, 0, 1, "u", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P", Program.parse("spawn w; join"))),
                Map.of("w", Program.parse("wait")), java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
        // "wait" with no children returns at once, so this one ends normally: no false deadlock.
        RunResult r = run(TestPolicies.fifo(), Map.of(), p);
        assertThat(r.violations()).isEmpty();
        assertThat(r.process("P").orElseThrow().termination()).contains(Termination.exit(0));
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
        assertThatThrownBy(() -> Simulation.builder(Workload.of("t", List.of(proc("A", 0, "io 1ms; cpu 1ms"))))
                .scheduler(forgetful, Map.of()).watchdog(millis(50)).run())
                .hasMessageContaining("scheduler 'forgetful' failed in pickNext at 51 ms: watchdog: task A");
    }
}
