package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.api.result.Violation;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Mutual exclusion with busy waiting (Tanenbaum §2.3.3), in machine instructions over shared memory. */
class BusyWaitingTest {
    private static HarnessResult twoCpus(String workload) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workload(workload).run();
    }

    private static HarnessResult oneCpu(String workload, String quantum) {
        return SchedulerHarness.of(new RoundRobin()).param("quantum", quantum).cpus(1).workload(workload).run();
    }

    @Test
    void aLockVariableLetsBothIn() {
        // On two CPUs in lock step both read lock = 0 every time: every entry is a violation, and every
        // second update is lost.
        HarnessResult r = twoCpus("busy-wait-lock-variable");
        assertThat(r.result().violations()).hasSize(100).allMatch(v -> v.kind().equals("mutual-exclusion"));
        Violation first = r.result().violations().get(0);
        assertThat(first.threads()).containsExactly("A", "B");
        assertThat(first.detail()).isEqualTo("A and B are in critical region 'critical' at once");
        assertThat(r.result().memory().get("counter")).containsExactly(100L);
        // On one CPU a 7 µs quantum sometimes falls between the test and the set: 54 times both get in,
        // and 40 updates are lost.
        HarnessResult one = oneCpu("busy-wait-lock-variable", "7us");
        assertThat(one.result().memory().get("counter")).containsExactly(160L);
        assertThat(one.result().violations()).hasSize(54);
    }

    @Test
    void petersonTslXchgTicketAndTtasKeepMutualExclusion() {
        java.util.Map<String, Long> increments = java.util.Map.of("busy-wait-peterson", 200L, "busy-wait-tsl", 200L,
                "busy-wait-xchg", 200L, "busy-wait-ticket", 300L, "busy-wait-ttas", 300L);
        increments.forEach((w, n) -> {
            for (HarnessResult r : List.of(twoCpus(w), oneCpu(w, "3us"), oneCpu(w, "7us"))) {
                assertThat(r.result().violations()).as(w).isEmpty();
                assertThat(r.result().memory().get("counter")).as(w).containsExactly(n);
            }
        });
    }

    private static HarnessResult withInterrupts(String workload, int every, long seed) {
        org.osim.api.workload.Workload w = org.osim.workloads.Workloads.load(workload, seed);
        w = w.withMachine(w.machine().withCpus(1).withInterruptEvery(every));
        return SchedulerHarness.of(new FirstComeFirstServed()).seed(seed).workload(w).run();
    }

    @Test
    void randomInterruptsMakeRacesHappenUnderAnyPolicy() {
        // First come first served never preempts: on one CPU the lock variable works by luck.
        assertThat(withInterrupts("busy-wait-lock-variable", 0, 1).result().violations()).isEmpty();
        // An interrupt about every 5 instructions falls between the test and the set now and then.
        HarnessResult r = withInterrupts("busy-wait-lock-variable", 5, 1);
        assertThat(r.result().violations()).hasSize(62);
        assertThat(r.result().memory().get("counter")).containsExactly(168L);
        assertThat(withInterrupts("busy-wait-lock-variable", 5, 1).result().violations()).hasSize(62); // seeded
        assertThat(withInterrupts("busy-wait-lock-variable", 5, 2).result().violations().size()).isPositive().isNotEqualTo(62);
        // The correct solutions stay correct; disabling interrupts holds them off until sti.
        for (String w : List.of("busy-wait-peterson", "busy-wait-tsl", "busy-wait-disable-interrupts")) {
            HarnessResult c = withInterrupts(w, 3, 1);
            assertThat(c.result().violations()).as(w).isEmpty();
            assertThat(c.result().memory().get("counter")).as(w).containsExactly(200L);
        }
    }

    @Test
    void busyWaitingBurnsTheCpu() {
        // Peterson on one CPU: a process that finds the other inside spins out its quantum, so the run takes
        // longer than the instructions that do work.
        HarnessResult r = oneCpu("busy-wait-peterson", "3us");
        assertThat(r.result().endTime()).isEqualTo(r.process("P0").cpu() + r.process("P1").cpu());
        assertThat(r.process("P0").cpu() + r.process("P1").cpu()).isGreaterThan(200 * 14_000L);
    }

    @Test
    void fig2_29UserLevelMutexYieldsInsteadOfSpinning() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("user-mutex-yield").run();
        assertThat(r.result().violations()).isEmpty();
        assertThat(r.result().memory().get("P:counter")).containsExactly(60L);
        assertThat(r.result().memory().get("P:mutex")).containsExactly(0L);
        // 60 critical sections of 100 µs plus the instructions: the CPU never idles and nobody spins for long.
        assertThat(r.result().endTime()).isEqualTo(r.process("P").cpu());
        assertThat(r.result().endTime()).isEqualTo(6_960_000L);
    }

    @Test
    void strictAlternationKeepsMutualExclusionButNotProgress() {
        HarnessResult r = twoCpus("busy-wait-strict-alternation");
        assertThat(r.result().violations()).hasSize(1);
        Violation v = r.result().violations().get(0);
        assertThat(v.kind()).isEqualTo("progress");
        // P1 left at 0.013 ms, came back at 0.033 ms and found turn = 0 while P0 is in its 3 ms noncritical region.
        assertThat(v.time()).isEqualTo(1_033_000L);
        assertThat(v.threads()).containsExactly("P1", "P0");
        assertThat(v.detail()).isEqualTo("P1 has been kept out of critical region 'critical' for 1 ms though nobody was in it "
                + "or trying to enter: P0, outside its critical region, keeps it out (condition 3 of Tanenbaum §2.3.2)");
        assertThat(r.result().memory().get("counter")).containsExactly(40L);
    }

    @Test
    void fig2_27TheLostWakeupDeadlocksAndTheWakeupWaitingBitCuresIt() {
        // The interleaving osim explore found: the consumer reads count = 0 (2 instructions), the producer
        // produces, counts to 1 and wakes the consumer, which is not asleep; the consumer goes to sleep.
        String schedule = "consumer:2 producer:17 consumer:1 producer:64";
        HarnessResult lost = SchedulerHarness.of(new org.osim.schedulers.Scripted()).param("schedule", schedule)
                .workload("producer-consumer-sleep-wakeup").run();
        assertThat(lost.result().violations()).hasSize(1);
        Violation v = lost.result().violations().get(0);
        assertThat(v.time()).isEqualTo(84_000L);
        assertThat(v.detail()).isEqualTo("every live thread is blocked and nothing can wake them: producer waits for "
                + "sys.sleepers; consumer waits for sys.sleepers");
        assertThat(v.schedule()).isEqualTo(schedule);
        assertThat(lost.result().objects().get(0).counters()).containsEntry("lost wakeups", 1L);
        assertThat(lost.result().memory().get("count")).containsExactly(4L); // the buffer is full

        HarnessResult kept = SchedulerHarness.of(new org.osim.schedulers.Scripted()).param("schedule", schedule)
                .workload("producer-consumer-wakeup-bit").run();
        assertThat(kept.result().violations()).isEmpty();
        assertThat(kept.result().memory().get("count")).containsExactly(0L);
        assertThat(kept.result().objects().get(0).counters()).containsEntry("sleeps that used the wakeup waiting bit", 1L);
    }

    @Test
    void disablingInterruptsWorksOnOneCpuOnly() {
        for (String q : List.of("1us", "2us", "3us", "5us")) {
            HarnessResult one = oneCpu("busy-wait-disable-interrupts", q);
            assertThat(one.result().violations()).as(q).isEmpty();
            assertThat(one.result().memory().get("counter")).as(q).containsExactly(200L);
        }
        HarnessResult two = SchedulerHarness.of(new FirstComeFirstServed()).cpus(2).workload("busy-wait-disable-interrupts").run();
        assertThat(two.result().violations()).hasSize(100);
        assertThat(two.result().memory().get("counter")).containsExactly(100L);
        // Without the machine's permission, cli is a privileged instruction.
        HarnessResult denied = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                processes:
                  - { name: A, program: "cli; cpu 1ms" }
                """).run();
        assertThat(denied.process("A").termination().orElseThrow().detail()).isEqualTo("privileged instruction: cli in a "
                + "user program (a machine with 'userInterrupts: true' allows it; Tanenbaum §2.3.3 says why it should not)");
    }

    @Test
    void busyWaitingUnderStrictPrioritiesStarvesTheHolder() {
        HarnessResult r = SchedulerHarness.of(new org.osim.schedulers.PriorityScheduling())
                .workload("busy-wait-priority-inversion").run();
        assertThat(r.result().violations()).hasSize(1);
        Violation v = r.result().violations().get(0);
        assertThat(v.kind()).isEqualTo("starvation");
        assertThat(v.threads()).containsExactly("H", "L");
        // H preempts L inside its region at 0.02 ms and spins; after the 100 ms bound the run stops.
        assertThat(v.time()).isEqualTo(100_020_000L);
        assertThat(r.result().endTime()).isEqualTo(100_020_000L);
        assertThat(r.process("L").completion()).isEmpty();
        // Round robin lets L finish its region, so H gets in.
        HarnessResult rr = oneCpu("busy-wait-priority-inversion", "30us");
        assertThat(rr.result().violations()).isEmpty();
        assertThat(rr.process("H").completion()).isPresent();
    }

    @Test
    void aRetWithoutACallIsAFault() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                processes:
                  - { name: A, program: "call f; ret; f: mov r1, 1; ret" }
                """).run();
        // call f, mov, ret back to the first ret, which has nothing to return to.
        assertThat(r.process("A").termination().orElseThrow().detail()).isEqualTo("ret with nothing to return to");
        assertThat(r.result().summary().instructions()).isEqualTo(3);
    }

    @Test
    void testAndTestAndSetSparesTheBus() {
        HarnessResult tsl = twoCpus("bus-tsl");
        HarnessResult ttas = twoCpus("bus-ttas");
        for (HarnessResult r : List.of(tsl, ttas)) {
            assertThat(r.result().violations()).isEmpty();
            assertThat(r.result().memory().get("data")).containsOnly(200L);
        }
        // Spinning TSLs keep the bus busy and the holder waits for it; spinning loads hit the caches.
        assertThat(tsl.result().summary().busTransactions()).isEqualTo(13_871);
        assertThat(ttas.result().summary().busTransactions()).isEqualTo(5_178);
        assertThat(tsl.result().summary().busWait()).isEqualTo(13_985_000L);
        assertThat(ttas.result().summary().busWait()).isEqualTo(1_389_000L);
        assertThat(tsl.result().summary().makespan()).isEqualTo(13_950_000L);
        assertThat(ttas.result().summary().makespan()).isEqualTo(11_399_000L);
    }
}
