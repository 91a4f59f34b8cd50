package org.osim.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.TaskResult;
import org.osim.api.sched.SchedulerFactory;
import org.osim.workloads.Workloads;

/**
 * What every scheduling policy must do, as tests a plugin author gets for free ({@link SchedulerContractTest}) and
 * every shipped policy runs: on the standard workloads and on workloads of threads, forks, kills, pinned tasks, a fork
 * storm and 10,000 tasks, on one CPU and several, with the kernel's invariant checker on — every runnable task
 * eventually runs (every process completes, no watchdog), no CPU runs two tasks at once and no task runs on two CPUs
 * at once, pinned tasks run only where their affinity allows, the CPU time adds up to what the programs asked for,
 * tasks the kernel takes back while they wait (a process killed) are never picked, and two runs are the same.
 */
public final class SchedulerContract {
    static final String THREADS_AND_CHILDREN = """
            processes:
              - name: server
                programs: { worker: [cpu 7ms, io disk 3ms, cpu 2ms], child: [cpu 12ms, yield, cpu 1ms] }
                program: "cpu 1ms; spawn worker; spawn worker; fork child; cpu 3ms; join; wait; cpu 1ms"
              - { name: hog, priority: 2, nice: -5, tickets: 5, bursts: [cpu 40ms] }
              - { name: ticker, arrival: 3, repeat: 6, bursts: [cpu 1ms, sleep 4ms] }
            """;

    /** Pinned processes beside free ones, a pinned parent whose child inherits its affinity, a pinned periodic task. */
    static final String PINNED = """
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
    static final String THREAD_MODELS = """
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

    /** A parent forks 200 children at once, each of which forks one more: 401 processes, each 1 ms of CPU. */
    static final String FORK_STORM = """
            processes:
              - name: root
                programs: { leaf: [cpu 1ms], child: "fork leaf; cpu 1ms; wait" }
                program: "fork child; fork child; fork child; fork child; fork child; fork child; fork child; fork child; fork child; fork child; cpu 1ms; wait; wait; wait; wait; wait; wait; wait; wait; wait; wait"
                repeat: 20
            """;

    /** A killer ends two processes, while they wait their turn under most policies: the policy must drop them. */
    static final String KILLS = """
            processes:
              - { name: a, bursts: [cpu 30ms] }
              - { name: b, bursts: [cpu 30ms] }
              - { name: c, bursts: [cpu 30ms] }
              - { name: killer, arrival: 5ms, priority: 9, program: "cpu 1ms; kill b; kill c; cpu 1ms" }
            """;

    /** 10,000 jobs arriving as a Poisson process at 80% load. */
    static final String TEN_THOUSAND = """
            generate:
              - { name: job-, count: 10000, arrival: exp(1250us), cpu: exp(1ms) }
            """;

    private SchedulerContract() {}

    /** The contract's tests for the policy {@code factory} makes with {@code params} (its defaults for those not given). */
    public static Stream<DynamicTest> tests(SchedulerFactory factory, Map<String, String> params) {
        requireNonNull(factory, "factory is null");
        Map<String, String> p = Map.copyOf(params);
        List<DynamicTest> out = new ArrayList<>();
        for (String w : List.of("fig-2-41", "sjf-counterexample", "convoy", "batch-mix", "interactive-mix", "mixed", "fair-share-2to1")) {
            out.add(test("every task runs on " + w, () -> check(harness(factory, p).workload(w).cpus(1), w)));
        }
        out.add(test("every task runs on mixed, 2 CPUs", () -> check(harness(factory, p).workload("mixed").cpus(2), "mixed")));
        out.add(test("every task runs on batch-mix, 4 CPUs", () -> check(harness(factory, p).workload("batch-mix").cpus(4), "batch-mix")));
        out.add(test("threads and children, 1 CPU", () -> check(harness(factory, p).workloadYaml(THREADS_AND_CHILDREN).cpus(1), "threads")));
        out.add(test("threads and children, 3 CPUs", () -> check(harness(factory, p).workloadYaml(THREADS_AND_CHILDREN).cpus(3), "threads")));
        out.add(test("pinned tasks run where their affinity allows, 3 CPUs", () -> check(harness(factory, p).workloadYaml(PINNED).cpus(3), "pinned")));
        out.add(test("every thread model, 2 CPUs", () -> {
            // User-level threads are scheduled by their process's run-time system, with fcfs and rr: the standard policies.
            org.junit.jupiter.api.Assumptions.assumeTrue(java.util.ServiceLoader.load(SchedulerFactory.class).stream()
                    .map(s -> s.get().name()).collect(java.util.stream.Collectors.toSet()).containsAll(List.of("fcfs", "rr")),
                    "the thread models need the standard schedulers "
                    + "for their run-time systems: add osim-schedulers to the test class path");
            check(harness(factory, p).workloadYaml(THREAD_MODELS).cpus(2), "models");
        }));
        out.add(test("a fork storm of 401 processes, 2 CPUs", () -> check(harness(factory, p).workloadYaml(FORK_STORM).cpus(2), "storm")));
        // The kernel refuses a pick of a task it took back (a plugin fault); here the run must simply go on and end.
        out.add(test("tasks killed while they wait are dropped", () -> check(harness(factory, p).workloadYaml(KILLS).cpus(1), "kills")));
        out.add(test("10,000 tasks, 2 CPUs", () -> check(harness(factory, p).workloadYaml(TEN_THOUSAND).cpus(2).check(false), "many")));
        out.add(test("two runs are the same", () -> {
            RunResult one = harness(factory, p).workload("mixed").cpus(2).run().result();
            RunResult two = harness(factory, p).workload("mixed").cpus(2).run().result();
            assertThat(two.slices()).as("the schedule of a second run").isEqualTo(one.slices());
            assertThat(two.processes()).as("the results of a second run").isEqualTo(one.processes());
        }));
        return out.stream();
    }

