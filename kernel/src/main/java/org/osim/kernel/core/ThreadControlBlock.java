package org.osim.kernel.core;

import java.util.List;
import java.util.OptionalInt;
import org.osim.api.program.Instruction;
import org.osim.api.sched.Task;
import org.osim.api.sched.ThreadKind;
import org.osim.api.sched.ThreadState;
import org.osim.hardware.Device;
import org.osim.hardware.Event;

/**
 * The kernel's entry for one thread (Tanenbaum Fig. 2-12: program counter, registers, stack, state), plus
 * the accounting the metrics need. Policies see it through {@link Task}, read-only.
 */
public final class ThreadControlBlock implements Task, org.osim.api.object.ThreadRef {
    /** The engine of the simulation this thread belongs to: its clock, and who it belongs to. */
    final org.osim.hardware.Engine engine;
    /** The run's invariant checker, told of every state move; null when the run is not checked. */
    InvariantChecker checker;
    /** Whether the checker counts this thread as held by the policy (its own count, kept beside the kernel's). */
    boolean checkedHeld;
    final int tid;
    final ProcessControlBlock process;
    final String name;
    final String programName;
    /** The program, shared with the workload (immutable, so no copy per thread); a served message's handler while it runs. */
    List<Instruction> program;
    /** How many times its program runs (its {@code repeat}), and how many runs are still to come after this one. */
    int times = 1;
    int timesLeft;
    /** Where {@code serve} left off while a message's handler runs, innermost last. */
    java.util.ArrayDeque<Frame> frames;
    /** For a pop-up thread: the message it was created to handle. */
    Message message;

    /** The program a {@code serve} will return to, and the message being handled. */
    record Frame(List<Instruction> program, int pc, Message message, boolean async) {}

    /** What a signal handler interrupted, restored by {@code sigreturn}. */
    record SignalFrame(List<Instruction> program, int pc, long[] registers, boolean zero, boolean less, int timesLeft,
                       long blocked) {}

    /** Caught signals whose handlers it must run before its next instruction; null until the first. */
    java.util.ArrayDeque<org.osim.api.program.Signal> signalsDue;
    /** The contexts its running handlers interrupted, innermost first; null until the first. */
    java.util.ArrayDeque<SignalFrame> signalFrames;
    /** Whether its current wait (sleep, pause) ends early for a caught signal. */
    boolean interruptible;
    final long declared;
    final ThreadControlBlock spawner;

    ThreadState state = ThreadState.NEW;
    /** The CPU context saved with the thread: program counter, registers, flags, return stack, interrupt flag. */
    final org.osim.hardware.ProcessorState context = new org.osim.hardware.ProcessorState();
    /** What is left of the current {@code cpu} instruction. */
    long remaining;

    // scheduling
    boolean held;
    CpuSlot cpu;
    int lastCpu = -1;
    /** When the current stretch of computing started (valid while running). */
    long segmentStart;
    /** CPU time used in the current turn on a CPU. */
    long turnRan;
    int priority;
    private Object attachment;
    /** Tickets lent to this thread by threads blocked waiting for it. */
    int ticketsReceived;
    /** Whom this thread lent its tickets to while it waits, and how many. */
    ThreadControlBlock lentTo;
    int ticketsLent;
    /** Figures the policy published about this thread, made on first use. */
    PolicyFigures policyFigures;

    /** Whether this is a user-level thread, scheduled by its process's run-time system rather than the kernel. */
    final boolean user;
    /** For a kernel thread that runs user threads (a carrier): the user thread on it now, or null. */
    ThreadControlBlock currentUser;
    /** For a carrier: the user thread it ran last, to tell a user-level switch from going on. */
    ThreadControlBlock lastUser;
    /** For a carrier: the process's run-time system; null for other threads. */
    RuntimeSystem runtime;
    /** For an activation blocked in the kernel: the user thread it blocked with. */
    ThreadControlBlock blockedUser;

    /** The object wait queue this thread waits in, if any (for the wait-for graph and time-outs). */
    ObjectWaitQueue objectWait;
    /** The queue whose holders it busy-waits for, between the tries of one spinning call; else null. */
    ObjectWaitQueue spinningOn;
    /** {@link #program} decoded for its process, and the program it was decoded from (a handler's may replace it). */
    org.osim.hardware.MachineCode.Step[] code;
    List<Instruction> codeOf;
    /** A preemption held back while its interrupts were off. */
    boolean preemptionHeld;
    /** The critical region whose entry protocol it is in ({@code want}), or null. */
    String wants;
    /** That region's state, looked up once. */
    CriticalRegion wantsRegion;
    /** When it began trying to enter it. */
    long wantSince;
    /** Its waitfor, while it waits; else null. */
    DispatcherWait dispatcherWait;

    /** The jobs of a real-time thread; null for others. */
    JobState jobs;

    // blocking
    WaitQueue waitingOn;
    Device.Request ioRequest;
    Event wakeEvent;
    /** Threads joining this one; made on first use, as most threads are never joined. */
    WaitQueue joiners;
    /** Where this thread waits in a {@code join} of all its children; made on first use. */
    WaitQueue childrenDone;
    int liveChildren;
    /** The threads it spawned; an empty list shared by all until the first (a million threads mostly spawn none). */
    List<ThreadControlBlock> children = List.of();

