package org.osim.importers.ostep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;

/**
 * OSTEP's {@code x86.py}, read from its own flags: {@code -t} threads of one process run the same {@code -p}
 * program over one flat memory of {@code -m} KB (a cell per address), each with its own registers ({@code -a}) and a
 * stack pointer of {@code memsize * 1000 - 1000 * k}, under the {@code x86} policy ({@code -i}, {@code -r}, {@code -s},
 * {@code -P}). {@code locks} is the threads-locks version (a superset), else threads-intro. {@code --as-ostep} prints
 * the script's trace ({@link X86Trace}).
 *
 * @param program the {@code -p} file as given, and {@code assembly} what was read from it
 * @param argv each thread's {@code -a} registers, by register number
 */
public record X86Homework(boolean locks, long seed, int threads, String program, X86Assembly assembly, long interrupt,
                          boolean random, String procsched, String argvText, List<Map<Integer, Long>> argv, long loadAddress,
                          long memsize, List<String> memtrace, List<String> regtrace, boolean cctrace, boolean printStats,
                          boolean compute, long headerCount) implements Homework {
    public X86Homework {
        argv = argv.stream().map(Map::copyOf).toList();
        memtrace = List.copyOf(memtrace);
        regtrace = List.copyOf(regtrace);
    }

    /** The threads-locks x86.py's flags ({@code locks}), or the threads-intro one's. */
    public static X86Homework parse(List<String> args, boolean locks) {
        List<String> options = new ArrayList<>(List.of("-s seed", "-t threads", "-p program", "-i interrupt", "-r randints!",
                "-a argv", "-L loadaddr", "-m memsize", "-M memtrace", "-R regtrace", "-C cctrace!", "-S printstats!",
                "-v verbose!", "-c compute!"));
        if (locks) {
            options.addAll(List.of("-P procsched", "-H headercount"));
        }
        OptparseFlags f = new OptparseFlags("x86.py", options, args);
        long interrupt = f.integer("interrupt", 50);
        if (interrupt <= 0) {
            throw f.bad("Interrupt frequency must be greater than 0");
        }
        String program = f.text("program", "");
        if (program.isEmpty()) {
            throw f.bad("Program file must be specified (-p FILE.s)");
        }
        if (f.flag("verbose")) {
            throw f.bad("-v (the loader's own lines) is not reproduced; leave it out");
        }
        int threads = Math.toIntExact(f.integer("threads", 2));
        long memsize = f.integer("memsize", 128);
        long loadAddress = f.integer("loadaddr", 1000);
        if (threads < 1 || memsize < 1 || loadAddress < 0) {
            throw f.bad("-t, -m and -L take a number of at least 1 (-L: 0)");
        }
        String source;
        try {
            source = Files.readString(Path.of(program));
        } catch (IOException e) {
            throw OsimException.badInput("x86.py: -p: cannot read " + program + ": " + e.getMessage());
        }
        X86Assembly assembly = X86Assembly.assemble(program, source, locks, loadAddress);
        String argvText = f.text("argv", "");
        List<Map<Integer, Long>> argv = argv(f, argvText, threads);
        List<String> memtrace = list(f.text("memtrace", ""));
        for (String m : memtrace) {
            if (Character.isDigit(m.charAt(0)) ? !m.matches("[0-9]+") || Long.parseLong(m) >= memsize * 1024
                    : !assembly.variables().containsKey(m)) {
                throw f.bad("-M: " + m + " is neither an address below " + memsize * 1024 + " nor a declared .var");
            }
        }
        List<String> regtrace = list(f.text("regtrace", ""));
        for (String r : regtrace) {
            if (!r.equals("zero") && !X86Assembly.registerNames(locks).contains(r)) {
                throw f.bad("Register " + r + " cannot be traced because it does not exist");
            }
        }
        String procsched = locks ? f.text("procsched", "") : "";
        for (int i = 0; i < procsched.length(); i++) {
            if (!Character.isDigit(procsched.charAt(i)) || procsched.charAt(i) - '0' >= threads) {
                throw f.bad("bad schedule: cannot include a thread that does not exist (" + procsched.charAt(i) + ")");
            }
        }
        for (int k = 0; k < threads && !procsched.isEmpty(); k++) {
            if (procsched.indexOf((char) ('0' + k)) < 0) {
                throw f.bad("bad schedule: does not include ALL threads (" + k + " is missing from " + procsched + ")");
            }
        }
        return new X86Homework(locks, f.integer("seed", 0), threads, program, assembly, interrupt, f.flag("randints"), procsched,
                argvText, argv, loadAddress, memsize, memtrace, regtrace, f.flag("cctrace"), f.flag("printstats"),
                f.flag("compute"), locks ? f.integer("headercount", -1) : -1);
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }

    /** {@code -a ax=1:bx=2,cx=3}: one entry per thread, or one for all. */
    private static List<Map<Integer, Long>> argv(OptparseFlags f, String text, int threads) {
        String[] entries = text.split(",", -1);
        if (entries.length != threads && entries.length != 1) {
            throw f.bad("argv: must be one per-thread or just one set of values for all threads");
        }
        List<Map<Integer, Long>> out = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            String entry = entries[entries.length == 1 ? 0 : k];
            Map<Integer, Long> regs = new HashMap<>();
            for (String r : entry.isEmpty() ? new String[0] : entry.split(":")) {
                String[] kv = r.split("=");
                if (kv.length != 2 || !(kv[0].equals("zero") || X86Assembly.REGISTERS.contains(kv[0]))) {
                    throw f.bad("-a: expected REGISTER=VALUE such as ax=1, got '" + r + "'");
                }
                long v = OptparseNumbers.integer(kv[1], "x86.py", "-a");
                if (!kv[0].equals("zero")) {
                    regs.put(X86Assembly.REGISTERS.indexOf(kv[0]), v);
                }
            }
            out.add(regs);
        }
        return out;
    }

    /** Thread {@code k}'s registers at the start: its {@code -a} values, and its stack pointer. */
    long[] startRegisters(int k) {
        long[] r = new long[X86Assembly.REGISTERS.size()];
        argv.get(k).forEach((reg, v) -> r[reg] = v);
        r[6] = memsize * 1000 - 1000L * k; // x86.py's stacks, 1000 cells apart from memsize * 1000 down
        return r;
    }

    /** The process's name: the program's file name without {@code .s}. */
    String processName() {
        String name = Path.of(program).getFileName().toString().replaceFirst("\\.s$", "").replaceAll("[^A-Za-z0-9_-]", "_");
        return name.isEmpty() ? "x86" : name;
    }

    /** Thread {@code k}'s name in results. */
    String threadName(int k) {
        return processName() + ".t" + k;
    }

    @Override
    public Workload workload() {
        List<ThreadSpec> ts = new ArrayList<>();
        org.osim.api.program.Program code = new org.osim.api.program.Program(assembly.instructions());
        for (int k = 0; k < threads; k++) {
            Map<Integer, Long> regs = new LinkedHashMap<>();
            long[] r = startRegisters(k);
            for (int i = 0; i < r.length; i++) {
                if (r[i] != 0) {
                    regs.put(i, r[i]);
                }
            }
            ts.add(new ThreadSpec(threadName(k), code, regs));
        }
        ProcessSpec p = new ProcessSpec(processName(), 0, 0, 0, 1, "default", OptionalLong.empty(), ts, Map.of(), Optional.empty(),
                List.of(), ThreadingSpec.KERNEL, List.of(), false);
        Map<String, List<Long>> memory = Map.of(X86Assembly.MEMORY, Collections.nCopies(Math.toIntExact(memsize * 1024), 0L));
        return new Workload("x86.py " + program, "OSTEP x86.py: " + threads + " thread(s) of " + program, MachineSpec.DEFAULT,
                List.of(), List.of(p), OptionalLong.empty(), List.of(), List.of(), memory, Map.of(), List.of(), Optional.empty());
    }

    @Override
    public String scheduler() {
        return "x86";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("interrupt", String.valueOf(interrupt));
        p.put("random", String.valueOf(random));
        p.put("scriptSeed", String.valueOf(seed));
        if (!procsched.isEmpty()) {
            p.put("schedule", procsched);
        }
        return p;
    }

    @Override
    public boolean tracesInstructions() {
        return true;
    }

    @Override
    public String finalStatistics(RunResult r, List<org.osim.api.trace.TraceEvent> trace) {
        return new X86Trace(this).render(trace);
    }
}
