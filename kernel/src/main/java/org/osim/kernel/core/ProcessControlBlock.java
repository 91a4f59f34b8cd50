package org.osim.kernel.core;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.osim.api.program.Program;
import org.osim.api.result.Termination;

/**
 * The kernel's entry for one process: the fields of Tanenbaum Fig. 2-4 that the simulation uses. Its
 * program counter and registers live in its threads' entries (Fig. 2-12).
 */
public final class ProcessControlBlock {
    final int pid;
    final String name;
    final ProcessControlBlock parent;
    final int processGroup;
    /** Its priority (larger = more important); {@code setpriority} changes it. */
    int priority;
    final int nice;
    final String user;
    final int tickets;
    /** The CPUs it may run on as a bit set; 0 for any. */
    long affinity;
    /** The number of its threads that form a gang and start together (Task#gangSize), 1 if it is not a gang. */
    int gangSize = 1;
    /** Its run-time system, if its threads are user-level; null if the kernel schedules them. */
    RuntimeSystem runtime;
    org.osim.api.workload.ThreadingSpec threading = org.osim.api.workload.ThreadingSpec.KERNEL;
    final long arrival;
    final long declaredRuntime;
    final Map<String, Program> programs;
    /** Its memory words (.word), shared by its threads; null if it has none. */
    Map<String, long[]> memory;
    /** Its signal dispositions, mask and pending signals; made on first use. */
    private ProcessSignals signals;

    ProcessSignals signals() {
        if (signals == null) {
            signals = new ProcessSignals();
        }
        return signals;
    }

    /** Its signal state if it ever used or received a signal; else null. */
    ProcessSignals signalsIfAny() {
        return signals;
    }

    /** The shared-memory segments it has attached, in order; null until its first attach (or a fork). */
    java.util.Set<String> attached;
    /** The words its machine instructions can name (its own, then the shared ones), made at first use. */
    Map<String, long[]> addressSpace;
    /** Its programs' machine instructions decoded against that address space, by program (identity); null until the first. */
    Map<List<org.osim.api.program.Instruction>, org.osim.hardware.MachineCode.Step[]> decoded;

    /** Its threads in creation order: a list of one for the first (most processes have no other), a growing one after. */
    List<ThreadControlBlock> threads = List.of();
    int liveThreads;
    /** Its children; an empty list shared by all until the first. */
    List<ProcessControlBlock> children = List.of();
    int liveChildren;
    /** Ended children nobody has waited for yet (zombies). */
    private ArrayDeque<ProcessControlBlock> unreaped; // made on first use: a million processes rarely have zombies
    /** Where its threads wait for a child to end; made on first use, like the name counters below. */
    WaitQueue childWait;
    private Map<String, Integer> spawned;
    private Map<String, Integer> forked;

    /** Requests from a device, for pop-up threads and servers; made for a process that receives them (most do not). */
    private DeviceMessages messages;

    long childrenCpu;
    /** When a sleeping thread of this process is due to wake: the "time of next alarm" of Fig. 2-4. */
    long nextAlarm = -1;
    Termination termination;
    long completion = -1;

    ProcessControlBlock(int pid, String name, ProcessControlBlock parent, int priority, int nice, String user, int tickets,
                        long arrival, long declaredRuntime, Map<String, Program> programs) {
        this.pid = pid;
        this.name = name;
        this.parent = parent;
        this.processGroup = parent == null ? pid : parent.processGroup;
        this.priority = priority;
        this.nice = nice;
        this.user = user;
        this.tickets = tickets;
        this.arrival = arrival;
        this.declaredRuntime = declaredRuntime;
        this.programs = programs;
    }

    public int pid() {
        return pid;
    }

    public String name() {
        return name;
    }

    public Optional<ProcessControlBlock> parent() {
        return Optional.ofNullable(parent);
    }

    public int processGroup() {
        return processGroup;
    }

    public boolean alive() {
        return termination == null;
    }

    public Optional<Termination> termination() {
        return Optional.ofNullable(termination);
    }

    public long childrenCpuNanos() {
        return childrenCpu;
    }

    public OptionalLong nextAlarm() {
        return nextAlarm < 0 ? OptionalLong.empty() : OptionalLong.of(nextAlarm);
    }

    /** CPU time used by all its threads. */
    public long cpuNanos() {
        long sum = 0;
        for (ThreadControlBlock t : threads) {
            if (!t.carrier()) { // a carrier's time is its user threads' time
                sum += t.cpuNanos();
            }
        }
        return sum;
    }

    /** Whether a device sends this process messages. */
    boolean receivesMessages() {
        return messages != null;
    }

    /** Its messages from a device, made on first use (which makes it a process that receives them). */
    DeviceMessages messages() {
        if (messages == null) {
            messages = new DeviceMessages(name);
        }
        return messages;
    }

    /** Whether no message is waiting, in flight, or still to come. */
    boolean messagesDone() {
        return messages == null || messages.done();
    }

    WaitQueue childWait() {
        if (childWait == null) {
            childWait = new WaitQueue("a child of " + name);
        }
        return childWait;
    }

    String nextThreadName(String program) {
        if (spawned == null) {
            spawned = new HashMap<>();
        }
        int n = spawned.merge(program, 1, Integer::sum);
        return name + "." + program + (n == 1 ? "" : "#" + n);
    }

    String nextChildName(String program) {
        if (forked == null) {
            forked = new HashMap<>();
        }
        int n = forked.merge(program, 1, Integer::sum);
        return name + "/" + program + (n == 1 ? "" : "#" + n);
    }

    /** Its ended children not yet reaped by {@code wait}. */
    ArrayDeque<ProcessControlBlock> unreaped() {
        if (unreaped == null) {
            unreaped = new ArrayDeque<>(2);
        }
        return unreaped;
    }

    int unreapedCount() {
        return unreaped == null ? 0 : unreaped.size();
    }

}
