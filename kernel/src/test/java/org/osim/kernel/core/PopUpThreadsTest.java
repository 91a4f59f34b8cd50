package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.result.MessageResult;
import org.osim.api.result.RunResult;
import org.osim.api.workload.MessageStream;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/**
 * Messages to a server (Tanenbaum §2.2.8): a pop-up thread is made for each message as it arrives, while a
 * thread that serves them takes one at a time. (The three servers of Fig. 2-10 are in the schedulers' ServersTest.)
 */
class PopUpThreadsTest {
    private static RunResult run(boolean popup) {
        List<ThreadSpec> threads = popup ? List.of() : List.of(new ThreadSpec("server", Program.parse("serve")));
        ProcessSpec server = new ProcessSpec("server", 0, 0, 0, 1, "default", java.util.OptionalLong.empty(), threads,
                Map.of("req", Program.parse("cpu 2ms; io 4ms; cpu 1ms")), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL,
                List.of(new MessageStream("network", "req", List.of(0L, millis(1), millis(3)))), popup);
        return Simulation.builder(Workload.of("test", List.of(server))).scheduler(TestPolicies.fifo(), Map.of()).recordSlices(true).run();
    }

    @Test
    void eachMessageGetsAFreshThreadAtItsArrival() {
        RunResult r = run(true);
        // Three threads, each started when its message came (once the CPU is free): their I/O overlaps.
        assertThat(KernelTest.schedule(r)).isEqualTo("0:server.req@0-2 0:server.req#2@2-4 0:server.req#3@4-6 "
                + "0:server.req@6-7 0:server.req#2@8-9 0:server.req#3@10-11");
        assertThat(r.process("server").orElseThrow().threads()).hasSize(3);
        MessageResult m = r.process("server").orElseThrow().messages().orElseThrow();
        assertThat(m.handled()).isEqualTo(3);
        assertThat(m.worstResponse()).isEqualTo(millis(8)); // arrived at 1 or 3, done at 9 or 11
    }

    @Test
    void aServingThreadTakesThemOneAtATime() {
        RunResult r = run(false);
        // Each request's CPU, I/O and CPU before the next is taken (the slices of one thread join up: 6-9 is
        // the end of the first request and the start of the second).
        assertThat(KernelTest.schedule(r)).isEqualTo("0:server@0-2 0:server@6-9 0:server@13-16 0:server@20-21");
        MessageResult m = r.process("server").orElseThrow().messages().orElseThrow();
        assertThat(m.worstResponse()).isEqualTo(millis(18)); // the third, arrived at 3, is done at 21
    }
}
