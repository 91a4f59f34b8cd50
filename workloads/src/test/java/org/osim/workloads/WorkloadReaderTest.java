package org.osim.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osim.api.SimTime.millis;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.program.Instruction;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

class WorkloadReaderTest {

    private static Workload read(String yaml) {
        return WorkloadReader.read("w.yaml", yaml, 1);
    }

    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(OsimException.class)
                .satisfies(e -> assertThat(((OsimException) e).code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessage(message);
    }

    @Test
    void readsTheFormatOfTheDesign() {
        Workload w = read("""
                name: fig-2-41
                description: Four jobs
                machine: { cpus: 2, profile: modern, tick: 10ms }
                processes:
                  - { name: A, arrival: 0, bursts: [cpu 8ms] }
                  - { name: B, bursts: [cpu 4ms] }
                  - { name: C, bursts: [cpu 4ms], priority: 2, tickets: 20, user: alice }
                  - name: D
                    bursts: [cpu 4ms, io 10ms, cpu 1ms]
                    runtime: 1.5
                """);
        assertThat(w.name()).isEqualTo("fig-2-41");
        assertThat(w.machine().cpus()).isEqualTo(2);
        assertThat(w.machine().profile()).isEqualTo("modern");
        assertThat(w.machine().tickNanos()).isEqualTo(millis(10));
        ProcessSpec c = w.processes().get(2);
        assertThat(c.priority()).isEqualTo(2);
        assertThat(c.tickets()).isEqualTo(20);
        assertThat(c.user()).isEqualTo("alice");
        assertThat(c.declaredRuntime()).isEqualTo(millis(4));
        ProcessSpec d = w.processes().get(3);
        assertThat(d.threads().get(0).program().toString()).isEqualTo("[cpu 4ms, io 10ms, cpu 1ms]");
        assertThat(d.declaredRuntime()).isEqualTo(1_500_000);
    }

    @Test
    void programsThreadsAndRepeat() {
        Workload w = read("""
                processes:
                  - name: server
                    programs:
                      worker: [cpu 2ms, io disk 5ms]
                    threads:
                      - { name: main, program: "spawn worker; join" }
                      - name: logger
                        repeat: 2
                        program: |
                          cpu 1ms   # write a line
                          sleep 10ms
                  - { name: loop, repeat: 3, bursts: [cpu 1ms, io 2ms] }
                """);
        ProcessSpec server = w.processes().get(0);
        assertThat(server.threads()).extracting(t -> t.name()).containsExactly("server.main", "server.logger");
        assertThat(server.threads().get(1).program().toString()).isEqualTo("2 × [cpu 1ms, sleep 10ms]");
        assertThat(server.programs().get("worker").instructions())
                .containsExactly(new Instruction.Compute(millis(2)), new Instruction.Io(java.util.Optional.of("disk"), millis(5)));
        assertThat(w.processes().get(1).threads().get(0).program().times()).isEqualTo(3);
        assertThat(w.processes().get(1).threads().get(0).program().cpuNanos()).isEqualTo(millis(3));
    }

    @Test
    void jsonIsAcceptedToo() {
        Workload w = read("{\"processes\": [{\"name\": \"A\", \"bursts\": [\"cpu 3ms\"]}]}");
        assertThat(w.processes().get(0).declaredRuntime()).isEqualTo(millis(3));
        assertThat(w.name()).isEqualTo("w");
        // Read by the JSON parser: its mistakes are JSON's, placed as in YAML.
        fails("{\"processes\": [{\"name\": \"A\", \"bursts\": [\"cpu 3ms\"]}\n  {\"name\": \"B\"}]}",
                "w.yaml:2:3: malformed JSON: Unexpected character ('{' (code 123)): was expecting comma to separate Array entries");
        fails("{\"processes\": [{\"name\": \"A\", \"name\": \"B\", \"bursts\": [\"cpu 3ms\"]}]}", "w.yaml:1:30: duplicate key 'name'");
    }

    @Test
    void malformedYamlNamesThePlace() {
        assertThatThrownBy(() -> read("processes:\n  - { name: A, bursts: [cpu 8ms }\n"))
                .isInstanceOf(OsimException.class)
                .hasMessageStartingWith("w.yaml:2:")
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void anUnknownFieldNamesThePlaceAndTheKnownFields() {
        fails("""
                processes:
                  - { name: A, burst: [cpu 8ms] }
                """, "w.yaml:2:16: unknown field 'burst' in process; expected one of: name, arrival, bursts, program, "
                + "threads, programs, repeat, priority, nice, tickets, user, runtime, periodic, sporadic, abortOnMiss, affinity, threadModel, kernelThreads, runtimeScheduler, messages, popup, gang");
    }

    @Test
    void aNegativeDurationNamesThePlace() {
        fails("""
                processes:
                  - { name: A, arrival: -5ms, bursts: [cpu 8ms] }
                """, "w.yaml:2:25: a duration cannot be negative, got '-5ms'");
    }

    @Test
    void aBadInstructionIsPlacedAtItsWord() {
        fails("""
                processes:
                  - { name: A, bursts: [cpu 8ms, io disk -3ms] }
                """, "w.yaml:2:42: a duration cannot be negative, got '-3ms'");
        fails("""
                processes:
                  - { name: A, bursts: [cpu 8ms, jump 3] }
                """, "w.yaml:2:34: unknown instruction 'jump' (expected cpu, io, sleep, yield, exit, thread_exit, fault, spawn, join, fork, wait, kill, setpriority, serve, processors, call, waitfor, or a machine instruction: load, store, mov, add, sub, cmp, jmp, jz, jnz, jl, jge, tsl, xchg, cas, fetchadd, cli, sti, ret, fast, want, enter, leave, .word)");
    }

    @Test
    void aBadInstructionInsideABlockProgramIsPlacedOnItsLine() {
        fails("""
                processes:
                  - name: A
                    program: |
                      cpu 1ms
                      io disk ten
                """, "w.yaml:5:15: expected a duration such as 4ms, 250us, 1.5s or 10 (milliseconds), got 'ten'");
    }

    @Test
    void aFileOverThreeMegabytesIsReadAndItsLastLinesArePlacedExactly() {
        // SnakeYAML's default limit is 3 MB; a trace is larger. 80,000 processes, about 3.8 MB.
        StringBuilder y = new StringBuilder("processes:\n");
        for (int i = 0; i < 80_000; i++) {
            y.append("  - { name: j").append(i).append(", arrival: ").append(i).append(", bursts: [cpu ").append(1 + i % 997)
                    .append("ms] }\n");
        }
        assertThat(y.length()).isGreaterThan(3 * 1024 * 1024);
        // Read to its end: a mistake in a block program there is placed on its line and column.
        fails(y + "  - name: last\n    program: |\n      cpu 1ms\n      io disk ten\n",
                "w.yaml:80005:15: expected a duration such as 4ms, 250us, 1.5s or 10 (milliseconds), got 'ten'");
    }

    @Test
    void referencesAreChecked() {
        fails("""
                processes:
                  - { name: A, bursts: [spawn helper] }
                """, "w.yaml:2:25: spawn names program 'helper', which this process does not declare (it declares no programs)");
        fails("""
                processes:
                  - { name: A, bursts: [cpu 1ms, kill B] }
                """, "w.yaml:2:34: kill names process 'B', which the workload does not declare");
        fails("""
                processes:
                  - { name: A, bursts: [call mutex.down] }
                """, "w.yaml:2:25: call names kernel object 'mutex', which the workload does not declare (it declares no objects)");
    }

    @Test
    void structuralMistakes() {
        fails("processes:\n  - { name: A }\n", "w.yaml:2:13: process 'A' needs exactly one of bursts, program or threads");
        fails("processes:\n  - { name: A, bursts: [cpu 1ms], program: cpu 2ms }\n",
                "w.yaml:2:13: process 'A' needs exactly one of bursts, program or threads, got bursts and program");
        fails("processes:\n  - { bursts: [cpu 1ms] }\n", "w.yaml:2:5: a process needs 'name'");
        fails("processes:\n  - { name: A, bursts: [cpu 1ms] }\n  - { name: A, bursts: [cpu 1ms] }\n",
                "w.yaml:3:13: a process named 'A' is already declared at w.yaml:2:13");
        fails("processes: {}\n", "w.yaml:1:12: expected a list of processes, got a mapping");
        fails("name: x\n", "w.yaml:1:1: the workload has no processes: give 'processes' or 'generate'");
        fails("machine: { cpus: 0 }\nprocesses: []\n", "w.yaml:1:18: expected a CPU count from 1 to 1024, got 0");
        fails("", "w.yaml:1:1: the file is empty; expected a workload mapping");
        fails("processes:\n  - { name: A, tickets: 0, bursts: [cpu 1ms] }\n", "w.yaml:2:25: expected a ticket count from 1 to 2,147,483,647, got 0");
        fails("processes:\n  - { name: A, bursts: [cpu 0ms] }\n", "w.yaml:2:29: expected a duration greater than zero, got '0ms'");
    }

    @Test
    void generatorsDrawFromTheSeedAndDifferentSeedsDiffer() {
        String yaml = """
                generate:
                  - { name: job, count: 20, arrival: exp(10ms), cycles: "uniform(1,3)", cpu: exp(5ms), io: "uniform(1ms,4ms)", device: disk, priority: "uniform(1,4)" }
                """;
        Workload a = WorkloadReader.read("g.yaml", yaml, 7);
        Workload b = WorkloadReader.read("g.yaml", yaml, 7);
        Workload c = WorkloadReader.read("g.yaml", yaml, 8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a.processes()).hasSize(20);
        assertThat(a.processes().get(0).name()).isEqualTo("job01");
        assertThat(a.processes().get(0).arrival()).isZero();
        for (ProcessSpec p : a.processes()) {
            assertThat(p.priority()).isBetween(1, 4);
            List<Instruction> prog = p.threads().get(0).program().instructions();
            assertThat(prog.size() % 2).isEqualTo(1);
            assertThat(prog.size()).isBetween(1, 5);
            for (Instruction i : prog) {
                if (i instanceof Instruction.Io io) {
                    assertThat(io.device()).contains("disk");
                    assertThat(io.nanos()).isBetween(millis(1), millis(4));
                    assertThat(io.nanos() % SimTime.NANOS_PER_MICRO).isZero();
                }
            }
        }
        assertThat(a.processes()).isSortedAccordingTo(java.util.Comparator.comparingLong(ProcessSpec::arrival));
    }

    @Test
    void generatorMistakes() {
        fails("generate:\n  - { count: 3, cpu: weird(1ms) }\n",
                "w.yaml:2:22: unknown distribution 'weird' (expected const, exp, uniform, normal or hyperexp, e.g. exp(10ms))");
        fails("generate:\n  - { count: 3, cpu: 1ms, cycles: 3 }\n",
                "w.yaml:2:5: a generator with more than one cycle needs 'io', the distribution of I/O bursts between CPU bursts");
        fails("generate:\n  - { count: 3 }\n", "w.yaml:2:5: a generator needs 'cpu'");
        // A limit says the range it is in.
        fails("generate:\n  - { count: 50000000, cpu: 1ms }\n", "w.yaml:2:14: expected a process count from 1 to 10,000,000, got 50000000");
        fails("generate:\n  - { count: 3, cpu: \"uniform(5ms,1ms)\" }\n", "w.yaml:2:22: uniform needs low <= high, got 'uniform(5ms,1ms)'");
        fails("generate:\n  - { count: 3, cpu: uniform(1ms,5ms) }\n", "w.yaml:2:34: '5ms)' looks like the end of a distribution "
                + "cut at its comma: inside { … } write it in quotes, e.g. cpu: \"uniform(1ms,5ms)\"");
    }

    @Test
    void randomInterrupts() {
        assertThat(read("machine: { interrupts: random(8) }\nprocesses:\n  - { name: A, bursts: [cpu 1ms] }\n").machine().interruptEvery())
                .isEqualTo(8);
        fails("machine: { interrupts: often }\nprocesses:\n  - { name: A, bursts: [cpu 1ms] }\n",
                "w.yaml:1:24: expected random(N), an interrupt about every N machine instructions (N from 1 to 1,000,000), got 'often'");
    }

    @Test
    void theProcessTableHasASize() {
        var m = read("machine: { maxProcesses: 64, maxUserProcesses: 8 }\nprocesses:\n  - { name: A, bursts: [cpu 1ms] }\n").machine();
        assertThat(m.maxProcesses()).isEqualTo(64);
        assertThat(m.maxUserProcesses()).isEqualTo(8);
        var d = read("processes:\n  - { name: A, bursts: [cpu 1ms] }\n").machine();
        assertThat(d.maxProcesses()).isEqualTo(32_768);
        assertThat(d.maxUserProcesses()).isEqualTo(32_768);
        fails("machine: { maxProcesses: 0 }\nprocesses:\n  - { name: A, bursts: [cpu 1ms] }\n",
                "w.yaml:1:26: expected a process-table size from 1 to 10,000,000, got 0");
    }

    @Test
    void everyStandardWorkloadLoads() {
        assertThat(Workloads.standardNames()).contains("fig-2-41", "sjf-counterexample", "convoy", "interactive-mix", "batch-mix");
        for (String name : Workloads.standardNames()) {
            Workload w = Workloads.load(name, 1);
            assertThat(w.name()).isEqualTo(name);
            assertThat(w.description()).isNotBlank();
            assertThat(w.processes()).isNotEmpty();
        }
        assertThat(Workloads.load("interactive-mix", 1).processes()).hasSize(23);
        // Every shipped file is in the index, so that 'osim list workloads' shows it.
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/org/osim/workloads/standard"))) {
            List<String> shipped = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length())).toList();
            assertThat(Workloads.standardNames()).containsExactlyInAnyOrderElementsOf(shipped);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownWorkloadListsTheStandardOnes() {
        assertThatThrownBy(() -> Workloads.load("fig-9-99", 1)).isInstanceOf(OsimException.class)
                .hasMessageStartingWith("no workload 'fig-9-99': it is neither a file nor a standard workload (standard: fig-2-41, ");
    }

    @Test
    void sharedMemoryAndUndeclaredWords() {
        Workload w = WorkloadReader.read("w.yaml", """
                shared: { turn: 0, interested: [0, 1] }
                processes:
                  - { name: A, program: ".word mine 7; load r1, turn; store interested[1], r1; load r2, mine" }
                """, 1);
        assertThat(w.shared()).containsExactly(java.util.Map.entry("turn", List.of(0L)),
                java.util.Map.entry("interested", List.of(0L, 1L)));
        fails("""
                shared: { turn: 0 }
                processes:
                  - { name: A, program: "load r1, turn; store flag, 1" }
                """, "w.yaml:3:41: store names memory word 'flag', which is neither declared in process A (.word flag 0) "
                + "nor shared (shared: { flag: 0 }) nor in a segment");
        fails("""
                shared: { turn: x }
                processes:
                  - { name: A, program: "load r1, turn" }
                """, "w.yaml:1:17: expected a whole number, a list of them for an array, or { size: N, value: V }, got 'x'");
    }

    @Test
    void placesAfterLabelsAndConstantsStayExact() {
        fails("""
                shared: { x: 0 }
                processes:
                  - name: A
                    program: |
                      .equ N 4
                      loop:
                      top: load r1, x
                            cmp r1, N
                            jnz loop
                      store y, 1
                """, "w.yaml:10:7: store names memory word 'y', which is neither declared in process A (.word y 0) "
                + "nor shared (shared: { y: 0 }) nor in a segment");
    }

    @Test
    void librariesAreIncludedAndTheirErrorsPlacedInThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Workload w = WorkloadReader.read("w.yaml", """
                shared: { lock: 0 }
                processes:
                  - name: A
                    program: |
                      call enter_region
                      call leave_region
                      .include tsl-lock
                """, 1);
        // The library's jump over itself, its two subroutines, and the calls.
        assertThat(w.processes().get(0).threads().get(0).program().size()).isEqualTo(2 + 7);
        fails("""
                processes:
                  - name: A
                    program: |
                      cpu 1ms
                      .include nope
                """, "w.yaml:5:16: no library 'nope': neither a file beside the workload nor a standard one "
                + "(mutex-yield, ticket-lock, tsl-lock, xchg-lock)");
        java.nio.file.Files.writeString(dir.resolve("mine.s"), "ret\n  lod r1, x\n");
        java.nio.file.Path workload = dir.resolve("w.yaml");
        assertThatThrownBy(() -> WorkloadReader.read(workload.toString(), """
                processes:
                  - name: A
                    program: |
                      .include mine.s
                """, 1)).hasMessage(dir.resolve("mine.s") + ":2:3: unknown instruction 'lod' (expected cpu, io, sleep, yield, "
                + "exit, thread_exit, fault, spawn, join, fork, wait, kill, setpriority, serve, processors, call, waitfor, or a "
                + "machine instruction: load, store, mov, add, sub, cmp, jmp, jz, jnz, jl, jge, tsl, xchg, cas, fetchadd, cli, "
                + "sti, ret, fast, want, enter, leave, .word)");
    }

