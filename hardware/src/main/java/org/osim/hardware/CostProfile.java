package org.osim.hardware;

import java.util.List;
import java.util.Locale;

/**
 * What the machine's mechanisms cost, in nanoseconds (docs/machine-profiles.md). Costs are charged to CPUs as overhead,
 * reported apart from useful work.
 *
 * <p>{@code textbook}: every overhead free, as in the book's worked examples, and a machine instruction
 * 1 µs (a 1-MIPS machine: its work has to take time, or a busy-waiting loop would never let time pass).
 * {@code modern}: figures of the
 * order measured on current x86-64 Linux machines: a process switch of about 3 µs and a thread switch
 * within one process of about 1.5 µs (Li, Ding and Shen, "Quantifying the cost of context switch",
 * ExpCS 2007, measured 3.8 µs with cache effects; lmbench's {@code lat_ctx} gives 1–5 µs); a user-level
 * thread switch of about 100 ns (a register save and restore, no kernel entry); a timer interrupt's entry
 * and exit of about 1 µs; a null system call of about 100 ns (Soares and Stumm, "FlexSC", OSDI 2010); and
 * 1 ns for a memory instruction that hits the L1 cache.
 */
public record CostProfile(String name, long processSwitch, long threadSwitch, long userThreadSwitch,
                          long interrupt, long systemCall, long memoryInstruction) {
    public static final CostProfile TEXTBOOK = new CostProfile("textbook", 0, 0, 0, 0, 0, 1_000);
    public static final CostProfile MODERN = new CostProfile("modern", 3_000, 1_500, 100, 1_000, 100, 1);
    public static final List<CostProfile> BUILT_IN = List.of(TEXTBOOK, MODERN);

    public CostProfile {
        if (processSwitch < 0 || threadSwitch < 0 || userThreadSwitch < 0 || interrupt < 0 || systemCall < 0
                || memoryInstruction < 0) {
            throw new IllegalArgumentException("costs cannot be negative");
        }
    }

    /** The built-in profile called {@code name}. */
    public static CostProfile named(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (CostProfile p : BUILT_IN) {
            if (p.name.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown machine profile '" + name + "' (known: textbook, modern)");
    }

    public boolean free() {
        return processSwitch == 0 && threadSwitch == 0 && userThreadSwitch == 0 && interrupt == 0 && systemCall == 0;
    }
}
