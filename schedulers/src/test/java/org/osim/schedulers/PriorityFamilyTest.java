package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Priority classes, 1/f dynamic priority, priority decay and CTSS, against Tanenbaum §2.4.3. */
class PriorityFamilyTest {

    @Test
    void withoutAgingTheLowestClassWaitsForEverythingAbove() {
        HarnessResult r = SchedulerHarness.of(new PriorityClasses()).workload("fig-2-43-classes").run();
        long lowFirst = r.process("low").firstRun().orElseThrow();
        // Both class-4 processes (20 × 20 ms each) and the class-3 one (100 ms) run first.
        assertThat(lowFirst).isEqualTo(900_000_000L);
        assertThat(r.process("low").figure("class").orElseThrow().value()).isEqualTo(1);
    }

    @Test
    void agingLetsTheLowestClassRise() {
        HarnessResult r = SchedulerHarness.of(new PriorityClasses()).param("aging", "100ms").workload("fig-2-43-classes").run();
        // Waiting 300 ms lifts class 1 to class 4, level with the busy processes, and it runs after them in turn.
        assertThat(r.process("low").firstRun().orElseThrow()).isBetween(300_000_000L, 360_000_000L);
    }

    @Test
    void dynamicPriorityIsTheInverseOfTheFractionOfTheQuantumUsed() {
        // Tanenbaum: 1 ms of a 50 ms quantum gives priority 50, 25 ms gives 2, the whole quantum gives 1.
        HarnessResult r = SchedulerHarness.of(new DynamicPriority()).workloadYaml("""
                processes:
                  - { name: io-bound, repeat: 5, bursts: [cpu 1ms, io 30ms] }
                  - { name: half, repeat: 3, bursts: [cpu 25ms, io 30ms] }
                  - { name: cpu-bound, bursts: [cpu 200ms] }
                """).run();
        assertThat(r.process("io-bound").figure("priority").orElseThrow().value()).isEqualTo(50);
        assertThat(r.process("half").figure("priority").orElseThrow().value()).isEqualTo(2);
        assertThat(r.process("cpu-bound").figure("priority").orElseThrow().value()).isEqualTo(1);
        // Once measured, the I/O-bound process gets the CPU the moment it is ready: its waits are short.
        assertThat(r.process("io-bound").waiting()).isLessThan(r.process("half").waiting());
    }

    @Test
    void priorityDecaysAtEachTickUntilAnotherProcessIsBetter() {
        HarnessResult r = SchedulerHarness.of(new PriorityScheduling()).param("decay", "1").workloadYaml("""
                machine: { tick: 1ms }
                processes:
                  - { name: A, priority: 5, bursts: [cpu 10ms] }
                  - { name: B, priority: 3, bursts: [cpu 10ms] }
                """).run();
        // A: 5 → 4 → 3 → 2 at ticks 1-3, below B's 3: switch. Then each falls below the other every two ticks.
        assertThat(r.schedule()).startsWith("A 0-3 | B 3-5 | A 5-7 | B 7-9");
    }

    @Test
    void ctssLoadsAProcessNeeding100Quanta7Times() {
        HarnessResult r = SchedulerHarness.of(new Ctss()).workload("ctss-100-quanta").run();
        assertThat(r.process("long").figure("loads").orElseThrow().value()).isEqualTo(7);
        assertThat(r.process("long").figure("class").orElseThrow().value()).isEqualTo(6);
        // The interactive processes never use a whole quantum and stay in the top class.
        assertThat(r.process("editor").figure("class").orElseThrow().value()).isZero();
        assertThat(r.process("shell").figure("class").orElseThrow().value()).isZero();
    }

    @Test
    void ctssAllotmentsDoubleClassByClass() {
        HarnessResult r = SchedulerHarness.of(new Ctss()).workloadYaml("""
                processes:
                  - { name: long, bursts: [cpu 100ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("long 0-10 | long 10-30 | long 30-70 | long 70-100");
    }

    @Test
    void aParentSetsItsChildrensPrioritiesAndThePolicyObeys() {
        HarnessResult r = SchedulerHarness.of(new PriorityScheduling()).workload("parent-sets-priorities").run();
        // The query (4) first; while it waits for the disk the logger (2) runs, until the query preempts it;
        // the indexer (1) last, though it was forked first.
        assertThat(r.schedule()).isEqualTo("server/query 0-20 | server/logger 20-25 | server/query 25-35 | "
                + "server/logger 35-55 | server/logger 55-60 | server/indexer 60-80 | server/indexer 80-100");
        HarnessResult rr = SchedulerHarness.of(new RoundRobin()).workload("parent-sets-priorities").run();
        assertThat(rr.order().get(0)).isEqualTo("server/indexer");
    }
}