    private static SchedulerHarness harness(SchedulerFactory factory, Map<String, String> params) {
        SchedulerHarness h = SchedulerHarness.of(factory).check(true);
        params.forEach(h::param);
        return h;
    }

    private static DynamicTest test(String name, org.junit.jupiter.api.function.Executable body) {
        return DynamicTest.dynamicTest(name, body);
    }

    /** Runs {@code h} and checks every rule of the contract on the run; {@code workload} says which CPU times to expect. */
    static RunResult check(SchedulerHarness h, String workload) {
        RunResult r = h.run().result();
        assertThat(r.summary().completed()).as("every process completes").isEqualTo(r.summary().processes());
        assertThat(r.violations()).as("violations").isEmpty();
        assertThat(r.processes().stream().flatMap(p -> p.realTime().stream()))
                .allSatisfy(rt -> assertThat(rt.completed()).as("every released job completes").isEqualTo(rt.released()));
        Map<Integer, List<SliceRecord>> byCpu = new HashMap<>();
        Map<String, List<SliceRecord>> byTask = new HashMap<>();
        for (SliceRecord s : r.slices()) {
            assertThat(s.end()).isGreaterThan(s.start());
            byCpu.computeIfAbsent(s.cpu(), k -> new ArrayList<>()).add(s);
            byTask.computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s);
        }
        byCpu.values().forEach(list -> assertNoOverlap(list, "a CPU runs two tasks at once"));
        byTask.values().forEach(list -> assertNoOverlap(list, "a task runs on two CPUs at once"));
        if (workload.equals("pinned")) {
            Map<String, List<Integer>> pins = Map.of("p0", List.of(0), "p12", List.of(1, 2), "parent", List.of(2),
                    "parent/kid", List.of(2), "tick", List.of(1));
            for (SliceRecord s : r.slices()) {
                if (pins.containsKey(s.task())) {
                    assertThat(pins.get(s.task())).as("%s runs only where its affinity allows", s.task()).contains(s.cpu());
                }
            }
        }
        for (TaskResult p : r.processes()) {
            for (TaskResult t : p.threads().isEmpty() ? List.of(p) : p.threads()) {
                long sliced = byTask.getOrDefault(t.name(), List.of()).stream().mapToLong(s -> s.end() - s.start()).sum();
                assertThat(sliced).as("slices of %s add up to its CPU time", t.name()).isEqualTo(t.cpu());
            }
            long asked = asked(workload, p);
            if (asked >= 0) {
                assertThat(p.cpu()).as("CPU time of %s is what its program asked for", p.name()).isEqualTo(asked);
            }
        }
        return r;
    }

    /** The CPU time a process's programs ask for, from the workload itself; -1 where the contract does not say. */
    private static long asked(String workload, TaskResult p) {
        long ms = 1_000_000L;
        return switch (workload) {
            // main 1 + 3 + 1, two workers of 7 + 2 each; the forked child 12 + 1; hog 40; ticker 6 × 1.
            case "threads" -> Map.of("server", 23L, "server/child", 13L, "hog", 40L, "ticker", 6L).get(p.name()) * ms;
            case "models" -> 15 * ms; // main 3 ms and two workers of 4 + 2 ms
            case "pinned" -> {
                Long v = Map.of("p0", 60L, "p12", 60L, "free", 50L, "parent", 5L, "parent/kid", 10L, "tick", 40L).get(p.name());
                yield v == null ? -1 : v * ms; // the generated ones draw theirs
            }
            case "storm" -> p.name().equals("root") ? 20 * ms : ms; // root 1 ms a round; each child and leaf 1 ms
            case "kills" -> p.name().equals("a") ? 30 * ms : p.name().equals("killer") ? 2 * ms : -1;
            case "many" -> -1;
            default -> Workloads.load(workload, 1).processes().stream().filter(x -> x.name().equals(p.name()))
                    .mapToLong(x -> x.threads().stream().mapToLong(t -> t.program().cpuNanos()).sum()
                            * x.periodic().map(rt -> rt.jobs().orElseThrow()).orElse(1))
                    .sum();
        };
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