    @Test
    void aGangIsNThreadsOfOneProgramWhoseDeclaredRunTimeIsEachThreads() {
        Workload w = read("machine: { cpus: 4 }\nprocesses:\n  - { name: J, bursts: [cpu 10s], gang: 3 }\n");
        org.osim.api.workload.ProcessSpec j = w.processes().get(0);
        assertThat(j.gang()).isTrue();
        assertThat(j.threads()).extracting(org.osim.api.workload.ThreadSpec::name).containsExactly("J.1", "J.2", "J.3");
        assertThat(j.declaredRuntime()).isEqualTo(10_000_000_000L);
        fails("processes:\n  - { name: J, threads: [{ name: a, bursts: [cpu 1ms] }], gang: 2 }\n",
                "w.yaml:2:59: 'gang: N' makes N kernel threads of the process's bursts or program: use it with bursts or "
                        + "program, without threads, popup or a threadModel");
        fails("processes:\n  - { name: J, bursts: [cpu 1ms], gang: 0 }\n", "w.yaml:2:41: expected a gang size from 1 to 1024, got 0");
    }

    @Test
    void aSporadicTaskMayListItsReleases() {
        Workload w = read("processes:\n  - { name: S, arrival: 4ms, sporadic: { interval: 5ms, releases: [0ms, 7500us, 30ms], wcet: 1ms } }\n");
        org.osim.api.workload.PeriodicSpec rt = w.processes().get(0).periodic().orElseThrow();
        assertThat(rt.releases()).containsExactly(0L, 7_500_000L, 30_000_000L);
        assertThat(rt.jobs()).hasValue(3);
        fails("processes:\n  - { name: S, sporadic: { interval: 5ms, releases: [0ms, 9ms, 3ms], wcet: 1ms } }\n",
                "w.yaml:2:64: release times must not decrease");
        fails("processes:\n  - { name: S, sporadic: { interval: 5ms, releases: [2ms], wcet: 1ms } }\n",
                "w.yaml:2:53: releases are relative to the first, which is 0 (move the task with offset)");
    }
}
