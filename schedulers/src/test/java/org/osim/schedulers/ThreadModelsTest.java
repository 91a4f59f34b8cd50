package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.kernel.Simulation;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;
import org.osim.workloads.WorkloadReader;

/** Kernel, user, hybrid and scheduler-activation threads (Tanenbaum §2.2, §2.4.6). */
class ThreadModelsTest {

    private static String order(HarnessResult r) {
        List<String> out = new ArrayList<>();
        r.result().slices().forEach(s -> out.add(s.task().substring(s.task().indexOf('.') + 1)));
        return String.join(" ", out);
    }

    @Test
    void figure2_44aUserThreadsRunInsideTheirProcesssQuantum() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "50ms").workload("fig-2-44-user").run();
        assertThat(order(r)).startsWith("A1 A2 A3 A1 A2 A3 A1 A2 A3 A1 B1 B2 B3 B1 B2 B3 B1 B2 B3 B1 A2");
        // No thread of B runs before A's quantum ends at 50 ms.
        assertThat(r.result().slices().stream().filter(s -> s.task().startsWith("B.")).mapToLong(s -> s.start()).min().orElseThrow())
                .isEqualTo(50_000_000L);
    }

    @Test
    void figure2_44bKernelThreadsMayInterleaveProcesses() {
        HarnessResult r = SchedulerHarness.of(new FairShare()).param("quantum", "5ms").workload("fig-2-44-kernel").run();
        assertThat(order(r)).startsWith("A1 B1 A2 B2 A3 B3 A1 B1");
    }

    private static String blocking(String model, String extra) {
        return """
                processes:
                  - name: P
                    threadModel: %s
                %s    threads:
                      - { name: reader, program: "cpu 2ms; io 20ms; cpu 2ms" }
                      - { name: worker, repeat: 5, program: "cpu 2ms; yield" }
                """.formatted(model, extra);
    }

    private static TaskResult thread(HarnessResult r, String name) {
        return r.process("P").threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBlockingCallBlocksTheWholeProcessOnlyUnderUserThreads() {
        HarnessResult kernel = SchedulerHarness.of(new RoundRobin()).workloadYaml(blocking("kernel", "")).run();
        HarnessResult user = SchedulerHarness.of(new RoundRobin()).workloadYaml(blocking("user", "")).run();
        HarnessResult hybrid = SchedulerHarness.of(new RoundRobin()).workloadYaml(blocking("hybrid", "    kernelThreads: 2\n")).run();
        HarnessResult activations = SchedulerHarness.of(new RoundRobin()).workloadYaml(blocking("activations", "")).run();
        // The worker runs during the reader's I/O (2 to 22 ms)...
        assertThat(thread(kernel, "P.worker").completion().orElseThrow()).isEqualTo(12_000_000L);
        assertThat(thread(hybrid, "P.worker").completion().orElseThrow()).isEqualTo(12_000_000L);
        assertThat(thread(activations, "P.worker").completion().orElseThrow()).isEqualTo(12_000_000L);
        // ...except under user threads, where the kernel blocked the process.
        assertThat(thread(user, "P.worker").firstRun().orElseThrow()).isEqualTo(24_000_000L);
        assertThat(thread(user, "P.worker").completion().orElseThrow()).isEqualTo(34_000_000L);
        assertThat(user.schedule()).isEqualTo("P.reader 0-2 | P.reader 22-24 | P.worker 24-34");
        // Activations: blocked, new processor, unblocked.
        assertThat(activations.result().summary().upcalls()).isEqualTo(3);
        assertThat(user.result().summary().upcalls()).isZero();
        // Results name the user threads, not the kernel threads that ran them.
        assertThat(hybrid.process("P").threads()).extracting(TaskResult::name).containsExactly("P.reader", "P.worker");
    }

    @Test
    void activationsSwitchCheaplyAndKeepRunningDuringABlock() {
        String yaml = """
                processes:
                  - name: P
                    threadModel: %s
                    threads:
                      - { name: reader, repeat: 5, program: "cpu 1ms; io 5ms" }
                      - { name: w1, repeat: 200, program: "cpu 100us; yield" }
                      - { name: w2, repeat: 200, program: "cpu 100us; yield" }
                """;
        Map<String, RunResult> runs = new java.util.HashMap<>();
        for (String model : List.of("kernel", "user", "activations")) {
            runs.put(model, Simulation.builder(WorkloadReader.read("t.yaml", yaml.formatted(model), 1))
                    .scheduler(new RoundRobin(), Map.of()).profile("modern").run());
        }
        var kernel = runs.get("kernel").summary();
        var user = runs.get("user").summary();
        var activations = runs.get("activations").summary();
        assertThat(activations.overhead()).isLessThan(kernel.overhead() / 5);
        assertThat(user.overhead()).isLessThan(kernel.overhead() / 5);
        assertThat(activations.makespan()).isLessThan(user.makespan() - 20_000_000L);
        assertThat(activations.makespan()).isLessThanOrEqualTo(kernel.makespan());
        assertThat(activations.userThreadSwitches()).isGreaterThan(300);
    }

    @Test
    void theRunTimeSystemUsesTheSchedulerPluginItAskedFor() {
        String yaml = """
                processes:
                  - name: P
                    threadModel: user
                    runtimeScheduler: %s
                    threads:
                      - { name: long, program: "cpu 10ms" }
                      - { name: short, program: "cpu 2ms" }
                """;
        assertThat(SchedulerHarness.of(new RoundRobin()).workloadYaml(yaml.formatted("fcfs")).run().order())
                .containsExactly("P.long", "P.short");
        assertThat(SchedulerHarness.of(new RoundRobin()).workloadYaml(yaml.formatted("sjf")).run().order())
                .containsExactly("P.short", "P.long");
    }

    @Test
    void userThreadsSpawnJoinAndExitWithoutTheKernel() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workloadYaml("""
                processes:
                  - name: P
                    threadModel: user
                    programs: { helper: [cpu 3ms, thread_exit, cpu 50ms] }
                    program: "spawn helper; spawn helper; join; cpu 1ms"
                """).run();
        assertThat(r.schedule()).isEqualTo("P.helper 0-3 | P.helper#2 3-6 | P 6-7");
        assertThat(r.result().summary().userThreadSwitches()).isEqualTo(3); // P, helper, helper#2, P
        assertThat(r.process("P").cpu()).isEqualTo(7_000_000L);
    }

    @Test
    void anUnknownRunTimeSchedulerIsBadInput() {
        assertThatThrownBy(() -> SchedulerHarness.of(new RoundRobin()).workloadYaml("""
                processes:
                  - { name: P, threadModel: user, runtimeScheduler: "nope", bursts: [cpu 1ms] }
                """).run()).hasMessageStartingWith("unknown scheduler 'nope' (known: ");
    }

    @Test
    void aProcessUnderActivationsAsksForMoreProcessorsAndGivesThemBack() {
        String yaml = """
                machine: { cpus: 3 }
                processes:
                  - name: P
                    threadModel: activations
                    programs: { w: [cpu 30ms] }
                    program: "processors %d; spawn w; spawn w; spawn w; join; processors 1; cpu 1ms"
                """;
        // A quantum longer than the work, so that the kernel never takes a processor back.
        HarnessResult one = SchedulerHarness.of(new RoundRobin()).param("quantum", "1s").workloadYaml(yaml.formatted(1)).run();
        HarnessResult three = SchedulerHarness.of(new RoundRobin()).param("quantum", "1s").workloadYaml(yaml.formatted(3)).run();
        assertThat(one.process("P").completion().orElseThrow()).isEqualTo(91_000_000L);
        // Three virtual processors run the three workers at once on the three CPUs.
        assertThat(three.process("P").completion().orElseThrow()).isEqualTo(31_000_000L);
        assertThat(three.result().slices().stream().map(s -> s.cpu()).distinct().count()).isEqualTo(3);
        // Two upcalls for the new processors, two for those given back.
        assertThat(three.result().summary().upcalls()).isEqualTo(4);
    }

    @Test
    void roundRobinCanPreferAThreadOfTheSameProcess() {
        String yaml = """
                processes:
                  - name: A
                    threads:
                      - { name: a1, repeat: 3, program: "cpu 2ms; yield" }
                      - { name: a2, repeat: 3, program: "cpu 2ms; yield" }
                  - name: B
                    threads:
                      - { name: b1, repeat: 3, program: "cpu 2ms; yield" }
                      - { name: b2, repeat: 3, program: "cpu 2ms; yield" }
                """;
        RunResult plain = Simulation.builder(WorkloadReader.read("t.yaml", yaml, 1)).scheduler(new RoundRobin(), Map.of())
                .profile("modern").recordSlices(true).run();
        RunResult same = Simulation.builder(WorkloadReader.read("t.yaml", yaml, 1))
                .scheduler(new RoundRobin(), Map.of("preferSameProcess", "true")).profile("modern").recordSlices(true).run();
        // Without: a1 a2 b1 b2 a1 …; with: A's threads take turns until they are done, then B's.
        assertThat(same.slices().subList(0, 6)).extracting(org.osim.api.result.SliceRecord::task)
                .containsExactly("A.a1", "A.a2", "A.a1", "A.a2", "A.a1", "A.a2");
        assertThat(same.summary().overhead()).isLessThan(plain.summary().overhead());
    }
}
