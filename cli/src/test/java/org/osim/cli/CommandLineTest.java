package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osim.kernel.Osim;

class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static JsonNode json(Cli c) throws Exception {
        assertThat(c.exit()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    @Test
    void compareReproducesFigure2_41() throws Exception {
        JsonNode runs = json(Cli.run("compare", "fig-2-41", "-s", "fcfs", "-s", "sjf", "--format", "json")).get("runs");
        assertThat(runs).hasSize(2);
        JsonNode fcfs = runs.get(0);
        JsonNode sjf = runs.get(1);
        assertThat(fcfs.get("scheduler").get("name").asText()).isEqualTo("fcfs");
        assertThat(fcfs.get("summary").get("meanTurnaround").asInt()).isEqualTo(14);
        assertThat(sjf.get("summary").get("meanTurnaround").asInt()).isEqualTo(11);
        assertThat(fcfs.get("processes").findValues("turnaround")).extracting(JsonNode::asInt).containsExactly(8, 12, 16, 20);
        assertThat(sjf.get("processes").findValues("turnaround")).extracting(JsonNode::asInt).containsExactly(20, 4, 8, 12);
        assertThat(sjf.get("summary").get("meanWaiting").asInt()).isEqualTo(6);
        assertThat(sjf.get("summary").get("throughput").asDouble()).isEqualTo(0.2);
        assertThat(sjf.get("summary").get("contextSwitches").asInt()).isEqualTo(4);
        assertThat(sjf.get("timeUnit").asText()).isEqualTo("ms");
        assertThat(sjf.get("violations")).isEmpty();
        assertThat(sjf.has("slices")).isFalse();
    }

    @Test
    void compareTableHasOneRowPerSchedulerAndTheTurnaroundOfEachProcess() {
        Cli c = Cli.run("compare", "fig-2-41", "-s", "fcfs", "-s", "sjf", "-s", "rr:quantum=4ms");
        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("rr:quantum=4ms").containsPattern("(?m)^sjf +11 +6 +6 ")
                .containsPattern("(?m)^fcfs +8 +12 +16 +20$");
    }

    @Test
    void slicesListTheScheduleInJson() throws Exception {
        JsonNode run = json(Cli.run("run", "fig-2-41", "--scheduler", "sjf", "--format", "json", "--slices")).get("runs").get(0);
        assertThat(run.get("slices").toString()).isEqualTo("[{\"cpu\":0,\"task\":\"B\",\"start\":0,\"end\":4},"
                + "{\"cpu\":0,\"task\":\"C\",\"start\":4,\"end\":8},{\"cpu\":0,\"task\":\"D\",\"start\":8,\"end\":12},"
                + "{\"cpu\":0,\"task\":\"A\",\"start\":12,\"end\":20}]");
    }

    @Test
    void ganttDrawsTheSchedule() {
        Cli c = Cli.run("run", "fig-2-41", "--scheduler", "sjf", "--gantt");
        assertThat(c.exit()).isZero();
        assertThat(c.out()).endsWith("""
                Gantt chart: one column = 500us
                cpu0 |B      |C      |D      |A              |
                     0       4       8       12              20
                """);
    }

    @Test
    void traceShowsEveryEventWithItsTime() {
        Cli c = Cli.run("run", "fig-2-41", "-s", "fcfs", "--trace");
        assertThat(c.out()).contains("           8  cpu0 stop A (exited, ran 8ms)\n           8  thread exit A\n");
    }

    @Test
    void aTraceIsWrittenAsTheRunGoesAndAFileOnlyWhenTheRunEnds() throws Exception {
        Path out = tmp.resolve("trace.txt");
        Cli c = Cli.run("run", "fig-2-41", "-s", "fcfs", "--trace", "--gantt", "-o", out.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).startsWith("   time (ms)  event\n").contains("           8  thread exit A\n")
                .contains("\nfig-2-41 · fcfs · seed 1").endsWith("     0               8       12      16      20\n");
        assertThat(text).isEqualTo(Cli.run("run", "fig-2-41", "-s", "fcfs", "--trace", "--gantt").out());
        // A run stopped by its limit half-way through its trace leaves no file.
        Cli bomb = badInput(FORK_BOMB, "rr", "--trace", "--max-events", "1000");
        assertThat(bomb.err()).startsWith("osim: the run took its 1,000 events (--max-events)");
    }

    @Test
    void onlyTheSubcommandNamedFirstIsModelledYetHelpAndErrorsKnowThemAll() {
        Cli c = Cli.run("run", "--help");
        assertThat(c.out()).startsWith("Usage: osim run [-hVv]");
        assertThat(Cli.run("help", "compare").out()).startsWith("Usage: osim compare ");
        assertThat(Cli.run("--help").out()).contains("  run ", "  compare ", "  explore ", "  analyze ", "  list ", "  describe ",
                "  bench ", "  help ");
        Cli unknown = Cli.run("benhc");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Did you mean: osim bench or osim describe?");
        // An option before the subcommand: every subcommand is modelled, and it runs the same.
        assertThat(Cli.run("--log-level", "warn", "run", "fig-2-41", "-s", "fcfs").out())
                .isEqualTo(Cli.run("run", "fig-2-41", "-s", "fcfs").out());
    }

    @Test
    void anOstepHomeworkRunsFromTheScriptsOwnFlags() {
        // scheduler.py -p RR -q 1 -j 3 -m 10 -s 0: jobs of 9, 8 and 5, worked out by hand.
        Cli c = Cli.run("ostep", "scheduler", "-p", "RR", "-q", "1", "-j", "3", "-m", "10", "-s", "0", "--as-ostep");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).isEqualTo("""
                Final statistics:
                  Job   0 -- Response: 0.00  Turnaround 22.00  Wait 13.00
                  Job   1 -- Response: 1.00  Turnaround 21.00  Wait 13.00
                  Job   2 -- Response: 2.00  Turnaround 15.00  Wait 10.00

                  Average -- Response: 1.00  Turnaround 19.33  Wait 12.00

                """);
        // Tanenbaum Fig. 2-41 as the script's job list: SJF lists the jobs in the order they ran.
        assertThat(Cli.run("ostep", "scheduler", "-p", "SJF", "-l", "8,4,4,4", "--as-ostep").out())
                .contains("  Job   1 -- Response: 0.00  Turnaround 4.00  Wait 0.00\n  Job   2")
                .contains("  Average -- Response: 6.00  Turnaround 11.00  Wait 6.00");
        // Without --as-ostep, osim's own report of the same run.
        assertThat(Cli.run("ostep", "scheduler", "-l", "8,4,4,4").out()).contains("mean turnaround 14 ms");
        Cli bad = Cli.run("ostep", "scheduler", "-p", "LIFO");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("osim: scheduler.py: unknown policy 'LIFO' (FIFO, SJF or RR, as written)\n");
        assertThat(Cli.run("ostep", "x68").err())
                .isEqualTo("osim: unknown OSTEP script 'x68' (known: scheduler, mlfq, lottery, process-run, x86, x86-intro)\n");
    }

