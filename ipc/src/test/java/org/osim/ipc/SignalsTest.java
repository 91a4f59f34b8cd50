package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osim.api.OsimException;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;
import org.osim.workloads.WorkloadReader;

/** UNIX signals: handlers, ignoring, blocking and pending, pause, interrupted waits, default actions, groups. */
class SignalsTest {
    private static HarnessResult run(String yaml) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml).run();
    }

    @Test
    void handlersMasksPauseAndDefaultActionsAndAProcessGroup() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("signals").run();
        // Three SIGUSR1 caught; the SIGUSR2 sent at 1 ms while blocked, caught at 5 ms; SIGINT ignored.
        assertThat(r.result().memory().get("usr1")).containsExactly(3L);
        assertThat(r.result().memory().get("usr2")).containsExactly(1L);
        assertThat(r.result().memory().get("slept")).containsExactly(-4L); // the sleep was cut short
        Termination term = r.process("worker").termination().orElseThrow();
        assertThat(term).isEqualTo(Termination.signalled("SIGTERM", 15, "terminal"));
        assertThat(term.code()).isEqualTo(143);
        assertThat(term.toString()).isEqualTo("killed by SIGTERM from terminal");
        assertThat(r.process("worker").completion()).hasValue(30_000_000L);
        for (String p : new String[] {"job", "job/child", "job/child#2"}) {
            assertThat(r.process(p).termination()).contains(Termination.signalled("SIGINT", 2, "terminal"));
            assertThat(r.process(p).completion()).hasValue(20_000_000L);
        }
        assertThat(r.process("terminal").termination()).contains(Termination.exit(0));
    }

    @Test
    void aSignalInterruptsAWaitInAKernelObjectWithMinusFour() {
        HarnessResult r = run("""
                machine: { cpus: 2 }
                objects: [ { name: s, type: semaphore } ]
                shared: { got: 0, handled: 0 }
                processes:
                  - name: waiter
                    program: |
                      handle SIGUSR1 caught
                      call s.down               # nobody ever ups it
                      store got, r0
                      exit 0
                      caught:
                      mov r1, 1
                      store handled, r1
                      sigreturn
                  - { name: sender, program: "sleep 2ms; signal SIGUSR1 waiter" }
                """);
        assertThat(r.result().violations()).isEmpty();
        assertThat(r.result().memory().get("got")).containsExactly(-4L);
        assertThat(r.result().memory().get("handled")).containsExactly(1L);
        assertThat(r.process("waiter").termination()).contains(Termination.exit(0));
    }

    @Test
    void aParentCatchesSigchldWhenAChildEndsButSignalsDoNotQueue() {
        String yaml = """
                machine: { cpus: CPUS }
                shared: { ended: 0 }
                processes:
                  - name: parent
                    programs: { quick: "cpu 1ms", slow: "cpu 3ms" }
                    program: |
                      handle SIGCHLD reaper
                      fork quick
                      fork slow
                      wait
                      wait
                      exit 0
                      reaper:
                      load r1, ended
                      add r1, 1
                      store ended, r1
                      sigreturn
                """;
        // On two CPUs the parent handles the first SIGCHLD (at 1 ms) before the second comes (at 3 ms).
        HarnessResult two = run(yaml.replace("CPUS", "2"));
        assertThat(two.result().memory().get("ended")).containsExactly(2L);
        assertThat(two.process("parent").termination()).contains(Termination.exit(0));
        // On one CPU both children end before the parent runs again: the second SIGCHLD finds the first still
        // pending, and they merge into one — why a UNIX parent reaps in a loop rather than once per SIGCHLD.
        HarnessResult one = run(yaml.replace("CPUS", "1"));
        assertThat(one.result().memory().get("ended")).containsExactly(1L);
    }

    @Test
    void signalsToAProcessWithoutAHandlerTakeTheDefaultAndSigkillCannotBeCaught() {
        HarnessResult r = run("""
                machine: { cpus: 2 }
                processes:
                  - { name: a, program: "cpu 10ms" }
                  - { name: b, program: "signal SIGUSR2 a; signal SIGCHLD self; cpu 1ms; signal SIGKILL self" }
                """);
        assertThat(r.process("a").termination()).contains(Termination.signalled("SIGUSR2", 12, "b"));
        assertThat(r.process("b").termination()).contains(Termination.signalled("SIGKILL", 9, "b")); // SIGCHLD ignored
        assertThat(r.process("b").cpu()).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> WorkloadReader.read("w.yaml", """
                processes:
                  - { name: a, program: "handle SIGKILL done; done: cpu 1ms" }
                """, 1)).isInstanceOf(OsimException.class).hasMessage("w.yaml:2:33: SIGKILL cannot be caught or ignored");
        assertThatThrownBy(() -> WorkloadReader.read("w.yaml", """
                processes:
                  - { name: a, program: "signal SIGTERM nobody" }
                """, 1)).isInstanceOf(OsimException.class)
                .hasMessage("w.yaml:2:26: signal names process 'nobody', which the workload does not declare");
        assertThatThrownBy(() -> WorkloadReader.read("w.yaml", """
                processes:
                  - { name: a, program: "signal SIGFOO self" }
                """, 1)).isInstanceOf(OsimException.class).hasMessageStartingWith("w.yaml:2:33: expected a signal (SIGHUP, SIGINT");
    }

    @Test
    void sigreturnOutsideAHandlerIsAFault() {
        HarnessResult r = run("processes:\n  - { name: a, program: \"sigreturn\" }\n");
        assertThat(r.process("a").termination()).contains(Termination.fatal("sigreturn outside a signal handler"));
    }
}
