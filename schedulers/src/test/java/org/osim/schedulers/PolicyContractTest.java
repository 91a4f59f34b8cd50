package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.TaskResult;
import org.osim.api.sched.SchedulerFactory;
import org.osim.testkit.SchedulerHarness;
import org.osim.workloads.Workloads;

/**
 * What every policy must do, on every kind of workload: every runnable task eventually runs (all
 * processes complete), no CPU runs two tasks at once and no task runs on two CPUs at once, and the CPU
 * time adds up (the schedule's slices sum to each task's CPU time, which is what its program asked for).
 */
class PolicyContractTest {
    private static final String THREADS_AND_CHILDREN = """
            processes:
              - name: server
                programs: { worker: [cpu 7ms, io disk 3ms, cpu 2ms], child: [cpu 12ms, yield, cpu 1ms] }
                program: "cpu 1ms; spawn worker; spawn worker; fork child; cpu 3ms; join; wait; cpu 1ms"
              - { name: hog, priority: 2, nice: -5, tickets: 5, bursts: [cpu 40ms] }
              - { name: ticker, arrival: 3, repeat: 6, bursts: [cpu 1ms, sleep 4ms] }
            """;

    /** Pinned processes beside free ones, a pinned parent whose child inherits its affinity, a pinned periodic task. */
    private static final String PINNED = """
            duration: 400ms
            processes:
              - { name: p0, affinity: [0], repeat: 4, bursts: [cpu 15ms, io 2ms] }
              - { name: p12, affinity: [1, 2], repeat: 3, bursts: [cpu 20ms, io 5ms] }
              - { name: free, bursts: [cpu 50ms] }
              - name: parent
                affinity: [2]
                programs: { kid: [cpu 10ms] }
                program: "fork kid; cpu 5ms; wait"
              - { name: tick, affinity: [1], periodic: { period: 25ms, wcet: 5ms, jobs: 8 } }
            generate:
              - { name: g, count: 6, arrival: exp(5ms), cpu: exp(8ms) }
            """;

    /** The same threads under each thread model, side by side, with I/O, spawns and joins. */
    private static final String THREAD_MODELS = """
            processes:
              - name: K
                threadModel: kernel
                programs: { w: [cpu 4ms, io 3ms, cpu 2ms] }
                program: "spawn w; spawn w; cpu 3ms; join"
              - name: U
                threadModel: user
                programs: { w: [cpu 4ms, io 3ms, cpu 2ms] }
                program: "spawn w; spawn w; cpu 3ms; join"
              - name: H
                threadModel: hybrid
                kernelThreads: 2
                runtimeScheduler: rr:quantum=1ms
                programs: { w: [cpu 4ms, io 3ms, cpu 2ms] }
                program: "spawn w; spawn w; cpu 3ms; join"
              - name: S
                threadModel: activations
                kernelThreads: 2
                programs: { w: [cpu 4ms, io 3ms, cpu 2ms] }
                program: "spawn w; spawn w; cpu 3ms; join"
            """;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (SchedulerFactory f : ServiceLoader.load(SchedulerFactory.class)) {
            for (String w : List.of("fig-2-41", "sjf-counterexample", "convoy", "batch-mix", "interactive-mix", "mixed",
                    "fair-share-2to1")) {
                out.add(Arguments.of(f.name(), w, 1));
            }
            out.add(Arguments.of(f.name(), "mixed", 2));
            out.add(Arguments.of(f.name(), "batch-mix", 4));
            out.add(Arguments.of(f.name(), "threads-and-children", 1));
            out.add(Arguments.of(f.name(), "threads-and-children", 3));
            out.add(Arguments.of(f.name(), "pinned", 3));
            out.add(Arguments.of(f.name(), "thread-models", 2));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}, {2} cpu(s)")
    @MethodSource("cases")
    void obeysTheContract(String policy, String workload, int cpus) {
        SchedulerFactory f = ServiceLoader.load(SchedulerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals(policy)).findFirst().orElseThrow();
        SchedulerHarness h = SchedulerHarness.of(f).cpus(cpus);
        h = switch (workload) {
            case "threads-and-children" -> h.workloadYaml(THREADS_AND_CHILDREN);
            case "pinned" -> h.workloadYaml(PINNED);
            case "thread-models" -> h.workloadYaml(THREAD_MODELS);
            default -> h.workload(workload);
        };
        RunResult r = h.run().result();

        assertThat(r.summary().completed()).as("every process completes").isEqualTo(r.summary().processes());
        assertThat(r.violations()).isEmpty();
        assertThat(r.processes().stream().flatMap(p -> p.realTime().stream()))
                .allSatisfy(rt -> assertThat(rt.completed()).isEqualTo(rt.released()));

        Map<Integer, List<SliceRecord>> byCpu = new HashMap<>();
        Map<String, List<SliceRecord>> byTask = new HashMap<>();
        for (SliceRecord s : r.slices()) {
            assertThat(s.end()).isGreaterThan(s.start());
            byCpu.computeIfAbsent(s.cpu(), k -> new ArrayList<>()).add(s);
            byTask.computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s);
        }
        byCpu.values().forEach(list -> assertNoOverlap(list, "a CPU runs two tasks at once"));
        if (workload.equals("pinned")) {
            Map<String, List<Integer>> pins = Map.of("p0", List.of(0), "p12", List.of(1, 2), "parent", List.of(2),
                    "parent/kid", List.of(2), "tick", List.of(1));
            for (SliceRecord s : r.slices()) {
                if (pins.containsKey(s.task())) {
                    assertThat(pins.get(s.task())).as("%s runs only where its affinity allows", s.task()).contains(s.cpu());
                }
            }
        }
        byTask.values().forEach(list -> assertNoOverlap(list, "a task runs on two CPUs at once"));

