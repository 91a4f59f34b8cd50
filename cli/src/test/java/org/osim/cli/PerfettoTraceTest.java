package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trace-out}: the file follows the trace-event format (the fields each phase needs, balanced B/E pairs, flows
 * that start and end, metadata naming every track), and its CPU slices are the run's {@code --slices}, exactly.
 */
class PerfettoTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** Checks every event against the trace-event format; returns the events. */
    static List<JsonNode> checkFormat(JsonNode file) {
        assertThat(file.get("displayTimeUnit").asText()).isEqualTo("ms");
        assertThat(file.get("otherData").get("clock").asText()).contains("microseconds");
        List<JsonNode> events = new ArrayList<>();
        file.get("traceEvents").forEach(events::add);
        assertThat(events).isNotEmpty();
        Map<String, Integer> open = new HashMap<>();
        Map<Long, List<String>> flows = new TreeMap<>();
        for (JsonNode e : events) {
            String ph = e.path("ph").asText();
            assertThat(e.path("name").isTextual()).as("name of %s", e).isTrue();
            assertThat(e.path("pid").isInt() && e.path("tid").isInt()).as("pid and tid of %s", e).isTrue();
            if (!ph.equals("M")) {
                assertThat(e.path("ts").isNumber()).as("ts of %s", e).isTrue();
                assertThat(e.get("ts").asDouble()).as("ts of %s", e).isGreaterThanOrEqualTo(0);
            }
            String track = e.get("pid") + "/" + e.get("tid");
            switch (ph) {
                case "X" -> {
                    assertThat(e.path("dur").isNumber()).as("dur of %s", e).isTrue();
                    assertThat(e.get("dur").asDouble()).as("dur of %s", e).isGreaterThanOrEqualTo(0);
                }
                case "B" -> open.merge(track, 1, Integer::sum);
                case "E" -> assertThat(open.merge(track, -1, Integer::sum)).as("E without B on %s", track).isGreaterThanOrEqualTo(0);
                case "i" -> assertThat(Set.of("t", "p", "g")).as("scope of %s", e).contains(e.path("s").asText());
                case "C" -> {
                    assertThat(e.path("args").isObject() && e.get("args").size() > 0).as("args of %s", e).isTrue();
                    e.get("args").forEach(v -> assertThat(v.isNumber()).as("counter value in %s", e).isTrue());
                }
                case "M" -> {
                    assertThat(Set.of("process_name", "thread_name", "process_sort_index", "thread_sort_index"))
                            .contains(e.get("name").asText());
                    assertThat(e.get("args").has("name") || e.get("args").has("sort_index")).as("args of %s", e).isTrue();
                }
                case "s", "f" -> {
                    assertThat(e.path("id").isIntegralNumber() && e.path("cat").isTextual()).as("id and cat of %s", e).isTrue();
                    flows.computeIfAbsent(e.get("id").asLong(), k -> new ArrayList<>()).add(ph + "@" + e.get("ts").asText());
                }
                default -> throw new AssertionError("unexpected phase " + ph + " in " + e);
            }
        }
        open.forEach((track, n) -> assertThat(n).as("B events left open on %s", track).isZero());
        flows.forEach((id, ends) -> {
            assertThat(ends).as("flow %s", id).hasSize(2);
            assertThat(ends.get(0)).as("flow %s", id).startsWith("s@");
            assertThat(ends.get(1)).as("flow %s", id).startsWith("f@");
            assertThat(Double.parseDouble(ends.get(1).substring(2))).isGreaterThanOrEqualTo(Double.parseDouble(ends.get(0).substring(2)));
        });
        // Every track that has events is named.
        Set<String> named = new java.util.HashSet<>();
        Set<Integer> namedProcesses = new java.util.HashSet<>();
        for (JsonNode e : events) {
            if (e.get("ph").asText().equals("M") && e.get("name").asText().equals("thread_name")) {
                named.add(e.get("pid") + "/" + e.get("tid"));
            }
            if (e.get("ph").asText().equals("M") && e.get("name").asText().equals("process_name")) {
                namedProcesses.add(e.get("pid").asInt());
            }
        }
        for (JsonNode e : events) {
            assertThat(namedProcesses).as("process of %s", e).contains(e.get("pid").asInt());
            if (!e.get("ph").asText().equals("M") && e.get("tid").asInt() != 0) {
                assertThat(named).as("track of %s", e).contains(e.get("pid") + "/" + e.get("tid"));
            }
        }
        return events;
    }

    /** The X events of category {@code slice} as "cpu task start end" in microseconds, in file order. */
    private static List<String> slicesIn(List<JsonNode> events, int pidBase) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            int pid = e.get("pid").asInt();
            if (e.get("ph").asText().equals("X") && e.get("cat").asText().equals("slice") && pid >= pidBase && pid < pidBase + 1000) {
                out.add(e.get("args").get("cpu").asText() + " " + e.get("name").asText() + " " + e.get("ts").decimalValue().stripTrailingZeros()
                        .toPlainString() + " " + e.get("ts").decimalValue().add(e.get("dur").decimalValue()).stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }

    /** The run's --slices from its JSON report, in microseconds. */
    private static List<String> slicesOf(String json, int run) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode s : JSON.readTree(json).get("runs").get(run).get("slices")) {
            out.add(s.get("cpu").asText() + " " + s.get("task").asText() + " " + s.get("start").decimalValue().stripTrailingZeros().toPlainString()
                    + " " + s.get("end").decimalValue().stripTrailingZeros().toPlainString());
        }
        return out;
    }

    @Test
    void userLevelThreadsAsTheBookDrawsThem() throws IOException {
        Path file = dir.resolve("t.json");
        Cli cli = Cli.run("run", "fig-2-44-user", "-s", "rr:quantum=50ms", "--trace-out", file.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        List<JsonNode> events = checkFormat(read(file));
        Cli slices = Cli.run("run", "fig-2-44-user", "-s", "rr:quantum=50ms", "--slices", "--format", "json", "--unit", "us");
        assertThat(slicesIn(events, 0)).isEqualTo(slicesOf(slices.out(), 0)).hasSize(24);
        // The kernel threads that carry them, on a track of their own: A and B take turns of 50 ms.
        List<String> carriers = events.stream().filter(e -> e.path("cat").asText().equals("kernel thread"))
                .map(e -> e.get("name").asText() + "@" + e.get("ts").asText() + "+" + e.get("dur").asText()).toList();
        assertThat(carriers).containsExactly("A@0+50000", "B@50000+50000", "A@100000+10000", "B@110000+10000");
        // Tracks named after the workload: cpu0 and the processes, each thread a track.
        assertThat(names(events, "process_name")).contains("cpu0", "A", "B", "kernel");
        assertThat(names(events, "thread_name")).contains("slices", "idle and overhead", "A.A1", "A.A2", "A.A3", "B.B1");
        // A1's states: it runs 0-5 ms, then waits at user level while A2 and A3 run.
        assertThat(states(events, "A.A1")).startsWith("running@0+5000", "ready@5000+10000", "running@15000+5000");
        // Each time A's quantum ends, the clock interrupt is marked on the CPU.
        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("i") && e.get("name").asText().startsWith("clock interrupt"))
                .map(e -> e.get("ts").asText())).containsExactly("50000", "100000");
        assertThat(Files.readString(file)).isEqualTo(Files.readString(file)); // read twice: no stray handle
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("t.json"); // no part left behind
        }
    }

    @Test
    void wakeUpsAreArrowsFromTheWakerToTheWoken() throws IOException {
        Path file = dir.resolve("pc.json");
        assertThat(Cli.run("run", "producer-consumer-semaphores", "-s", "rr", "--trace-out", file.toString()).exit()).isZero();
        List<JsonNode> events = checkFormat(read(file));
        Map<Integer, String> threads = new HashMap<>();
        events.stream().filter(e -> e.get("name").asText().equals("thread_name") && e.get("pid").asInt() >= 1000)
                .forEach(e -> threads.put(e.get("tid").asInt(), e.get("args").get("name").asText()));
        List<String> flows = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.get("ph").asText().equals("s") || e.get("ph").asText().equals("f")) {
                flows.add(e.get("ph").asText() + " " + threads.get(e.get("tid").asInt()) + " " + e.get("name").asText() + " " + e.get("ts").asText());
            }
        }
        // At 10.061 ms the consumer's up on empty wakes the producer, blocked on empty.down since 10.051 ms (the text trace's lines).
        assertThat(flows).startsWith("s pc.consumer empty.up 10061", "f pc.producer empty.up 10061");
        assertThat(states(events, "pc.producer")).startsWith("running@0+10051", "blocked on empty.down@10051+10", "ready@10061+19990");
        // The semaphore empty counts down from 4 as the producer fills the buffer; at 10.051 ms the producer waits on it,
        // and the up at 10.061 ms hands the unit straight to it (the value stays 0).
        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("C") && e.get("name").asText().equals("empty")).limit(8)
                .map(e -> e.get("ts").asText() + " " + e.get("args").get("waiters") + " " + e.get("args").get("value")))
                .containsExactly("0 0 4", "2002 0 3", "4014 0 2", "6026 0 1", "8038 0 0", "10051 1 0", "10061 0 0", "15080 0 1");
        // The ready-task counter follows: one ready at the start (the consumer), then two, ...
        assertThat(events.stream().filter(e -> e.get("name").asText().equals("ready tasks") && e.get("ph").asText().equals("C")).limit(3)
                .map(e -> e.get("args").get("ready").asInt()))
                .containsExactly(1, 2, 1);
    }

    @Test
    void eachCpuCountsTheReadyTasksItMayRun() throws IOException {
        Path workload = dir.resolve("pinned.yaml");
        Files.writeString(workload, """
                machine: { cpus: 2 }
                processes:
                  - { name: p0, affinity: [0], bursts: [cpu 10ms] }
                  - { name: p1, affinity: [1], bursts: [cpu 10ms] }
                  - { name: f1, bursts: [cpu 10ms] }
                  - { name: f2, bursts: [cpu 10ms] }
                  - { name: q0, affinity: [0], bursts: [cpu 5ms] }
                """);
        Path file = dir.resolve("pinned.json");
        assertThat(Cli.run("run", workload.toString(), "-s", "fcfs", "--trace-out", file.toString()).exit()).isZero();
        // FCFS runs p0 and p1 first; f1, f2 and q0 wait, and cpu1 may not run q0. At 10 ms f1 and f2 start; q0 waits for cpu0.
        List<String> counts = checkFormat(read(file)).stream().filter(e -> e.get("name").asText().equals("ready here"))
                .filter(e -> e.get("ph").asText().equals("C"))
                .map(e -> "cpu" + (e.get("pid").asInt() - 1) + "@" + e.get("ts").asText() + "=" + e.get("args").get("ready")).toList();
        assertThat(counts).containsExactly("cpu0@0=3", "cpu1@0=2", "cpu0@10000=1", "cpu1@10000=0", "cpu0@20000=0", "cpu1@20000=0");
    }

    @Test
    void aCaughtSignalIsAnArrowFromItsSender() throws IOException {
        Path file = dir.resolve("s.json");
        assertThat(Cli.run("run", "signals", "--trace-out", file.toString()).exit()).isZero();
        List<JsonNode> events = checkFormat(read(file));
        Map<String, String> threads = new HashMap<>();
        events.stream().filter(e -> e.get("name").asText().equals("thread_name"))
                .forEach(e -> threads.put(e.get("pid") + "/" + e.get("tid"), e.get("args").get("name").asText()));
        List<String> flows = events.stream().filter(e -> e.get("ph").asText().equals("s") || e.get("ph").asText().equals("f"))
                .map(e -> e.get("ph").asText() + " " + threads.get(e.get("pid") + "/" + e.get("tid")) + " " + e.get("name").asText() + " "
                        + e.get("ts").asText()).limit(2).toList();
        assertThat(flows).containsExactly("s terminal SIGUSR1 1000", "f worker SIGUSR1 1000");
        // The text trace's own words for the same moments, as instants on the worker's process.
        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("i")).map(e -> e.get("name").asText()))
                .contains("SIGUSR1: caught by worker", "SIGUSR2: pending", "SIGINT: ignored");
    }

    @Test
    void aComparisonDrawsEveryRunInOneFileTheSameWhateverTheJobs() throws IOException {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        String[] args = {"compare", "mixed", "-s", "rr", "-s", "cfs", "-s", "mlfq", "--trace-out"};
        assertThat(Cli.run(concat(args, one.toString(), "--jobs", "1")).exit()).isZero();
        assertThat(Cli.run(concat(args, two.toString(), "--jobs", "2")).exit()).isZero();
        assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
        List<JsonNode> events = checkFormat(read(one));
        assertThat(names(events, "process_name")).contains("rr: cpu0", "cfs: cpu0", "mlfq: cpu0", "rr: kernel", "mlfq: kernel");
        Cli slices = Cli.run("compare", "mixed", "-s", "rr", "-s", "cfs", "-s", "mlfq", "--slices", "--format", "json", "--unit", "us");
        for (int run = 0; run < 3; run++) {
            assertThat(slicesIn(events, run * 1_000_000)).as("run %s", run).isEqualTo(slicesOf(slices.out(), run)).isNotEmpty();
        }
        assertThat(read(one).get("otherData").get("schedulers").asText()).isEqualTo("rr, cfs, mlfq");
    }

    @Test
    void aDeadlockIsMarkedAcrossTheWholeTrace() throws IOException {
        Path file = dir.resolve("d.json");
        assertThat(Cli.run("run", "deadlock-two-mutexes", "-s", "rr", "--cpus", "2", "--trace-out", file.toString()).exit()).isZero();
        List<JsonNode> global = checkFormat(read(file)).stream().filter(e -> e.path("s").asText().equals("g")).toList();
        assertThat(global).hasSize(1);
        assertThat(global.get(0).get("name").asText()).isEqualTo("deadlock (B, A)");
        assertThat(global.get(0).get("ts").asInt()).isEqualTo(5000);
        assertThat(global.get(0).get("args").get("detail").asText()).startsWith("a cycle of waits: B → m1 held by A → m2 held by B");
    }

    @Test
    void exploreDrawsTheShortestViolatingInterleaving() throws IOException {
        Path file = dir.resolve("e.json");
        Cli cli = Cli.run("explore", "busy-wait-lock-variable", "--random", "50", "--trace-out", file.toString());
        assertThat(cli.out()).contains("or: ./osim run busy-wait-lock-variable --schedule 'cpu0 A:4 | cpu1 B:4'");
        JsonNode trace = read(file);
        assertThat(trace.get("otherData").get("replay").asText()).isEqualTo("./osim run busy-wait-lock-variable --schedule 'cpu0 A:4 | cpu1 B:4'");
        List<JsonNode> violations = checkFormat(trace).stream().filter(e -> e.path("s").asText().equals("g")).toList();
        assertThat(violations.get(0).get("name").asText()).isEqualTo("mutual-exclusion (A, B)");
        assertThat(violations.get(0).get("ts").asText()).isEqualTo("4");
        assertThat(violations.get(0).get("args").get("schedule").asText()).isEqualTo("cpu0 A:4 | cpu1 B:4");
    }

    @Test
    void aRunThatFailsLeavesNoTraceBehind() throws IOException {
        Path file = dir.resolve("t.json");
        Cli cli = Cli.run("run", "fig-2-41", "-s", "rr", "--max-events", "5", "--trace-out", file.toString());
        assertThat(cli.exit()).isEqualTo(2);
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
        assertThat(Cli.run("run", "mm1", "-s", "fcfs", "--replications", "3", "--trace-out", file.toString()).err())
                .isEqualTo("osim: --replications reports means over runs: leave out --trace, --trace-out, --gantt, --slices and --schedule\n");
        assertThat(Cli.run("compare", "mm1", "-s", "fcfs", "--replications", "3", "--trace-out", file.toString()).err())
                .isEqualTo("osim: --replications reports means over runs: leave out --trace-out, or draw one replication with --seed\n");
        Files.writeString(dir.resolve("file"), "");
        assertThat(Cli.run("run", "fig-2-41", "-s", "rr", "--trace-out", dir.resolve("file").resolve("t.json").toString()).err())
                .startsWith("osim: cannot write " + dir.resolve("file").resolve("t.json"));
    }

    @Test
    void timesAreExactMicroseconds() {
        assertThat(PerfettoTrace.micros(0)).isEqualTo("0");
        assertThat(PerfettoTrace.micros(10_061_000)).isEqualTo("10061");
        assertThat(PerfettoTrace.micros(1_234_567)).isEqualTo("1234.567");
        assertThat(PerfettoTrace.micros(5)).isEqualTo("0.005");
        assertThat(PerfettoTrace.micros(-5)).isEqualTo("-0.005");
    }

    private static List<String> names(List<JsonNode> events, String kind) {
        return events.stream().filter(e -> e.get("name").asText().equals(kind)).map(e -> e.get("args").get("name").asText()).toList();
    }

    /** A thread's state slices as "state@start+duration" (microseconds), in time order. */
    private static List<String> states(List<JsonNode> events, String thread) {
        int tid = events.stream().filter(e -> e.get("name").asText().equals("thread_name") && e.get("args").get("name").asText().equals(thread))
                .findFirst().orElseThrow().get("tid").asInt();
        return events.stream().filter(e -> e.get("ph").asText().equals("X") && e.get("cat").asText().equals("state") && e.get("tid").asInt() == tid)
                .sorted(java.util.Comparator.comparingDouble(e -> e.get("ts").asDouble()))
                .map(e -> e.get("name").asText() + "@" + e.get("ts").asText() + "+" + e.get("dur").asText()).toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