    @Test
    void mlfqHomeworkPrintsTheScriptsFinalStatistics() {
        // Two 100 ms jobs, three levels of 10 ms, allotment 1: 10 ms at each upper level, then turns at the lowest.
        Cli c = Cli.run("ostep", "mlfq", "-n", "3", "-q", "10", "-l", "0,100,0:0,100,0", "-c", "--as-ostep");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).isEqualTo("""
                Final statistics:
                  Job  0: startTime   0 - response   0 - turnaround 190
                  Job  1: startTime   0 - response  10 - turnaround 200

                  Avg  1: startTime n/a - response 5.00 - turnaround 195.00

                """);
    }

    @Test
    void processRunHomeworkPrintsTheScriptsTraceAndStats() {
        // OSTEP ch. 4's first question: two CPU-only processes, one after the other.
        Cli c = Cli.run("ostep", "process-run", "-l", "5:100,5:100", "-c", "-p", "--as-ostep");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).endsWith("Stats: Total Time 10\nStats: CPU Busy 10 (100.00%)\nStats: IO Busy  0 (0.00%)\n\n");
        // An I/O of 3 ticks (busy 3–5, done at 6) overlaps the other process; back from it, the first waits its turn.
        assertThat(Cli.run("ostep", "process-run", "-P", "c1,i,c1:c4", "-L", "3", "-c", "-p", "--as-ostep").out()).isEqualTo("""
                Time        PID: 0        PID: 1           CPU           IOs
                  1        RUN:cpu         READY             1         \s
                  2         RUN:io         READY             1         \s
                  3        BLOCKED       RUN:cpu             1             1
                  4        BLOCKED       RUN:cpu             1             1
                  5        BLOCKED       RUN:cpu             1             1
                  6*         READY       RUN:cpu             1         \s
                  7    RUN:io_done          DONE             1         \s
                  8        RUN:cpu          DONE             1         \s

                Stats: Total Time 8
                Stats: CPU Busy 8 (100.00%)
                Stats: IO Busy  3 (37.50%)

                """);
        // SWITCH_ON_END idles the CPU through the I/O; IO_RUN_IMMEDIATE gives it back to the process at once.
        assertThat(Cli.run("ostep", "process-run", "-P", "i,c1:c4", "-L", "2", "-S", "SWITCH_ON_END", "-c", "--as-ostep").out())
                .contains("  2        BLOCKED         READY                           1\n")
                .contains("  4*   RUN:io_done         READY             1          \n");
    }

    @Test
    void lotteryHomeworkDrawsTheScriptsWinners() {
        // lottery.py's rules on CPython's random.seed(1): jobs (1, 84), (7, 25), (4, 44), then one draw per quantum.
        Cli c = Cli.run("ostep", "lottery", "-s", "1", "-j", "3", "-c", "--as-ostep");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).isEqualTo("--> JOB 0 DONE at time 2\n--> JOB 2 DONE at time 6\n--> JOB 1 DONE at time 12\n");
        // A job that needs less than its last quantum still takes the whole quantum of the script's clock.
        assertThat(Cli.run("ostep", "lottery", "-s", "3", "-l", "3:10,5:20", "-q", "2", "--as-ostep").out())
                .isEqualTo("--> JOB 1 DONE at time 8\n--> JOB 0 DONE at time 10\n");
    }

    @Test
    void pythonsTwoDecimalsRoundTiesToEven() {
        assertThat(org.osim.importers.ostep.Homework.f2(0.125)).isEqualTo("0.12"); // exactly representable: a tie, to even
        assertThat(org.osim.importers.ostep.Homework.f2(0.375)).isEqualTo("0.38");
        assertThat(org.osim.importers.ostep.Homework.f2(2.675)).isEqualTo("2.67"); // 2.67499999... in binary
        assertThat(org.osim.importers.ostep.Homework.f2(19.333333333333332)).isEqualTo("19.33");
    }

    @Test
    void csvHasARowPerProcess() {
        Cli c = Cli.run("run", "fig-2-41", "-s", "sjf", "--format", "csv");
        assertThat(c.out().lines()).hasSize(5);
        assertThat(c.out().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("fig-2-41,sjf,,1,A,0,12,20,20,12,12,8,0,1,0,normal exit");
    }

    @Test
    void listAndDescribe() {
        Cli list = Cli.run("list", "schedulers");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().skip(1).map(l -> l.split(" ")[0])).containsExactly("cfs", "conservative", "ctss", "dm",
                "dynamic-priority", "easy", "edf", "edzl", "eevdf", "fair-share", "fcfs", "gedf", "guaranteed", "llf", "lottery", "mlfq",
                "moss", "pedf", "priority", "priority-classes", "process-run", "random", "rm", "rr", "scripted", "sjf", "spn", "srtn", "stride",
                "x86");
        Cli describe = Cli.run("describe", "rr");
        assertThat(describe.out()).contains("Round robin").containsPattern("quantum +20ms +a duration of at least 1ns");
        Cli workloads = Cli.run("list", "workloads");
        assertThat(workloads.out()).contains("fig-2-41", "sjf-counterexample", "convoy", "interactive-mix", "batch-mix");
    }

    @Test
    void sameSeedSameBytesAndAnotherSeedOtherNumbers() {
        String[] args = {"compare", "batch-mix", "-s", "fcfs", "-s", "rr:quantum=10ms", "--format", "json", "--slices"};
        Cli a = Cli.run(args);
        Cli b = Cli.run(args);
        assertThat(a.exit()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        Cli c = Cli.run("compare", "batch-mix", "-s", "fcfs", "-s", "rr:quantum=10ms", "--format", "json", "--slices", "--seed", "2");
        assertThat(c.out()).isNotEqualTo(a.out());
        assertThat(c.out()).contains("\"seed\" : 2");
    }

    @Test
    void everyPolicyInOneCompareGivesOneTableAndTheSameBytesTwice() {
        java.util.List<String> names = Osim.create().plugins().schedulers().stream().map(f -> f.name()).toList();
        java.util.List<String> argList = new java.util.ArrayList<>(java.util.List.of("compare", "mixed"));
        names.forEach(n -> argList.addAll(java.util.List.of("-s", n)));
        String[] args = argList.toArray(String[]::new);
        Cli a = Cli.run(args);
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(names).hasSize(30);
        assertThat(a.out().lines().filter(l -> names.contains(l.split(" ")[0]))).hasSize(30);
        assertThat(a.out()).contains("18/18");
        assertThat(Cli.run(args).out()).isEqualTo(a.out());
    }

    @Test
    void analyzeReportsTheBookExampleSchedulableAndSaysWhyAnotherIsNot() throws Exception {
        JsonNode r = json(Cli.run("analyze", "rt-book-example", "--format", "json"));
        assertThat(r.get("utilization").asDouble()).isEqualTo(0.85);
        assertThat(r.get("schedulable").asBoolean()).isTrue();
        assertThat(r.get("tasks").findValues("responseRm")).extracting(JsonNode::asInt).containsExactly(50, 80, 360);
        Path file = tmp.resolve("rt.yaml");
        Files.writeString(file, """
                duration: 1s
                processes:
                  - { name: T1, periodic: { period: 100ms, wcet: 50ms } }
                  - { name: T2, periodic: { period: 200ms, wcet: 30ms } }
                  - { name: T3, periodic: { period: 500ms, wcet: 100ms } }
                  - { name: T4, periodic: { period: 1s, wcet: 151ms } }
                """);
        Cli c = Cli.run("analyze", file.toString());
        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("EDF: NOT schedulable — utilization Σ C/T = 1.001 exceeds 1: no policy can meet every deadline");
        Cli none = Cli.run("analyze", "fig-2-41");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("osim: workload 'fig-2-41' has no periodic or sporadic tasks to analyze\n");
        // analyze and bench write tables and JSON only, and say so rather than print a table for another format.
        assertThat(Cli.run("analyze", "rt-book-example", "--format", "csv").err()).isEqualTo("osim: --format for analyze is table or json, got csv\n");
        assertThat(Cli.run("bench", "engine", "--format", "html").err()).isEqualTo("osim: --format for bench is table or json, got html\n");
    }

    @Test
    void timeUnitsCanBeChanged() throws Exception {
        JsonNode run = json(Cli.run("run", "fig-2-41", "-s", "sjf", "--format", "json", "--unit", "us")).get("runs").get(0);
        assertThat(run.get("summary").get("meanTurnaround").asLong()).isEqualTo(11_000);
        assertThat(run.get("timeUnit").asText()).isEqualTo("us");
    }

    @Test
    void outputGoesToAFileWhole() throws Exception {
        Path out = tmp.resolve("sub/result.json");
        Cli c = Cli.run("run", "fig-2-41", "-s", "sjf", "--format", "json", "-o", out.toString());
        assertThat(c.exit()).isZero();
        assertThat(c.out()).isEmpty();
        assertThat(JSON.readTree(out.toFile()).get("runs").get(0).get("summary").get("meanTurnaround").asInt()).isEqualTo(11);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    // ------------------------------------------------------------------ bad input: exit 2, place and expectation, nothing written

    /** Runs {@code run w.yaml -s SCHEDULER -o out.json EXTRA...}; expects exit 2, a message, and no output file. */
    private Cli badInput(String yaml, String scheduler, String... extra) throws Exception {
        Path file = tmp.resolve("w.yaml");
        Files.writeString(file, yaml);
        Path out = tmp.resolve("out.json");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", file.toString(), "-s", scheduler, "-o", out.toString()));
        args.addAll(java.util.List.of(extra));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.exit()).as(c.err()).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(c.out()).isEmpty();
        return c;
    }

    private static final String FORK_BOMB = "processes:\n  - name: bomb\n    programs: { bomb: [fork bomb, fork bomb, cpu 1ms] }\n"
            + "    bursts: [fork bomb, fork bomb, cpu 1ms]\n";

    @Test
    void aRunThatNeverEndsIsStoppedByItsLimitsWithOneLine() throws Exception {
        // Each process forks two that do the same and ends: the table never fills, the bomb never ends.
        Cli events = badInput(FORK_BOMB, "rr", "--max-events", "10000");
        assertThat(events.err()).isEqualTo("osim: the run took its 10,000 events (--max-events) at 9999 ms with work left; "
                + "raise the limit, or stop it earlier with --until\n");
        Cli memory = badInput(FORK_BOMB, "rr", "--max-memory", "64m");
        assertThat(memory.err()).startsWith("osim: the run held more than 64 MiB (--max-memory) at ").doesNotContain("\tat ");
        assertThat(badInput(FORK_BOMB, "rr", "--max-memory", "lots").err())
                .isEqualTo("osim: --max-memory: expected a size such as 2g, 500m or 64k, got 'lots'\n");
    }

    private Cli badInput(String yaml) throws Exception {
        return badInput(yaml, "fcfs");
    }

    @Test
    void malformedYaml() throws Exception {
        Cli c = badInput("processes:\n  - { name: A, bursts: [cpu 8ms }\n");
        assertThat(c.err()).startsWith("osim: " + tmp.resolve("w.yaml") + ":2:").contains("malformed YAML");
    }

    @Test
    void unknownField() throws Exception {
        Cli c = badInput("processes:\n  - { name: A, burst: [cpu 8ms] }\n");
        assertThat(c.err()).isEqualTo("osim: " + tmp.resolve("w.yaml") + ":2:16: unknown field 'burst' in process; expected one of: "
                + "name, arrival, bursts, program, threads, programs, repeat, priority, nice, tickets, user, runtime, periodic, sporadic, abortOnMiss, affinity, threadModel, kernelThreads, runtimeScheduler, messages, popup, gang\n");
    }

    @Test
    void negativeDuration() throws Exception {
        Cli c = badInput("processes:\n  - { name: A, bursts: [cpu -8ms] }\n");
        assertThat(c.err()).isEqualTo("osim: " + tmp.resolve("w.yaml") + ":2:29: a duration cannot be negative, got '-8ms'\n");
    }

    @Test
    void unknownSchedulerAndParameter() throws Exception {
        Cli c = badInput("processes:\n  - { name: A, bursts: [cpu 8ms] }\n", "lotery");
        assertThat(c.err()).isEqualTo("osim: unknown scheduler 'lotery' (known: cfs, conservative, ctss, dm, dynamic-priority, easy, edf, edzl, eevdf, "
                + "fair-share, fcfs, gedf, guaranteed, llf, lottery, mlfq, moss, pedf, priority, priority-classes, process-run, random, rm, rr, "
                + "scripted, sjf, spn, srtn, stride, x86)\n");
        Cli p = badInput("processes:\n  - { name: A, bursts: [cpu 8ms] }\n", "rr:quantom=4ms");
        assertThat(p.err()).isEqualTo("osim: unknown parameter 'quantom' for scheduler 'rr' (known: quantum, preferSameProcess)\n");
        Cli v = badInput("processes:\n  - { name: A, bursts: [cpu 8ms] }\n", "rr", "--param", "quantum=-4ms");
        assertThat(v.err()).isEqualTo("osim: parameter 'quantum' of scheduler 'rr': a duration cannot be negative, got '-4ms'\n");
    }

    @Test
    void badKernelObjectsAreReportedWhereTheyAreWritten() throws Exception {
        Cli type = badInput("objects: [ { name: m, type: mutx } ]\nprocesses:\n  - { name: A, program: \"call m.lock\" }\n");
        // The known types are listed in order; plugins may add more, so check a few that must be there.
        assertThat(type.err()).startsWith("osim: " + tmp.resolve("w.yaml") + ":1:29: unknown kernel object type 'mutx' (known: ")
                .contains("barrier, ").contains(", mutex, ").contains(", semaphore, ");
        Cli param = badInput("objects: [ { name: s, type: semaphore, inital: 1 } ]\nprocesses:\n  - { name: A, program: \"call s.down\" }\n");
        assertThat(param.err()).isEqualTo("osim: " + tmp.resolve("w.yaml") + ":1:40: unknown parameter 'inital' for kernel object type "
                + "'semaphore' (known: initial, max, order)\n");
        Cli op = badInput("objects: [ { name: s, type: semaphore } ]\nprocesses:\n  - { name: A, program: \"cpu 1ms; call s.lock\" }\n");
        assertThat(op.err()).isEqualTo("osim: " + tmp.resolve("w.yaml") + ":3:35: kernel object 's' (semaphore) has no operation 'lock' "
                + "(it has: down, up)\n");
        Cli arity = badInput("objects: [ { name: m, type: mutex } ]\nprocesses:\n  - { name: A, program: \"call m.wait\" }\n");
        assertThat(arity.err()).isEqualTo("osim: " + tmp.resolve("w.yaml") + ":3:26: m.wait takes 1 argument(s), got 0\n");
        Cli undeclared = badInput("processes:\n  - { name: A, program: \"call q.down\" }\n");
        assertThat(undeclared.err()).isEqualTo("osim: " + tmp.resolve("w.yaml") + ":2:26: call names kernel object 'q', which the "
                + "workload does not declare (it declares no objects)\n");
    }

    @Test
    void aWorkloadMayNameTheSchedulerItIsMeantFor() {
        // dining-philosophers-naive says scheduler: fcfs, so run and compare need no -s.
        Cli run = Cli.run("run", "dining-philosophers-naive");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("dining-philosophers-naive · fcfs · seed 1 · 5 cpus")
                .contains("VIOLATION: deadlock at 1.012 ms: a cycle of waits: philosopher4 → fork0 held by philosopher0");
        Cli compare = Cli.run("compare", "readers-writers", "--vary", "gap=4ms,500us");
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("readers-writers[gap=500us] fcfs rw", "worst write wait 105.363");
        // Two --vary: every combination, the first varying slowest.
        Cli both = Cli.run("compare", "readers-writers", "--vary", "prefer=readers,writers", "--vary", "gap=4ms,500us");
        assertThat(both.out().lines().filter(l -> l.matches("readers-writers\\[.*\\] fcfs rw .*")).map(l -> l.split(" ")[0]))
                .containsExactly("readers-writers[prefer=readers,gap=4ms]", "readers-writers[prefer=readers,gap=500us]",
                        "readers-writers[prefer=writers,gap=4ms]", "readers-writers[prefer=writers,gap=500us]");
        // -s still wins; a workload that names none still needs one.
        assertThat(Cli.run("run", "dining-philosophers-naive", "-s", "rr").out()).startsWith("dining-philosophers-naive · rr ");
        Cli none = Cli.run("run", "fig-2-41");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("osim: give a scheduler (--scheduler NAME, see 'osim list schedulers') or an "
                + "interleaving (--schedule 'A:3 B:2'); this workload names none\n");
    }

    @Test
    void unknownWorkloadAndBadOptions() {
        Cli c = Cli.run("run", "no-such-workload", "-s", "fcfs");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).startsWith("osim: no workload 'no-such-workload'");
        Cli d = Cli.run("run", "fig-2-41", "-s", "fcfs", "--format", "xml");
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("--format");
        Cli e = Cli.run("run", "fig-2-41", "-s", "fcfs", "--cpus", "0");
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).isEqualTo("osim: --cpus must be at least 1, got 0\n");
    }

    @Test
    void benchPoliciesRunsEveryPolicyOnTwoQueueSizes() {
        Cli c = Cli.run("bench", "--policies", "--scale", "0.01", "--no-warmup");
        assertThat(c.exit()).as(c.err()).isZero();
        java.util.List<String> rows = c.out().lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertThat(rows).extracting(l -> l.split(" ")[0]).containsExactly("cfs", "conservative", "ctss:quantum=1ms", "dm",
                "dynamic-priority:quantum=1ms", "easy", "edf", "edzl", "eevdf", "fair-share:quantum=1ms", "fcfs", "gedf",
                "guaranteed:quantum=1ms", "llf:quantum=1ms", "lottery:quantum=1ms", "mlfq:quantum=1ms", "moss", "pedf",
                "priority:quantum=1ms", "priority-classes:quantum=1ms", "process-run", "rm", "rr:quantum=1ms", "sjf", "spn", "srtn",
                "stride:quantum=1ms");
        // 100 tasks and 1,000; the policies that scan every task by definition get a tenth as many.
        assertThat(rows.get(22)).matches("rr:quantum=1ms +100 +\\d+ +[0-9.]+M +[0-9.]+ +1000 .*");
        assertThat(rows.get(12)).matches("guaranteed:quantum=1ms +10 +\\d+ +[0-9.]+M +[0-9.]+ +100 .*");
        // fcfs never preempts: one slice per task.
        assertThat(rows.get(10)).matches("fcfs +100 +100 .*");
    }

    @Test
    void benchPoliciesInJsonCarryTheEngineBaselineOfTheSameRun() throws Exception {
        JsonNode report = json(Cli.run("bench", "--policies", "--format", "json", "--scale", "0.01", "--no-warmup"));
        assertThat(report.get("baselines").findValuesAsText("baseline")).containsExactly("engine");
        double engine = report.get("baselines").get(0).get("eventsPerSecond").asDouble();
        JsonNode policies = report.get("policies");
        assertThat(policies).hasSize(27);
        JsonNode fcfs = policies.get(10);
        assertThat(fcfs.get("scheduler").asText()).isEqualTo("fcfs");
        assertThat(fcfs.get("tasks").asInt()).isEqualTo(100);
        assertThat(fcfs.get("slices").asLong()).isEqualTo(100);
        assertThat(fcfs.get("tasksX10").asInt()).isEqualTo(1000);
        assertThat(fcfs.get("slicesX10").asLong()).isEqualTo(1000);
        assertThat(fcfs.get("ratioToEngine").asDouble())
                .isCloseTo(fcfs.get("slicesPerSecond").asDouble() / engine, org.assertj.core.data.Offset.offset(0.01));
        assertThat(policies.get(12).get("linearByDefinition").asBoolean()).isTrue(); // guaranteed
        assertThat(policies.get(22).get("linearByDefinition").asBoolean()).isFalse(); // rr
    }

    @Test
    void benchReportsTheContractFields() throws Exception {
        JsonNode report = json(Cli.run("bench", "--format", "json", "--scale", "0.001", "--no-warmup"));
        // Every figure comes with the baseline it is compared with, measured in the same run.
        JsonNode baselines = report.get("baselines");
        assertThat(baselines.findValuesAsText("baseline")).containsExactly("hold-model", "engine", "tokens-yaml", "tokens-json",
                "sweep-40 --jobs 1");
        assertThat(baselines.get(0).get("events").asLong()).isEqualTo(baselines.get(1).get("events").asLong())
                .isEqualTo(10_000); // the same hold loop; each of the 10,000 timers fires at least once
        assertThat(baselines.get(2).get("events").asLong()).isEqualTo(1_000); // the processes in the text it tokenizes
        JsonNode b = report.get("benchmarks");
        assertThat(b).hasSize(12);
        assertThat(b.findValuesAsText("baseline")).containsExactly("hold-model", "engine", "engine", "engine", "engine", "engine",
                "engine", "engine", "tokens-yaml", "tokens-json", "engine", "sweep-40 --jobs 1");
        double engineRate = baselines.get(1).get("eventsPerSecond").asDouble();
        assertThat(b.get(1).get("baselineEventsPerSecond").asDouble()).isEqualTo(engineRate);
        assertThat(b.get(1).get("ratioToBaseline").asDouble())
                .isCloseTo(b.get(1).get("eventsPerSecond").asDouble() / engineRate, org.assertj.core.data.Offset.offset(0.01));
        assertThat(b.findValuesAsText("benchmark")).containsExactly("engine", "rr-10k", "mix-100k", "peterson", "peterson-unchecked",
                "rr-10k-checked", "mix-100k-checked", "peterson-checked", "read-1m", "read-1m-json", "threads-1m", "sweep-40");
        assertThat(b.get(11).get("events").asLong()).isEqualTo(40); // the sweep's runs
        for (JsonNode m : b) {
            assertThat(m.fieldNames()).toIterable().containsExactly("benchmark", "events", "slices", "wallSeconds",
                    "eventsPerSecond", "slicesPerSecond", "peakHeapBytes", "scheduler", "instructions", "instructionsPerSecond", "baseline",
                    "baselineEventsPerSecond", "ratioToBaseline");
            assertThat(m.get("events").asLong()).isPositive();
            assertThat(m.get("ratioToBaseline").asDouble()).isPositive();
        }
        assertThat(b.get(1).get("slices").asLong()).isGreaterThan(b.get(1).get("events").asLong() / 2);
        assertThat(b.get(3).get("instructions").asLong()).isEqualTo(56_012); // peterson counts machine instructions (its spins too)
        // Without the checks' markers the same instructions run: only the checks are left out.
        assertThat(b.get(4).get("instructions").asLong()).isEqualTo(b.get(3).get("instructions").asLong());
        // With the invariant checker on, the same runs: the same events and slices.
        for (int i = 5; i < 8; i++) {
            assertThat(b.get(i).get("events").asLong()).isEqualTo(b.get(i - 4).get("events").asLong());
        }
        // Reading counts the processes read (1,000 at this scale), from YAML and from JSON alike.
        assertThat(b.get(8).get("events").asLong()).isEqualTo(1_000);
        assertThat(b.get(9).get("events").asLong()).isEqualTo(1_000);
        // A thousand processes at once: an arrival and a completion each.
        assertThat(b.get(10).get("events").asLong()).isEqualTo(2_000);
        assertThat(b.get(10).get("slices").asLong()).isEqualTo(1_000);
    }

    @Test
    void exploreFindsTheLockVariableRaceAndItsInterleavingReplays() throws Exception {
        JsonNode found = json(Cli.run("explore", "busy-wait-lock-variable", "--random", "100", "--cpus", "1", "--format", "json"));
        assertThat(found.get("violated").get("mutual-exclusion").asInt()).isEqualTo(100);
        assertThat(found.get("clean").asInt()).isZero();
        JsonNode shortest = found.get("shortest");
        String schedule = shortest.get("schedule").asText();
        assertThat(schedule).matches("([AB]:[0-9]+ ?)+");
        assertThat(shortest.get("replay").asText()).isEqualTo("./osim run busy-wait-lock-variable --schedule '" + schedule
                + "' --cpus 1");
        // The printed interleaving, replayed, leads to the same violation at the same instant.
        JsonNode replay = json(Cli.run("run", "busy-wait-lock-variable", "--schedule", schedule, "--cpus", "1", "--format", "json"));
        JsonNode first = replay.get("runs").get(0).get("violations").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("mutual-exclusion");
        assertThat(first.get("time").asDouble()).isEqualTo(shortest.get("time").asDouble());
        assertThat(first.get("detail").asText()).isEqualTo(shortest.get("detail").asText());
        assertThat(first.get("schedule").asText()).isEqualTo(schedule);
        // Peterson's solution survives the same search.
        JsonNode peterson = json(Cli.run("explore", "busy-wait-peterson", "--random", "100", "--cpus", "1", "--format", "json"));
        assertThat(peterson.get("clean").asInt()).isEqualTo(100);
        assertThat(peterson.has("shortest")).isFalse();
    }

    @Test
    void aScheduleStepThatCannotRunIsAnError() {
        Cli c = Cli.run("run", "busy-wait-lock-variable", "--schedule", "A:2 C:3", "--cpus", "1");
        assertThat(c.exit()).isEqualTo(3);
        assertThat(c.err()).contains("step 2 of the schedule ('C:3') names C, which is not ready at 0.002 ms (ready: B, A)");
        Cli both = Cli.run("run", "busy-wait-lock-variable", "--schedule", "A:2", "-s", "rr");
        assertThat(both.exit()).isEqualTo(2);
    }

    @Test
    void onTwoCpusTheInterleavingOfEachCpuReplaysToo() throws Exception {
        JsonNode found = json(Cli.run("explore", "producer-consumer-sleep-wakeup", "--random", "50", "--cpus", "2", "--format", "json"));
        JsonNode shortest = found.get("shortest");
        String schedule = shortest.get("schedule").asText();
        assertThat(schedule).startsWith("cpu0 ").contains(" | cpu1 ");
        JsonNode replay = json(Cli.run("run", "producer-consumer-sleep-wakeup", "--schedule", schedule, "--cpus", "2", "--format", "json"));
        JsonNode first = replay.get("runs").get(0).get("violations").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("deadlock");
        assertThat(first.get("time").asDouble()).isEqualTo(shortest.get("time").asDouble());
        assertThat(first.get("schedule").asText()).isEqualTo(schedule);
    }
}
