package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.workload.ThreadModel;
import org.osim.api.workload.ThreadingSpec;

/**
 * The run-time system inside a process with user-level threads (Tanenbaum Fig. 2-16(a)): its own thread
 * table (the process's user threads), a scheduler plugin instance that decides which user thread each
 * of its kernel threads runs, and those kernel threads — one for {@code user}, k for {@code hybrid},
 * the activations of {@code activations}.
 */
final class RuntimeSystem {
    final ProcessControlBlock process;
    final ThreadingSpec spec;
    SchedulerGuard scheduler;
    /** The kernel threads (or activations) that run user threads; index = virtual processor number. */
    final List<ThreadControlBlock> carriers = new ArrayList<>();
    /** Kernel threads with no user thread to run, waiting for one to become ready. */
    final WaitQueue parked;
    final List<VirtualProcessor> processors = new ArrayList<>();
    int liveUserThreads;
    /** Virtual processors the process asked for (activations). */
    int wanted;
    int activations;

    RuntimeSystem(ProcessControlBlock process, ThreadingSpec spec) {
        this.process = process;
        this.spec = spec;
        this.parked = new WaitQueue("a user thread of " + process.name + " to run");
        this.wanted = spec.kernelThreads();
    }

    boolean activations() {
        return spec.model() == ThreadModel.ACTIVATIONS;
    }

    /** The name of the next kernel thread: the process's own for N:1, {@code A.kt1} … or {@code A.sa1} … otherwise. */
    String nextCarrierName() {
        return switch (spec.model()) {
            case USER -> process.name;
            case HYBRID -> process.name + ".kt" + (carriers.size() + 1);
            case ACTIVATIONS -> process.name + ".sa" + (++activations);
            case KERNEL -> throw new IllegalStateException("a kernel-threads process has no run-time system");
        };
    }
}
