package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.result.RealTimeResult;
import org.osim.api.result.RunResult;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** EDF, RM, DM, LLF, global and partitioned EDF (Tanenbaum §2.4.4, Liu and Layland, Dhall and Liu). */
class RealTimeTest {
    private static RealTimeResult rt(RunResult r, String task) {
        return r.process(task).orElseThrow().realTime().orElseThrow();
    }

    @Test
    void theBookExampleMeetsEveryDeadlineUnderEdfAndRm() {
        for (var policy : new org.osim.api.sched.SchedulerFactory[] {new EarliestDeadlineFirst(), new RateMonotonic()}) {
            RunResult r = SchedulerHarness.of(policy).workload("rt-book-example").run().result();
            assertThat(r.summary().deadlineMisses()).as(policy.name()).isZero();
            assertThat(r.summary().cpuUtilization()).isEqualTo(0.85);
            // Jobs released at 0, 100, …, 2000 (the last at the end of the run).
            assertThat(rt(r, "T1").released()).isEqualTo(21);
            assertThat(rt(r, "T1").completed()).isEqualTo(20);
        }
        RunResult rm = SchedulerHarness.of(new RateMonotonic()).workload("rt-book-example").run().result();
        // The response times of the exact analysis: 50, 80, 360.
        assertThat(rt(rm, "T1").worstResponse()).isEqualTo(50_000_000L);
        assertThat(rt(rm, "T2").worstResponse()).isEqualTo(80_000_000L);
        assertThat(rt(rm, "T3").worstResponse()).isEqualTo(360_000_000L);
    }

    @Test
    void edfRunsTheEarliestDeadlineAndPreemptsForIt() {
        HarnessResult r = SchedulerHarness.of(new EarliestDeadlineFirst()).workloadYaml("""
                duration: 20ms
                processes:
                  - { name: long, periodic: { period: 20ms, wcet: 8ms } }
                  - { name: short, arrival: 2, periodic: { period: 5ms, wcet: 1ms, jobs: 3 } }
                """).run();
        // short's jobs (released at 2, 7, 12, due 5 ms later) are due before long's (20): each preempts it.
        assertThat(r.schedule()).startsWith("long 0-2 | short 2-3 | long 3-7 | short 7-8 | long 8-10 | short 12-13");
    }

    @Test
    void deadlineMonotonicSucceedsWhereRateMonotonicFails() {
        // T1: C 3, T 20, D 5. T2: C 3, T 10, D 10. RM puts T2 first and T1 answers in 6 > 5.
        String yaml = """
                duration: 200ms
                processes:
                  - { name: T1, periodic: { period: 20ms, wcet: 3ms, deadline: 5ms } }
                  - { name: T2, periodic: { period: 10ms, wcet: 3ms } }
                """;
        RunResult rm = SchedulerHarness.of(new RateMonotonic()).workloadYaml(yaml).run().result();
        RunResult dm = SchedulerHarness.of(new DeadlineMonotonic()).workloadYaml(yaml).run().result();
        assertThat(rt(rm, "T1").missed()).isEqualTo(10);
        assertThat(rt(rm, "T1").worstResponse()).isEqualTo(6_000_000L);
        assertThat(dm.summary().deadlineMisses()).isZero();
        assertThat(rt(dm, "T2").worstResponse()).isEqualTo(6_000_000L);
    }

    @Test
    void leastLaxityFirstMeetsAFeasibleSet() {
        RunResult r = SchedulerHarness.of(new LeastLaxityFirst()).workload("rt-book-example").run().result();
        assertThat(r.summary().deadlineMisses()).isZero();
    }

    @Test
    void underOverloadEdfDominoesWhileRmSacrificesTheLowestPriority() {
        RunResult edf = SchedulerHarness.of(new EarliestDeadlineFirst()).workload("rt-overload").run().result();
        RunResult rm = SchedulerHarness.of(new RateMonotonic()).workload("rt-overload").run().result();
        assertThat(rt(rm, "control").missed()).isZero();
        assertThat(rt(rm, "audio").missed()).isZero();
        assertThat(rt(rm, "video").missed()).isEqualTo(30);
        assertThat(rt(rm, "video").aborted()).isEqualTo(30);
        assertThat(rt(edf, "control").missed() + rt(edf, "audio").missed()).isPositive();
        assertThat(edf.summary().deadlineMisses()).isGreaterThan(rm.summary().deadlineMisses());
    }

    @Test
    void dhallsEffectGlobalEdfMissesWherePartitionedEdfDoesNot() {
        RunResult global = SchedulerHarness.of(new GlobalEdf()).workload("rt-dhall-2cpu").run().result();
        RunResult partitioned = SchedulerHarness.of(new PartitionedEdf()).workload("rt-dhall-2cpu").run().result();
        assertThat(rt(global, "heavy").missed()).isEqualTo(10);
        assertThat(global.summary().cpuUtilization()).isLessThan(0.52);
        assertThat(partitioned.summary().deadlineMisses()).isZero();
        assertThat(partitioned.process("heavy").orElseThrow().figure("partition").orElseThrow().value()).isZero();
        assertThat(partitioned.process("light-1").orElseThrow().figure("partition").orElseThrow().value()).isEqualTo(1);
        assertThat(partitioned.process("heavy").orElseThrow().migrations()).isZero();
    }

