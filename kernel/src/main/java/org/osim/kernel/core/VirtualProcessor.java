package org.osim.kernel.core;

import java.util.Optional;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.Task;

/** What a run-time scheduler sees as a CPU: one of its process's kernel threads, and the user thread on it. */
final class VirtualProcessor implements CpuView {
    /** Its number among the process's virtual processors; renumbered when one is given back. */
    private int id;
    ThreadControlBlock carrier;

    VirtualProcessor(int id, ThreadControlBlock carrier) {
        this.id = id;
        this.carrier = carrier;
    }

    @Override
    public int id() {
        return id;
    }

    void renumber(int id) {
        this.id = id;
    }

    @Override
    public Optional<Task> current() {
        return Optional.ofNullable(carrier == null ? null : carrier.currentUser);
    }
}