        for (TaskResult p : r.processes()) {
            List<TaskResult> tasks = p.threads().isEmpty() ? List.of(p) : p.threads();
            for (TaskResult t : tasks) {
                long sliced = byTask.getOrDefault(t.name(), List.of()).stream().mapToLong(s -> s.end() - s.start()).sum();
                assertThat(sliced).as("slices of %s add up to its CPU time", t.name()).isEqualTo(t.cpu());
            }
        }
        for (TaskResult p : r.processes()) {
            long asked = asked(workload, p.name());
            if (asked >= 0) {
                assertThat(p.cpu()).as("CPU time of %s is what its program asked for", p.name()).isEqualTo(asked);
            }
        }
    }

    /** The CPU time a process's programs ask for, from the workload itself. */
    private static long asked(String workload, String process) {
        if (workload.equals("threads-and-children")) {
            // main 1 + 3 + 1, two workers of 7 + 2 each; the forked child 12 + 1; hog 40; ticker 6 × 1.
            return Map.of("server", 23L, "server/child", 13L, "hog", 40L, "ticker", 6L).get(process) * 1_000_000L;
        }
        if (workload.equals("thread-models")) {
            return 15_000_000L; // main 3 ms and two workers of 4 + 2 ms
        }
        if (workload.equals("pinned")) {
            return Map.of("p0", 60L, "p12", 60L, "free", 50L, "parent", 5L, "parent/kid", 10L, "tick", 40L)
                    .getOrDefault(process, -1L) * 1_000_000L;
        }
        return Workloads.load(workload, 1).processes().stream().filter(p -> p.name().equals(process))
                .mapToLong(p -> p.threads().stream().mapToLong(t -> t.program().cpuNanos()).sum()
                        * p.periodic().map(rt -> rt.jobs().orElseThrow()).orElse(1))
                .sum();
    }

    private static void assertNoOverlap(List<SliceRecord> slices, String what) {
        List<SliceRecord> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingLong(SliceRecord::start));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).start()).as(what + ": %s then %s", sorted.get(i - 1), sorted.get(i))
                    .isGreaterThanOrEqualTo(sorted.get(i - 1).end());
        }
    }
}
