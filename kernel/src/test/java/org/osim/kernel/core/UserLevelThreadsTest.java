package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadModel;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/**
 * User-level threads (Tanenbaum §2.2.4–2.2.5): the run-time system switches them without the kernel, the
 * kernel sees one thread per kernel thread of the process, and a hybrid process runs on as many CPUs as it
 * has kernel threads.
 */
class UserLevelThreadsTest {
    private static ProcessSpec process(ThreadModel model, int kernelThreads, String... programs) {
        List<ThreadSpec> threads = new java.util.ArrayList<>();
        for (int i = 0; i < programs.length; i++) {
            threads.add(new ThreadSpec("P.t" + (i + 1), Program.parse(programs[i])));
        }
        return new ProcessSpec("P", 0, 0, 0, 1, "default", java.util.OptionalLong.empty(), threads, Map.of(),
                java.util.Optional.empty(), List.of(), new ThreadingSpec(model, kernelThreads, "fifo", Map.of()), List.of(), false);
    }

    private static RunResult run(int cpus, ProcessSpec... ps) {
        return Simulation.builder(Workload.of("test", List.of(ps)).withMachine(MachineSpec.DEFAULT.withCpus(cpus)))
                .scheduler(TestPolicies.fifo(), Map.of()).schedulers(name -> TestPolicies.fifo()).recordSlices(true).run();
    }

    @Test
    void yieldSwitchesUserThreadsInsideTheProcess() {
        RunResult r = run(1, process(ThreadModel.USER, 1, "cpu 2ms; yield; cpu 2ms", "cpu 2ms; yield; cpu 2ms"));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:P.t1@0-2 0:P.t2@2-4 0:P.t1@4-6 0:P.t2@6-8");
        assertThat(r.summary().userThreadSwitches()).isEqualTo(3); // t1→t2, t2→t1, t1→t2, inside the process
        assertThat(r.summary().contextSwitches()).isEqualTo(4); // the first dispatch and the three user-level switches
    }

    @Test
    void aBlockingCallBlocksTheWholeProcessAndTheKernelRunsAnother() {
        ProcessSpec q = ProcessSpec.of("Q", 0, Program.parse("cpu 3ms"));
        RunResult r = run(1, process(ThreadModel.USER, 1, "cpu 1ms; io 5ms; cpu 1ms", "cpu 4ms"), q);
        // P.t1's I/O blocks P's one kernel thread, so P.t2 cannot run: Q does, then the CPU idles until 6.
        assertThat(KernelTest.schedule(r)).isEqualTo("0:P.t1@0-1 0:Q@1-4 0:P.t1@6-7 0:P.t2@7-11");
    }

    @Test
    void aHybridProcessRunsOnAsManyCpusAsItHasKernelThreads() {
        RunResult one = run(2, process(ThreadModel.USER, 1, "cpu 4ms", "cpu 4ms"));
        RunResult two = run(2, process(ThreadModel.HYBRID, 2, "cpu 4ms", "cpu 4ms"));
        assertThat(one.process("P").orElseThrow().completion()).hasValue(millis(8));
        assertThat(two.process("P").orElseThrow().completion()).hasValue(millis(4));
    }
}
