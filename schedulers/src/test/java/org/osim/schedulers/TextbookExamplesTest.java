package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** The worked examples of Tanenbaum §2.4, reproduced exactly. */
class TextbookExamplesTest {

    @Test
    void figure2_41FirstComeFirstServed() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("fig-2-41").run();
        assertThat(r.schedule()).isEqualTo("A 0-8 | B 8-12 | C 12-16 | D 16-20");
        assertThat(new double[] {r.turnaroundMillis("A"), r.turnaroundMillis("B"), r.turnaroundMillis("C"), r.turnaroundMillis("D")})
                .containsExactly(8, 12, 16, 20);
        assertThat(r.meanTurnaroundMillis()).isEqualTo(14);
    }

    @Test
    void figure2_41ShortestJobFirst() {
        HarnessResult r = SchedulerHarness.of(new ShortestJobFirst()).workload("fig-2-41").run();
        assertThat(r.schedule()).isEqualTo("B 0-4 | C 4-8 | D 8-12 | A 12-20");
        assertThat(new double[] {r.turnaroundMillis("B"), r.turnaroundMillis("C"), r.turnaroundMillis("D"), r.turnaroundMillis("A")})
                .containsExactly(4, 8, 12, 20);
        assertThat(r.meanTurnaroundMillis()).isEqualTo(11);
        assertThat(r.meanWaitingMillis()).isEqualTo(6);
        assertThat(r.meanResponseMillis()).isEqualTo(6);
        assertThat(r.result().summary().throughput()).isEqualTo(0.2);
        assertThat(r.result().summary().contextSwitches()).isEqualTo(4);
        assertThat(r.process("A").contextSwitches()).isEqualTo(1);
    }

    @Test
    void sjfIsNotOptimalWhenJobsArriveLater() {
        // Tanenbaum §2.4.2: SJF runs A, B, C, D, E for a mean of 4.6; B, C, D, E, A would give 4.4.
        HarnessResult sjf = SchedulerHarness.of(new ShortestJobFirst()).workload("sjf-counterexample").run();
        assertThat(sjf.order()).containsExactly("A", "B", "C", "D", "E");
        assertThat(sjf.meanTurnaroundMillis()).isEqualTo(4.6);
    }

    @Test
    void shortestRemainingTimeNextPreemptsForShorterArrivals() {
        HarnessResult r = SchedulerHarness.of(new ShortestRemainingTimeNext()).workload("sjf-counterexample").run();
        assertThat(r.schedule()).isEqualTo("A 0-2 | B 2-3 | C 3-4 | D 4-5 | E 5-6 | B 6-9");
        assertThat(r.meanTurnaroundMillis()).isEqualTo(3.4);
        assertThat(r.process("B").preemptions()).isEqualTo(1);
    }

    @Test
    void srtnDoesNotPreemptForAnEqualRemainingTime() {
        HarnessResult r = SchedulerHarness.of(new ShortestRemainingTimeNext()).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 4ms] }
                  - { name: B, arrival: 2, bursts: [cpu 2ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 0-4 | B 4-6");
    }

    @Test
    void roundRobinFigure2_42() {
        // Fig. 2-42: B, F, D, G, A in the queue; each runs one quantum and goes to the end.
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "4ms").workloadYaml("""
                processes:
                  - { name: B, bursts: [cpu 8ms] }
                  - { name: F, bursts: [cpu 4ms] }
                  - { name: D, bursts: [cpu 6ms] }
                  - { name: G, bursts: [cpu 2ms] }
                  - { name: A, bursts: [cpu 4ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("B 0-4 | F 4-8 | D 8-12 | G 12-14 | A 14-18 | B 18-22 | D 22-24");
        assertThat(r.turnaroundMillis("D")).isEqualTo(24);
        assertThat(r.result().summary().contextSwitches()).isEqualTo(7);
    }

    @Test
    void roundRobinFig2_41WithAQuantumOf4() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "4ms").workload("fig-2-41").run();
        assertThat(r.schedule()).isEqualTo("A 0-4 | B 4-8 | C 8-12 | D 12-16 | A 16-20");
        assertThat(r.meanTurnaroundMillis()).isEqualTo(14);
    }

    @Test
    void roundRobinDefaultQuantumIs20ms() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 50ms] }
                  - { name: B, bursts: [cpu 10ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 0-20 | B 20-30 | A 30-50 | A 50-60");
    }

    @Test
    void preemptivePriorityRunsTheMostImportantFirstAndPreempts() {
        HarnessResult r = SchedulerHarness.of(new PriorityScheduling()).workloadYaml("""
                processes:
                  - { name: low, priority: 1, bursts: [cpu 10ms] }
                  - { name: high, priority: 5, arrival: 3, bursts: [cpu 2ms] }
                  - { name: mid, priority: 3, bursts: [cpu 2ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("mid 0-2 | low 2-3 | high 3-5 | low 5-14");
        assertThat(r.process("low").preemptions()).isEqualTo(1);
    }

    @Test
    void nonPreemptivePriorityWaitsForTheRunningProcess() {
        HarnessResult r = SchedulerHarness.of(new PriorityScheduling()).param("preemptive", "false").workloadYaml("""
                processes:
                  - { name: low, priority: 1, bursts: [cpu 10ms] }
                  - { name: high, priority: 5, arrival: 3, bursts: [cpu 2ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("low 0-10 | high 10-12");
    }

    @Test
    void equalPrioritiesShareRoundRobin() {
        HarnessResult r = SchedulerHarness.of(new PriorityScheduling()).param("quantum", "2ms").workloadYaml("""
                processes:
                  - { name: A, priority: 2, bursts: [cpu 4ms] }
                  - { name: B, priority: 2, bursts: [cpu 4ms] }
                  - { name: C, priority: 1, bursts: [cpu 1ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 0-2 | B 2-4 | A 4-6 | B 6-8 | C 8-9");
    }

    @Test
    void theConvoyEffectOfFcfs() {
        HarnessResult fcfs = SchedulerHarness.of(new FirstComeFirstServed()).workload("convoy").run();
        HarnessResult rr = SchedulerHarness.of(new RoundRobin()).param("quantum", "10ms").workload("convoy").run();
        // Under FCFS the I/O-bound processes get about one disk read per second of the CPU hog.
        assertThat(fcfs.turnaroundMillis("io-1")).isEqualTo(10_760);
        assertThat(rr.turnaroundMillis("io-1")).isEqualTo(1_410);
    }

    @Test
    void preemptiveSchedulersOnTwoCpus() {
        HarnessResult r = SchedulerHarness.of(new ShortestRemainingTimeNext()).cpus(2).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 10ms] }
                  - { name: B, bursts: [cpu 6ms] }
                  - { name: C, arrival: 1, bursts: [cpu 2ms] }
                """).run();
        // B (shortest) goes to cpu 0, A to cpu 1; C preempts A, the job with most time left, not B.
        assertThat(r.schedule()).isEqualTo("cpu1:A 0-1 | cpu1:C 1-3 | cpu0:B 0-6 | cpu1:A 3-12");
    }
}
