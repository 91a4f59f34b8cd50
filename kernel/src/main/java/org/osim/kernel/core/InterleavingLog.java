package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.hardware.Engine;

/**
 * The interleaving as it ran, for workloads in machine instructions: who ran on each CPU, in order, and for
 * how many instruction times — what a violation prints and {@code osim run --schedule} replays.
 */
final class InterleavingLog {
    private final Engine engine;
    private final CpuSlot[] cpus;
    private final KernelOptions options;
    private final boolean machineCode;

    InterleavingLog(Engine engine, CpuSlot[] cpus, KernelOptions options, boolean machineCode) {
        this.engine = engine;
        this.cpus = cpus;
        this.options = options;
        this.machineCode = machineCode;
    }

    /** Per CPU: who ran, in order, and for how long (consecutive turns of one thread merged). */
    private List<List<String>> turnTasks;

    private List<List<Long>> turnNanos;

    private int turnsLogged;

    private static final int MAX_TURNS = 200_000;

    /** When each CPU's last logged turn ended: a later start means the CPU sat idle in between. */
    private long[] lastTurnEnd;

    /** How an idle stretch is written in an interleaving. */
    static final String IDLE = "-";

    void logTurn(int cpu, String task, long nanos) {
        if (turnTasks == null) {
            turnTasks = new ArrayList<>();
            turnNanos = new ArrayList<>();
            lastTurnEnd = new long[cpus.length];
        }
        while (turnTasks.size() <= cpu) {
            turnTasks.add(new ArrayList<>());
            turnNanos.add(new ArrayList<>());
        }
        long start = engine.now() - nanos;
        if (cpus.length > 1 && start > lastTurnEnd[cpu]) {
            appendTurn(cpu, IDLE, start - lastTurnEnd[cpu]); // on several CPUs, when each CPU idles is part of the interleaving
        }
        lastTurnEnd[cpu] = engine.now();
        appendTurn(cpu, task, nanos);
    }

    void appendTurn(int cpu, String task, long nanos) {
        List<String> tasks = turnTasks.get(cpu);
        List<Long> ns = turnNanos.get(cpu);
        int n = tasks.size();
        // On one CPU a thread's consecutive turns read better as one step. On several, each turn stays a
        // step: where a turn ends decides the order of same-instant events across CPUs, so a replay must
        // end it there too.
        if (n > 0 && tasks.get(n - 1).equals(task) && cpus.length == 1) {
            ns.set(n - 1, ns.get(n - 1) + nanos);
        } else if (turnsLogged < MAX_TURNS) { // a turn of no time is kept: replaying it lets that thread take its step
            turnsLogged++;
            tasks.add(task);
            ns.add(nanos);
        }
    }

    /**
     * Who ran, in order, and for how many instruction times, up to now: "A:3 B:2 A:1", which osim run
     * --schedule replays. On several CPUs each CPU's turns, idle stretches written "-":
     * "cpu0 A:4 | cpu1 -:1 B:4". Empty without machine instructions.
     */
    String scheduleSoFar() {
        if (!machineCode) {
            return "";
        }
        if (turnsLogged >= MAX_TURNS) {
            return "(too long to show)";
        }
        long now = engine.now();
        long unit = Math.max(1, options.costs().memoryInstruction());
        StringBuilder b = new StringBuilder();
        for (CpuSlot c : cpus) {
            List<String> tasks = new ArrayList<>(turnTasks == null || turnTasks.size() <= c.id ? List.of() : turnTasks.get(c.id));
            List<Long> nanos = new ArrayList<>(turnNanos == null || turnNanos.size() <= c.id ? List.of() : turnNanos.get(c.id));
            long lastEnd = lastTurnEnd == null ? 0 : lastTurnEnd[c.id];
            if (cpus.length > 1 && c.turnTask != null && now > c.turnStart && c.turnStart > lastEnd) {
                tasks.add(IDLE);
                nanos.add(c.turnStart - lastEnd);
            }
            if (c.turnTask != null && now > c.turnStart) {
                if (!tasks.isEmpty() && tasks.get(tasks.size() - 1).equals(c.turnTask) && cpus.length == 1) {
                    nanos.set(nanos.size() - 1, nanos.get(nanos.size() - 1) + now - c.turnStart);
                } else {
                    tasks.add(c.turnTask);
                    nanos.add(now - c.turnStart);
                }
            }
            if (cpus.length > 1) {
                b.append(b.length() == 0 ? "" : " | ").append("cpu").append(c.id);
            }
            for (int i = 0; i < tasks.size(); i++) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(tasks.get(i)).append(':').append(Math.round((double) nanos.get(i) / unit));
            }
        }
        return b.toString();
    }
}
