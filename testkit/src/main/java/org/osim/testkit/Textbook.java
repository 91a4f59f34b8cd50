package org.osim.testkit;

import org.osim.api.workload.Workload;
import org.osim.workloads.Workloads;

/** The textbook's examples and units, for tests that read like the book: {@code workload(Textbook.fig241())}, {@code ms(14)}. */
public final class Textbook {
    private Textbook() {}

    /** Tanenbaum Fig. 2-41: four jobs of 8, 4, 4 and 4 ms arriving together (FCFS mean turnaround 14 ms, SJF 11). */
    public static Workload fig241() {
        return Workloads.load("fig-2-41", 1);
    }

    /** Tanenbaum Fig. 2-44(a): two processes of three user-level threads each. */
    public static Workload fig244User() {
        return Workloads.load("fig-2-44-user", 1);
    }

    /** Tanenbaum Fig. 2-44(b): the same threads as kernel threads. */
    public static Workload fig244Kernel() {
        return Workloads.load("fig-2-44-kernel", 1);
    }

    /** Milliseconds, in the nanoseconds results are given in. */
    public static long ms(long millis) {
        return millis * 1_000_000L;
    }

    /** Microseconds, in nanoseconds. */
    public static long us(long micros) {
        return micros * 1_000L;
    }
}
