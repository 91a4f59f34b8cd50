package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.PriorityScheduling;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Each primitive's defining behaviour, with exact results. */
class PrimitivesTest {
    private static ObjectResult object(RunResult r, String name) {
        return r.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static TaskResult thread(HarnessResult r, String process, String thread) {
        return r.process(process).threads().stream().filter(t -> t.name().equals(thread)).findFirst().orElseThrow();
    }

    @Test
    void semaphoreDownBlocksAtZeroAndUpWakesTheFirstSleeper() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "1ms").workloadYaml("""
                objects: [ { name: s, type: semaphore, initial: 1 } ]
                processes:
                  - { name: A, program: "call s.down; cpu 5ms; call s.up" }
                  - { name: B, program: "call s.down; cpu 1ms; call s.up" }
                  - { name: C, program: "call s.down; cpu 1ms; call s.up" }
                """).run();
        // A takes the unit; at 1 ms B and C find the count at 0 and sleep; A's up at 5 wakes B (the first),
        // B's up at 6 wakes C.
        assertThat(r.process("B").completion().orElseThrow()).isEqualTo(6_000_000L);
        assertThat(r.process("C").completion().orElseThrow()).isEqualTo(7_000_000L);
        ObjectResult s = object(r.result(), "s");
        assertThat(s.operations()).isEqualTo(6);
        assertThat(s.blocks()).isEqualTo(2);
        assertThat(s.totalWait()).isEqualTo(9_000_000L); // B slept 1-5, C 1-6
        assertThat(s.worstWait()).isEqualTo(5_000_000L);
    }

    @Test
    void fig2_28ProducerConsumerWithThreeSemaphores() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("producer-consumer-semaphores").run();
        assertThat(r.result().violations()).isEmpty();
        assertThat(r.process("pc").termination()).contains(Termination.exit(0));
        // 20 items through a 4-slot buffer: every down matched by an up.
        assertThat(object(r.result(), "full").operations()).isEqualTo(40);
        assertThat(object(r.result(), "empty").operations()).isEqualTo(40);
        assertThat(object(r.result(), "mutex").operations()).isEqualTo(80);
        // The slow consumer fills the buffer: the producer sleeps on empty.
        assertThat(object(r.result(), "empty").blocks()).isPositive();
    }

    @Test
    void aBinarySemaphoreNeverCountsPastOne() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: s, type: semaphore, initial: 0, max: 1 } ]
                processes:
                  - { name: A, program: "call s.up; call s.up; call s.up; cpu 1ms" }
                  - { name: B, arrival: 2, program: "call s.down; cpu 1ms; call s.down; cpu 1ms" }
                """).run();
        // Three ups leave one unit: B's second down sleeps for ever, and the kernel says so.
        assertThat(r.result().violations()).extracting(v -> v.kind()).containsExactly("deadlock");
        assertThat(r.process("B").cpu()).isEqualTo(1_000_000L);
    }

    @Test
    void aMutexHandsOverToTheNextWaiterAndRefusesAStranger() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: m, type: mutex } ]
                processes:
                  - { name: A, program: "call m.lock; cpu 3ms; call m.unlock" }
                  - { name: B, program: "call m.lock; cpu 1ms; call m.unlock" }
                  - { name: C, arrival: 10, program: "call m.unlock" }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 0-3 | B 3-4");
        Termination c = r.process("C").termination().orElseThrow();
        assertThat(c.kind()).isEqualTo(Termination.Kind.FATAL);
        assertThat(c.detail()).isEqualTo("m.unlock: unlock by C, which does not hold mutex m (nobody does)");
        assertThat(object(r.result(), "m").acquisitions()).isEqualTo(2);
        assertThat(object(r.result(), "m").holdTime()).isEqualTo(4_000_000L);
    }

    @Test
    void aKilledOwnerReleasesTheMutex() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "1ms").workloadYaml("""
                objects: [ { name: m, type: mutex } ]
                processes:
                  - { name: A, program: "call m.lock; cpu 100ms; call m.unlock" }
                  - { name: B, program: "call m.lock; cpu 1ms; call m.unlock" }
                  - { name: K, arrival: 5, program: "kill A" }
                """).run();
        assertThat(r.process("A").termination().orElseThrow().kind()).isEqualTo(Termination.Kind.KILLED);
        assertThat(r.process("B").completion().orElseThrow()).isEqualTo(6_000_000L);
    }

    @Test
    void aTimeOutEndsAWait() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: s, type: semaphore, initial: 0 } ]
                processes:
                  - { name: A, program: "call s.down timeout=7ms; cpu 1ms" }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 7-8");
        assertThat(object(r.result(), "s").timeouts()).isEqualTo(1);
        assertThat(r.result().violations()).isEmpty();
    }

    @Test
    void aCycleOfWaitsIsReportedWithItsEdges() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "2ms").workload("deadlock-two-mutexes").run();
        assertThat(r.result().violations()).hasSize(1);
        var v = r.result().violations().get(0);
        assertThat(v.kind()).isEqualTo("deadlock");
        assertThat(v.time()).isEqualTo(10_000_000L);
        assertThat(v.threads()).containsExactly("B", "A");
        assertThat(v.detail()).isEqualTo("a cycle of waits: B → m1 held by A → m2 held by B (each waits for an object the next one holds)");
    }

    @Test
    void priorityInversionAndItsCure() {
        HarnessResult plain = SchedulerHarness.of(new PriorityScheduling()).workload("priority-inversion").run();
        HarnessResult inherit = SchedulerHarness.of(new PriorityScheduling()).workload("priority-inversion-inherit").run();
        // Without inheritance the high process waits for the medium one's whole 100 ms burst.
        assertThat(plain.process("high").blocked()).isEqualTo(120_000_000L);
        assertThat(plain.process("high").completion().orElseThrow()).isEqualTo(135_000_000L);
        // With it, only for the rest of the low process's critical section.
        assertThat(inherit.process("high").blocked()).isEqualTo(20_000_000L);
        assertThat(inherit.process("high").completion().orElseThrow()).isEqualTo(35_000_000L);
        assertThat(inherit.process("low").completion().orElseThrow()).isEqualTo(36_000_000L);
    }

    @Test
    void inheritanceIsChainedAndRestored() {
        // high waits for m2 held by mid, which waits for m1 held by low: low must run at high's priority.
        HarnessResult r = SchedulerHarness.of(new PriorityScheduling()).workloadYaml("""
                objects:
                  - { name: m1, type: mutex, inherit: true }
                  - { name: m2, type: mutex, inherit: true }
                processes:
                  - { name: low, priority: 1, program: "call m1.lock; cpu 20ms; call m1.unlock; cpu 10ms" }
                  - { name: mid, priority: 2, arrival: 5, program: "call m2.lock; call m1.lock; cpu 1ms; call m1.unlock; call m2.unlock" }
                  - { name: high, priority: 4, arrival: 6, program: "call m2.lock; cpu 1ms; call m2.unlock" }
                  - { name: hog, priority: 3, arrival: 7, bursts: [cpu 50ms] }
                """).run();
        // low finishes its section at 20 despite the hog (priority 3 < the inherited 4), then drops to 1.
        assertThat(r.process("high").completion().orElseThrow()).isEqualTo(22_000_000L);
        assertThat(r.process("low").completion().orElseThrow()).isEqualTo(82_000_000L);
    }

    @Test
    void aBarrierHoldsEachPhaseToTheSlowest() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("barrier-phases").run();
        assertThat(r.process("solver").completion().orElseThrow()).isEqualTo(120_000_000L);
        assertThat(thread(r, "solver", "solver.t1").blocked()).isEqualTo(90_000_000L);
        assertThat(thread(r, "solver", "solver.t4").blocked()).isZero();
    }

    @Test
    void aSignalNobodyWaitsForIsLost() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("condition-lost-signal").run();
        assertThat(r.result().violations()).hasSize(1);
        assertThat(r.result().violations().get(0).detail())
                .isEqualTo("every live thread is blocked and nothing can wake them: pc.producer waits for the_mutex.condp; "
                        + "pc.consumer waits for the_mutex.condc");
        assertThat(r.result().violations().get(0).time()).isEqualTo(4_000_000L);
    }

    @Test
    void conditionWaitReleasesTheMutexAtomicallyAndReacquiresIt() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: m, type: mutex } ]
                processes:
                  - { name: waiter, program: "call m.lock; call m.wait ready; cpu 2ms; call m.unlock" }
                  - { name: signaller, arrival: 1, program: "call m.lock; cpu 3ms; call m.signal ready; cpu 1ms; call m.unlock" }
                """).run();
        // The signaller gets the mutex at 1 (the waiter released it), signals at 4, keeps it to 5; the waiter
        // re-acquires it then (Mesa: signal does not hand over the mutex).
        assertThat(r.schedule()).isEqualTo("signaller 1-5 | waiter 5-7");
        assertThat(r.result().violations()).isEmpty();
    }

    @Test
    void theFirstSleeperLendsItsTurnstileAndTheLastTakesItAway() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                machine: { cpus: 4 }
                objects: [ { name: m, type: mutex, inherit: true } ]
                processes:
                  - { name: A, program: "call m.lock; cpu 3ms; call m.unlock" }
                  - { name: B, program: "call m.lock; cpu 1ms; call m.unlock" }
                  - { name: C, program: "call m.lock; cpu 1ms; call m.unlock" }
                  - { name: D, program: "call m.lock; cpu 1ms; call m.unlock" }
                """).trace(e -> {
                    if (e instanceof org.osim.api.trace.TraceEvent.ObjectNote n) {
                        notes.add(n.time() / 1_000_000 + " " + n.describe());
                    }
                }).run();
        // B, C and D sleep from 0; C's and D's turnstiles go to the free list; B and C take those back as
        // they wake (at 3 and 4), and D, the last, leaves at 5 with the one B lent m.
        assertThat(notes).containsExactly("0 m: B blocks first: B's turnstile becomes m's turnstile",
                "5 m: D, the last sleeper, leaves with B's turnstile");
    }

    @Test
    void aCallReturnsItsResultInR0AndATimeOutFailsWithACode() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                shared: { got: [0, 0, 0, 0] }
                objects:
                  - { name: m, type: mutex }
                  - { name: s, type: semaphore, initial: 0 }
                  - { name: e, type: event }
                  - { name: f, type: event, signalled: true }
                processes:
                  - name: A
                    program: |
                      call m.trylock
                      store got[0], r0        # 1: taken
                      call m.trylock
                      store got[1], r0        # 0: it is held (by A)
                      call s.down timeout=2ms
                      store got[2], r0        # -110: ETIMEDOUT
                      waitfor any e f
                      store got[3], r0        # 1: the second object was the signalled one
                """).run();
        assertThat(r.result().memory().get("got")).containsExactly(1L, 0L, -110L, 1L);
    }
}
