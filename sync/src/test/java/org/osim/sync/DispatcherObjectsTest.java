package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.OsimException;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Windows dispatcher objects and waitfor (WaitForSingleObject / WaitForMultipleObjects), Dhamdhere Table 6.4. */
class DispatcherObjectsTest {
    private static ObjectResult object(RunResult r, String name) {
        return r.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static HarnessResult fcfs(String yaml) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml).run();
    }

    private static long completion(HarnessResult r, String process) {
        return r.process(process).completion().orElseThrow();
    }

    @Test
    void aNotificationEventReleasesAllAndASynchronizationEventOne() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("windows-events").run();
        // go at 5 releases all three; one at 10 releases W1 only, at 15 W2 only; W3 times out at 8 + 20.
        assertThat(completion(r, "W1")).isEqualTo(11_000_000L);
        assertThat(completion(r, "W2")).isEqualTo(16_000_000L);
        assertThat(completion(r, "W3")).isEqualTo(29_000_000L);
        assertThat(object(r.result(), "go").blocks()).isEqualTo(3);
        assertThat(object(r.result(), "one").timeouts()).isEqualTo(1);
        assertThat(r.result().violations()).isEmpty();
    }

    @Test
    void waitAllTakesItsObjectsTogetherOrNotAtAll() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("windows-wait-all").run();
        assertThat(r.result().violations()).isEmpty();
        assertThat(completion(r, "A")).isEqualTo(5_000_000L);
        assertThat(completion(r, "B")).isEqualTo(10_000_000L);
        assertThat(r.process("B").blocked()).isEqualTo(5_000_000L);
        // The auto-reset periodic timer lets the logger through at 4, 8 and 12.
        assertThat(completion(r, "logger")).isEqualTo(13_000_000L);
        assertThat(object(r.result(), "tick").counters()).containsExactly(Map.entry("expiries", 3L));
    }

    @Test
    void waitAnyTakesTheFirstSignalledObjectInTheOrderNamed() {
        HarnessResult r = fcfs("""
                objects:
                  - { name: e, type: event }
                  - { name: s, type: semaphore, initial: 1 }
                processes:
                  - { name: A, program: "waitfor any e s; cpu 1ms" }
                  - { name: B, arrival: 1, program: "call s.down; cpu 1ms" }
                """);
        // e is not signalled, so A's wait takes s's only unit, and B's down sleeps for ever.
        assertThat(completion(r, "A")).isEqualTo(1_000_000L);
        assertThat(r.process("B").completion()).isEmpty();
        assertThat(r.result().violations()).extracting(v -> v.detail())
                .containsExactly("every live thread is blocked and nothing can wake them: B waits for s.sleepers");
    }

    @Test
    void anUpOrAnUnlockSatisfiesAWaitingWaitfor() {
        HarnessResult r = fcfs("""
                machine: { cpus: 2 }
                objects:
                  - { name: s, type: semaphore, initial: 0 }
                  - { name: m, type: mutex }
                processes:
                  - { name: H, program: "call m.lock; cpu 4ms; call m.unlock" }
                  - { name: A, arrival: 1, program: "waitfor s; cpu 1ms" }
                  - { name: B, arrival: 1, program: "waitfor m; cpu 1ms; call m.unlock" }
                  - { name: U, arrival: 6, program: "call s.up" }
                """);
        // H's unlock at 4 satisfies B's wait; U's up at 6 satisfies A's.
        assertThat(r.process("B").blocked()).isEqualTo(3_000_000L);
        assertThat(completion(r, "B")).isEqualTo(5_000_000L);
        assertThat(r.process("A").blocked()).isEqualTo(5_000_000L);
        assertThat(completion(r, "A")).isEqualTo(7_000_000L);
        assertThat(object(r.result(), "m").acquisitions()).isEqualTo(2);
        assertThat(r.result().violations()).isEmpty();
    }

    @Test
    void aPulseReleasesOnlyThoseWaitingNow() {
        HarnessResult r = fcfs("""
                machine: { cpus: 2 }
                objects: [ { name: e, type: event, reset: manual } ]
                processes:
                  - { name: W1, program: "waitfor e; cpu 1ms" }
                  - { name: P, arrival: 1, program: "call e.pulse" }
                  - { name: W2, arrival: 2, program: "waitfor e; cpu 1ms" }
                """);
        assertThat(completion(r, "W1")).isEqualTo(2_000_000L);
        assertThat(r.process("W2").completion()).isEmpty();
        assertThat(r.result().violations()).extracting(v -> v.detail())
                .containsExactly("every live thread is blocked and nothing can wake them: W2 waits for waitfor e");
    }

    @Test
    void onlyDispatcherObjectsCanBeWaitedFor() {
        assertThatThrownBy(() -> fcfs("""
                objects: [ { name: b, type: barrier } ]
                processes:
                  - { name: A, program: "cpu 1ms; waitfor b" }
                """)).isInstanceOf(OsimException.class)
                .hasMessage("inline.yaml:3:35: waitfor names kernel object 'b' (barrier), which is not a dispatcher object: "
                        + "waitfor cannot wait for it");
    }

    @Test
    void processAndThreadObjectsAreSignalledWhenTheyEnd() {
        HarnessResult r = fcfs("""
                machine: { cpus: 3 }
                objects:
                  - { name: hA, type: process-handle, process: A }
                  - { name: hB, type: process-handle, process: B }
                  - { name: tw, type: thread-handle, thread: C.w }
                processes:
                  - { name: A, bursts: [cpu 3ms] }
                  - { name: B, bursts: [cpu 5ms] }
                  - name: C
                    threads:
                      - { name: w, program: "cpu 2ms" }
                      - { name: v, program: "waitfor tw; cpu 1ms" }
                  - { name: any, arrival: 1, program: "waitfor any hA hB; cpu 1ms" }
                  - { name: all, arrival: 1, program: "waitfor all hA hB; cpu 1ms" }
                """);
        assertThat(r.process("C").threads().stream().filter(t -> t.name().equals("C.v")).findFirst().orElseThrow()
                .completion().orElseThrow()).isEqualTo(3_000_000L);
        assertThat(completion(r, "any")).isEqualTo(4_000_000L); // A ends at 3
        assertThat(completion(r, "all")).isEqualTo(6_000_000L); // B at 5
    }

    @Test
    void aHandleToANonexistentProcessIsReportedWhereItIsDeclared() {
        assertThatThrownBy(() -> fcfs("""
                objects: [ { name: h, type: process-handle, process: Z } ]
                processes:
                  - { name: A, program: "waitfor h" }
                """)).isInstanceOf(OsimException.class)
                .hasMessage("inline.yaml:1:29: kernel object 'h': no process 'Z' in the workload");
    }

    @Test
    void aFileIsSignalledWhenItsOverlappedIoCompletes() {
        HarnessResult r = fcfs("""
                machine: { cpus: 2 }
                objects: [ { name: f, type: file } ]
                processes:
                  - { name: W, program: "call f.read 10ms; cpu 2ms; waitfor f; cpu 1ms" }
                  - { name: V, arrival: 1, program: "waitfor f; cpu 1ms" }
                """);
        // W computes while its read is under way; both wait for it and both go at 10.
        assertThat(completion(r, "W")).isEqualTo(11_000_000L);
        assertThat(completion(r, "V")).isEqualTo(11_000_000L);
        assertThat(object(r.result(), "f").counters()).containsExactly(Map.entry("reads", 1L));
    }

    @Test
    void consoleInputLetsOneReaderGoPerInputAndAFileChangeOnePerChange() {
        HarnessResult con = fcfs("""
                machine: { cpus: 3 }
                objects: [ { name: con, type: console-input, input: 5ms/6ms/20ms } ]
                processes:
                  - { name: R1, program: "waitfor con; cpu 1ms" }
                  - { name: R2, program: "waitfor con; cpu 1ms" }
                  - { name: R3, program: "waitfor con; cpu 1ms" }
                """);
        assertThat(completion(con, "R1")).isEqualTo(6_000_000L);
        assertThat(completion(con, "R2")).isEqualTo(7_000_000L);
        assertThat(completion(con, "R3")).isEqualTo(21_000_000L);

        HarnessResult dir = fcfs("""
                machine: { cpus: 2 }
                objects: [ { name: dir, type: file-change, changes: 5ms } ]
                processes:
                  - { name: A, program: "waitfor dir; cpu 1ms" }
                  - { name: B, program: "waitfor dir; cpu 1ms" }
                """);
        assertThat(completion(dir, "A")).isEqualTo(6_000_000L);
        assertThat(dir.process("B").completion()).isEmpty();
        assertThat(dir.result().violations()).extracting(v -> v.time()).containsExactly(6_000_000L); // when A is done
    }
}
