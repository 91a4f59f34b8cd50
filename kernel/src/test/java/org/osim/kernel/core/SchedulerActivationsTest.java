package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.trace.TraceEvent;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadModel;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** Scheduler activations (Anderson et al.): the kernel's upcalls as a user thread blocks and unblocks. */
class SchedulerActivationsTest {
    private static ProcessSpec process(ThreadModel model) {
        return new ProcessSpec("P", 0, 0, 0, 1, "default", java.util.OptionalLong.empty(),
                List.of(new ThreadSpec("P.io", Program.parse("cpu 1ms; io 5ms; cpu 1ms")),
                        new ThreadSpec("P.calc", Program.parse("cpu 4ms"))),
                Map.of(), java.util.Optional.empty(), List.of(), new ThreadingSpec(model, 1, "fifo", Map.of()), List.of(), false);
    }

    private static RunResult run(ThreadModel model, List<String> upcalls) {
        return Simulation.builder(Workload.of("test", List.of(process(model))))
                .scheduler(TestPolicies.fifo(), Map.of()).schedulers(name -> TestPolicies.fifo())
                .trace(e -> {
                    if (e instanceof TraceEvent.Upcall u) {
                        upcalls.add(u.time() / 1_000_000 + " " + u.what() + (u.thread().isEmpty() ? "" : " " + u.thread()));
                    }
                }).run();
    }

    @Test
    void aBlockingUserThreadGetsAnUpcallAndTheProcessANewActivation() {
        List<String> upcalls = new ArrayList<>();
        RunResult r = run(ThreadModel.ACTIVATIONS, upcalls);
        // P.io blocks at 1: the run-time system is told, and gets a fresh activation on which P.calc runs (1-5);
        // P.io's I/O is done at 6, an upcall hands it back, and it runs its last 1 ms: 7, not 11.
        assertThat(upcalls).containsExactly("1 blocked P.io", "1 new processor", "6 unblocked P.io");
        assertThat(r.process("P").orElseThrow().completion()).hasValue(7_000_000L);
        assertThat(r.summary().upcalls()).isEqualTo(3);
    }

    @Test
    void withoutActivationsTheWholeProcessBlocksWithItsKernelThread() {
        List<String> upcalls = new ArrayList<>();
        RunResult r = run(ThreadModel.USER, upcalls);
        // N:1: P.io's system call blocks the one kernel thread, and P.calc with it: 1 + 5 + 1 + 4 ms.
        assertThat(upcalls).isEmpty();
        assertThat(r.process("P").orElseThrow().completion()).hasValue(11_000_000L);
    }
}
