package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;
import static org.osim.kernel.core.KernelTest.proc;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.RunResult;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** Signals delivered to threads in each state: the handler runs first, and an interruptible wait ends with -4. */
class SignalsTest {
    private static RunResult run(ProcessSpec... ps) {
        return Simulation.builder(Workload.of("test", List.of(ps))).scheduler(TestPolicies.fifo(), Map.of()).cpus(2).run();
    }

    private static final String SLEEPER = """
            .word caught 0
            .word slept 1
            handle SIGUSR1 on_usr1
            sleep 100ms
            store slept, r0
            cpu 1ms
            exit 0
            on_usr1:
            load r1, caught
            add r1, 1
            store caught, r1
            sigreturn
            """;

    @Test
    void aCaughtSignalCutsASleepShortAndTheSleepReturnsMinus4() {
        RunResult r = run(proc("sleeper", 0, SLEEPER), proc("sender", 0, "sleep 10ms; signal SIGUSR1 sleeper"));
        // Delivered at 10 ms to a blocked thread: it wakes, runs its handler, and sleep returns EINTR.
        assertThat(r.memory().get("sleeper:caught")).containsExactly(1L);
        assertThat(r.memory().get("sleeper:slept")).containsExactly(Signals.INTERRUPTED);
        assertThat(r.process("sleeper").orElseThrow().blocked()).isEqualTo(millis(10));
        assertThat(r.process("sleeper").orElseThrow().completion().getAsLong()).isBetween(millis(11), millis(12));
    }

    @Test
    void aBlockedSignalWaitsPendingAndIsDeliveredWhenUnblocked() {
        RunResult r = run(proc("worker", 0, """
                .word caught 0
                .word before 0
                handle SIGUSR1 on_usr1
                block SIGUSR1
                cpu 10ms
                load r2, caught
                store before, r2
                unblock SIGUSR1
                exit 0
                on_usr1:
                load r1, caught
                add r1, 1
                store caught, r1
                sigreturn
                """), proc("sender", 0, "sleep 2ms; signal SIGUSR1 worker"));
        assertThat(r.memory().get("worker:before")).containsExactly(0L); // pending while blocked
        assertThat(r.memory().get("worker:caught")).containsExactly(1L); // delivered at unblock
    }

    @Test
    void anUncaughtSignalTakesItsDefaultActionOnABlockedProcess() {
        RunResult r = run(proc("victim", 0, "sleep 100ms; cpu 1ms"), proc("sender", 0, "sleep 5ms; signal SIGTERM victim"));
        var v = r.process("victim").orElseThrow();
        assertThat(v.completion()).hasValue(millis(5));
        assertThat(v.termination().orElseThrow().code()).isEqualTo(143); // 128 + the 15 of SIGTERM
    }
}