    @Test
    void otherProcessesRunInTheBackground() {
        HarnessResult r = SchedulerHarness.of(new EarliestDeadlineFirst()).workloadYaml("""
                duration: 30ms
                processes:
                  - { name: batch, bursts: [cpu 10ms] }
                  - { name: rt, arrival: 1, periodic: { period: 10ms, wcet: 4ms } }
                """).run();
        assertThat(r.schedule()).startsWith("batch 0-1 | rt 1-5 | batch 5-11 | rt 11-15 | batch 15-18 | rt 21-25");
    }

    @Test
    void globalRateMonotonicPreemptsTheLowestPriorityJobWhenTwoAreReleasedAtOnce() {
        // Two period-20 jobs are released at 20 while the period-21 job runs and the other CPU idles: one takes
        // the idle CPU and the other preempts the period-21 job at once (SimSo's global RM does the same).
        HarnessResult r = SchedulerHarness.of(new RateMonotonic()).workloadYaml("""
                machine: { cpus: 2 }
                duration: 42ms
                processes:
                  - { name: T1, periodic: { period: 20ms, wcet: 2ms } }
                  - { name: T2, periodic: { period: 20ms, wcet: 2ms } }
                  - { name: T3, periodic: { period: 21ms, wcet: 20ms } }
                """).run();
        assertThat(r.schedule()).isEqualTo("cpu0:T1 0-2 | cpu1:T2 0-2 | cpu0:T3 2-20 | cpu1:T1 20-22 | cpu0:T2 20-22"
                + " | cpu0:T3 22-24 | cpu0:T3 24-40 | cpu1:T1 40-42 | cpu0:T2 40-42");
        assertThat(rt(r.result(), "T2").worstResponse()).isEqualTo(2_000_000L);
        assertThat(rt(r.result(), "T3").missed()).isEqualTo(2);
    }

    /** Two light tasks due every 10 ms and a heavy one due at 40, on two CPUs. */
    private static final String TWO_LIGHT_ONE_HEAVY = """
                machine: { cpus: 2 }
                duration: 20ms
                processes:
                  - { name: T1, periodic: { period: 10ms, wcet: 2ms } }
                  - { name: T2, periodic: { period: 10ms, wcet: 2ms } }
                  - { name: T3, periodic: { period: 40ms, wcet: 20ms } }
                """;

    @Test
    void globalEdfPreemptsTheLatestDeadlineWhenTwoJobsAreReleasedAtOnce() {
        HarnessResult r = SchedulerHarness.of(new GlobalEdf()).workloadYaml(TWO_LIGHT_ONE_HEAVY).run();
        // At 10 both light jobs (due at 20) run, and T3 (due at 40) gives way on cpu0.
        assertThat(r.schedule()).startsWith("cpu0:T1 0-2 | cpu1:T2 0-2 | cpu0:T3 2-10 | cpu1:T1 10-12 | cpu0:T2 10-12 | cpu0:T3 12-");
    }

    @Test
    void edzlMeetsTheDeadlinesDhallsEffectMakesGlobalEdfMiss() {
        RunResult gedf = SchedulerHarness.of(new GlobalEdf()).workload("rt-dhall-2cpu").run().result();
        HarnessResult edzl = SchedulerHarness.of(new EarliestDeadlineZeroLaxity()).workload("rt-dhall-2cpu").run();
        assertThat(gedf.summary().deadlineMisses()).isEqualTo(10);
        assertThat(edzl.result().summary().deadlineMisses()).isZero();
        // At 10 ms the heavy job's laxity (1000 - 10 - 990) is zero: it preempts light-1, which ends on cpu1 by 30.
        assertThat(edzl.schedule()).startsWith("cpu0:light-1 0-10 | cpu1:light-2 0-20 | cpu1:light-1 20-30 | cpu0:heavy 10-1000"
                + " | cpu0:light-1 1000-1010");
        assertThat(rt(edzl.result(), "heavy").worstResponse()).isEqualTo(1_000_000_000L);
        assertThat(rt(edzl.result(), "heavy").maxLateness()).isZero();
        assertThat(rt(edzl.result(), "light-1").worstResponse()).isEqualTo(30_000_000L);
        assertThat(edzl.result().summary().preemptions()).isEqualTo(10);
    }

    @Test
    void edzlIsGlobalEdfWhileNoJobReachesZeroLaxity() {
        String yaml = TWO_LIGHT_ONE_HEAVY;
        assertThat(SchedulerHarness.of(new EarliestDeadlineZeroLaxity()).workloadYaml(yaml).run().schedule())
                .isEqualTo(SchedulerHarness.of(new GlobalEdf()).workloadYaml(yaml).run().schedule());
    }
}
