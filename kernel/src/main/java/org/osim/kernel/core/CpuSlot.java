package org.osim.kernel.core;

import java.util.Optional;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.Task;
import org.osim.hardware.Cpu;
import org.osim.hardware.Event;

/** The kernel's side of one CPU: who runs there, when its burst and its slice end, and what the end of the instant must do. */
final class CpuSlot implements CpuView {
    final int id;
    final Cpu hw;
    ThreadControlBlock current;
    /** Who ran here last, to tell a context switch from a task that simply goes on. */
    ThreadControlBlock last;
    /** A task stopped against its will here; counted as preempted if someone else gets the CPU. */
    ThreadControlBlock preemptedCandidate;
    /** Burst end (or the end of switching overhead): the thread moves on to its next instruction. */
    Event completion;
    /** When the CPU's one-shot timer ends the slice (the machine's {@link org.osim.hardware.Clock}); MAX_VALUE for none. */
    long sliceEndAt = Long.MAX_VALUE;
    /** When the current turn started doing useful work (after switching overhead). */
    long turnStart;
    /** Who that work is for: the thread's name, or the user thread a carrier runs. */
    String turnTask;
    boolean preemptRequested;
    org.osim.api.sched.EnqueueReason preemptReason = org.osim.api.sched.EnqueueReason.PREEMPTED;
    boolean idleTraced;
    /** The {@link Lockstep} list this CPU waits in for its next instruction (instead of {@link #completion}), and where. */
    CpuSlot[] dueIn;
    int dueAt;

    CpuSlot(int id, Cpu hw) {
        this.id = id;
        this.hw = hw;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Optional<Task> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public String toString() {
        return "cpu " + id;
    }
}