    // accounting
    final long arrival;
    long firstRun = -1;
    long completion = -1;
    long cpuUsed;
    long waiting;
    long blocked;
    long readySince;
    long blockedSince;
    long switches;
    long preemptions;
    long migrations;

    ThreadControlBlock(org.osim.hardware.Engine engine, int tid, ProcessControlBlock process, String name, String programName,
                       List<Instruction> program, long declared, ThreadControlBlock spawner, long arrival, boolean user) {
        this.user = user;
        this.engine = engine;
        this.tid = tid;
        this.process = process;
        this.name = name;
        this.programName = programName;
        this.program = program;
        this.declared = declared;
        this.spawner = spawner;
        this.arrival = arrival;
        this.priority = process.priority;
    }

    WaitQueue joiners() {
        if (joiners == null) {
            joiners = new WaitQueue("the exit of " + name);
        }
        return joiners;
    }

    WaitQueue childrenDone() {
        if (childrenDone == null) {
            childrenDone = new WaitQueue("the threads " + name + " spawned");
        }
        return childrenDone;
    }

    /** What a system call returns, in r0, as a real kernel returns it in a register: programs can test it. */
    void setResult(long value) {
        context.registers()[0] = value;
    }

    /**
     * Moves to {@code next}, refusing a move the state machine does not allow (Tanenbaum Fig. 2-2). A user
     * thread that blocked with its kernel thread goes on running with it when the call is done: for it, at
     * user level, BLOCKED to RUNNING is a move too.
     */
    void moveTo(ThreadState next) {
        ThreadState from = state;
        if (!from.canMoveTo(next) && !(user && from == ThreadState.BLOCKED && next == ThreadState.RUNNING)) {
            throw new org.osim.api.OsimException(org.osim.api.ErrorCode.INTERNAL, "invariant broken at "
                    + org.osim.api.SimTime.formatMillis(engine.now()) + " ms: only legal state moves (Tanenbaum Fig. 2-2): "
                    + name + " " + from + " -> " + next);
        }
        state = next;
        if (checker != null) {
            checker.moved(this, from, next);
        }
    }

    boolean computing() {
        return state == ThreadState.RUNNING && remaining > 0 && engine.now() > segmentStart && (!user || cpu != null);
    }

    @Override
    public int id() {
        return tid;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int pid() {
        return process.pid;
    }

    @Override
    public String processName() {
        return process.name;
    }

    @Override
    public String user() {
        return process.user;
    }

    @Override
    public ThreadKind kind() {
        return user ? ThreadKind.USER : ThreadKind.KERNEL;
    }

    /** Whether this kernel thread runs user threads for a run-time system. */
    boolean carrier() {
        return runtime != null;
    }

    @Override
    public int basePriority() {
        return process.priority;
    }

    @Override
    public int nice() {
        return process.nice;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public int tickets() {
        return lentTo != null ? 0 : process.tickets + ticketsReceived;
    }

    @Override
    public long arrivalNanos() {
        return arrival;
    }

    @Override
    public boolean realTime() {
        return jobs != null;
    }

    @Override
    public long periodNanos() {
        return jobs == null ? Long.MAX_VALUE : jobs.spec.period();
    }

    @Override
    public long relativeDeadlineNanos() {
        return jobs == null ? Long.MAX_VALUE : jobs.spec.deadline();
    }

    @Override
    public long deadlineNanos() {
        return jobs == null ? Long.MAX_VALUE : jobs.currentDeadline;
    }

    @Override
    public long jobRemainingNanos() {
        long left = remaining > 0 && computing() ? remaining - (engine.now() - segmentStart) : remaining;
        long once = 0;
        for (int i = 0; i < program.size(); i++) {
            if (program.get(i) instanceof Instruction.Compute c) {
                once += c.nanos();
                if (i >= context.pc) {
                    left += c.nanos();
                }
            }
        }
        return Math.max(0, left + timesLeft * once);
    }

    @Override
    public int gangSize() {
        return process.gangSize;
    }

    @Override
    public long declaredRunNanos() {
        return declared;
    }

    @Override
    public long cpuNanos() {
        // A carrier computes through its current user thread, whose stretch is the one under way.
        ThreadControlBlock x = currentUser != null ? currentUser : this;
        boolean live = (state == ThreadState.RUNNING || (user && carrierRunning())) && x.remaining > 0
                && engine.now() > x.segmentStart;
        return live ? cpuUsed + (engine.now() - x.segmentStart) : cpuUsed;
    }

    /** For a user thread: whether a kernel thread is running it right now. */
    private boolean carrierRunning() {
        return state == ThreadState.RUNNING && cpu != null;
    }

    @Override
    public ThreadState state() {
        return state;
    }

    @Override
    public boolean allowedOn(int cpu) {
        return process.affinity == 0 || (process.affinity & (1L << cpu)) != 0;
    }

    @Override
    public OptionalInt lastCpu() {
        return lastCpu < 0 ? OptionalInt.empty() : OptionalInt.of(lastCpu);
    }

    @Override
    public void attach(Object data) {
        this.attachment = java.util.Objects.requireNonNull(data, "data is null");
    }

    @Override
    public <T> T attachment(Class<T> type) {
        if (attachment == null) {
            throw new IllegalStateException("no data is attached to task " + name);
        }
        return type.cast(attachment);
    }

    @Override
    public boolean hasAttachment() {
        return attachment != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
