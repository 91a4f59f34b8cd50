package org.osim.kernel.core;

import java.util.List;
import org.osim.api.program.Program;
import org.osim.api.result.Termination;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.trace.TraceEvent;
import org.osim.api.workload.ThreadSpec;
import org.osim.hardware.Engine;

/**
 * The life of processes and threads (Tanenbaum §2.1.2–2.1.4): creation (at arrival, {@code fork},
 * {@code spawn}), the four ways a process ends (normal exit, fatal error, killed, signalled), and what an
 * ending does — threads leave their objects and regions, joiners and waiting parents wake, children are
 * reaped.
 */
final class ProcessLifecycle {
    private final Engine engine;
    private final ProcessTable table;
    private final Tracer tracer;
    private final SchedulerGuard policy;
    private final boolean machineCode;
    private final PendingEvents pending;
    /** Live threads the kernel schedules: the run ends when none is left and nothing more will arrive. */
    int liveThreads;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    UserLevelThreads userThreads;
    KernelObjects kernelObjects;
    MutualExclusionChecker regions;
    TicketTransfer tickets;
    PeriodicJobs jobs;
    Signals signals;
    /** The run's invariant checker, given to every thread made; null when the run is not checked. */
    InvariantChecker checker;

    ProcessLifecycle(Engine engine, ProcessTable table, Tracer tracer, SchedulerGuard policy, boolean machineCode,
                     PendingEvents pending, java.util.concurrent.atomic.AtomicLong ended) {
        this.ended = ended;
        this.engine = engine;
        this.table = table;
        this.tracer = tracer;
        this.policy = policy;
        this.machineCode = machineCode;
        this.pending = pending;
    }

    /** Counts the processes that have ended, for a progress display; null for none. */
    private final java.util.concurrent.atomic.AtomicLong ended;

    /** Process-table entries: live processes and zombies not yet reaped (machine: maxProcesses). */
    private int tableEntries;
    /** Live kernel threads of each user's processes (machine: maxUserProcesses, as RLIMIT_NPROC counts threads). */
    private final java.util.Map<String, int[]> threadsByUser = new java.util.HashMap<>();
    private int maxProcesses = org.osim.api.workload.MachineSpec.MAX_PROCESSES;
    private int maxUserProcesses = org.osim.api.workload.MachineSpec.MAX_PROCESSES;
    /** {@code fork} and {@code spawn} calls refused with EAGAIN. */
    long failedForks;

    /** The process table's size and the per-user limit, from the machine. */
    void limits(int maxProcesses, int maxUserProcesses) {
        this.maxProcesses = maxProcesses;
        this.maxUserProcesses = maxUserProcesses;
    }

    /** Whether {@code p} may fork: the table has room and its user is under the limit. */
    boolean canFork(ProcessControlBlock p) {
        return tableEntries < maxProcesses && threadsOf(p.user)[0] < maxUserProcesses;
    }

    /** Whether {@code p} may start another kernel thread: its user is under the limit. */
    boolean canSpawn(ProcessControlBlock p) {
        return p.runtime != null || threadsOf(p.user)[0] < maxUserProcesses; // user-level threads are the process's own
    }

    private int[] threadsOf(String user) {
        return threadsByUser.computeIfAbsent(user, u -> new int[1]);
    }

    /** {@code parent} collects {@code child}'s exit: its entry leaves the table and its CPU time is the parent's. */
    void reap(ProcessControlBlock parent, ProcessControlBlock child) {
        parent.childrenCpu += child.cpuNanos() + child.childrenCpu;
        tableEntries--;
    }

    ProcessControlBlock createProcess(String name, int priority, int nice, String user, int tickets, long declared,
                                              java.util.Map<String, Program> programs, List<ThreadSpec> threads,
                                              ProcessControlBlock parent, org.osim.api.workload.PeriodicSpec periodic,
                                              long affinity, org.osim.api.workload.ThreadingSpec threading, int gangSize) {
        ProcessControlBlock p = table.add(new ProcessControlBlock(table.nextPid(), name, parent, priority, nice, user,
                tickets, engine.now(), declared, programs));
        tableEntries++;
        p.affinity = affinity;
        p.threading = threading;
        p.gangSize = gangSize;
        if (threading.userLevel()) {
            p.runtime = userThreads.createRuntime(p, threading);
        }
        if (parent != null) {
            if (parent.children.isEmpty()) {
                parent.children = new java.util.ArrayList<>(2);
            }
            parent.children.add(p);
            parent.liveChildren++;
        }
        if (tracer.on()) {
            tracer.emit(new TraceEvent.ProcessCreated(engine.now(), name, parent == null ? "" : parent.name));
        }
        if (machineCode) {
            AddressSpaces.layOutMemory(p, threads, programs);
        }
        boolean single = threads.size() == 1 || gangSize > 1; // a gang's declared run time is each thread's
        for (ThreadSpec ts : threads) {
            long threadDeclared = single ? declared : ts.program().cpuNanos();
            ThreadControlBlock t = createThread(p, ts.name(), "main", ts.program(), threadDeclared, null, periodic);
            ts.registers().forEach((r, v) -> t.context.registers()[r] = v);
        }
        if (p.runtime != null) {
            for (VirtualProcessor vp : p.runtime.processors) {
                vp.carrier = userThreads.createCarrier(p.runtime);
            }
        }
        return p;
    }

    ThreadControlBlock createThread(ProcessControlBlock p, String name, String programName, Program program,
                                            long declared, ThreadControlBlock spawner) {
        return createThread(p, name, programName, program, declared, spawner, null);
    }

    ThreadControlBlock createThread(ProcessControlBlock p, String name, String programName, Program program,
                                            long declared, ThreadControlBlock spawner,
                                            org.osim.api.workload.PeriodicSpec periodic) {
        boolean user = p.runtime != null;
        ThreadControlBlock t = table.add(new ThreadControlBlock(engine, table.nextTid(), p, name, programName, program.instructions(),
                declared, spawner, engine.now(), user));
        t.checker = checker;
        t.times = program.times();
        t.timesLeft = program.times() - 1;
        if (spawner != null) {
            if (spawner.children.isEmpty()) {
                spawner.children = new java.util.ArrayList<>(2);
            }
            spawner.children.add(t);
            spawner.liveChildren++;
            if (tracer.on()) {
                tracer.emit(new TraceEvent.ThreadCreated(engine.now(), name, spawner.name));
            }
        }
        if (periodic != null) {
            t.jobs = new JobState(periodic, engine.now());
            jobs.release(t, 0);
            jobs.startJob(t, 0);
        }
        if (user) {
            // A user-level thread: the run-time system's to schedule; the kernel does not know it.
            RuntimeSystem rt = p.runtime;
            rt.liveUserThreads++;
            rt.scheduler.taskNew(t);
            userThreads.userReady(t, EnqueueReason.NEW);
            return t;
        }
        p.liveThreads++;
        liveThreads++;
        threadsOf(p.user)[0]++;
        policy.taskNew(t);
        dispatcher.makeReady(t, EnqueueReason.NEW);
        return t;
    }

    void finishThread(ThreadControlBlock t) {
        if (!kernelObjects.objects.isEmpty()) {
            kernelObjects.leaveObjects(t);
        }
        regions.threadEnded(t); // it leaves its regions as it ends
        if (t.message != null && t.context.pc >= t.program.size() && t.process.alive()) {
            t.process.messages().handled(t.message, engine.now());
        }
        t.moveTo(ThreadState.TERMINATED);
        tickets.returnBorrowedTickets(t);
        t.completion = engine.now();
        t.process.liveThreads--;
        liveThreads--;
        threadsOf(t.process.user)[0]--;
        if (tracer.on()) {
            tracer.emit(new TraceEvent.ThreadExited(engine.now(), t.name));
        }
        kernelObjects.exited("thread " + t.name);
        policy.taskExit(t);
        if (t.joiners != null) {
            dispatcher.wakeAll(t.joiners);
        }
        ThreadControlBlock parent = t.spawner;
        if (parent != null && --parent.liveChildren == 0 && parent.childrenDone != null) {
            dispatcher.wakeAll(parent.childrenDone);
        }
        if (t.process.liveThreads == 0 && t.process.alive() && t.process.runtime == null
                && (!t.process.receivesMessages() || t.process.messagesDone())) {
            processExit(t.process, Termination.exit(0));
        }
    }

    /** Ends every thread of {@code p} (exit, fatal error or kill) and then the process. */
    void terminate(ProcessControlBlock p, Termination how) {
        if (!p.alive()) {
            return;
        }
        p.termination = how; // set first: finishing its threads must not end it a second way
        if (p.runtime != null) {
            endUserThreads(p);
        }
        for (ThreadControlBlock t : p.threads) {
            if (t.user) {
                continue;
            }
            switch (t.state) {
                case RUNNING -> {
                    CpuSlot c = t.cpu;
                    dispatcher.saveState(c, t);
                    dispatcher.stopRunning(c, t, StopReason.EXITED);
                }
                case READY -> {
                    dispatcher.withdraw(t);
                }
                case BLOCKED -> {
                    t.blocked += engine.now() - t.blockedSince;
                    if (t.wakeEvent != null && engine.cancel(t.wakeEvent)) {
                        pending.wakeups--;
                    }
                    if (t.ioRequest != null) {
                        t.ioRequest.cancel();
                        pending.wakeups--;
                    }
                    if (t.waitingOn != null) {
                        t.waitingOn.remove(t);
                    }
                }
                case NEW, TERMINATED -> {
                    continue;
                }
            }
            finishThread(t);
        }
        processExit(p, how);
    }

    /** The user threads of a process that ends: taken from the run-time system, unblocked, ended. */
    void endUserThreads(ProcessControlBlock p) {
        RuntimeSystem rt = p.runtime;
        for (ThreadControlBlock u : p.threads) {
            if (!u.user || u.state == ThreadState.TERMINATED) {
                continue;
            }
            if (u.state == ThreadState.READY && u.held) {
                u.held = false;
                rt.scheduler.dequeue(u);
            } else if (u.state == ThreadState.BLOCKED) {
                u.blocked += engine.now() - u.blockedSince;
                if (u.waitingOn != null) {
                    u.waitingOn.remove(u);
                }
            } else if (u.state == ThreadState.RUNNING && u.cpu != null) {
                dispatcher.saveState(u.cpu, u.cpu.current); // its kernel thread is running it: account the work done
            }
            u.moveTo(ThreadState.TERMINATED);
            u.completion = engine.now();
            u.cpu = null;
            if (!kernelObjects.objects.isEmpty()) {
                kernelObjects.leaveObjects(u);
            }
            rt.liveUserThreads--;
            rt.scheduler.taskExit(u);
        }
        for (ThreadControlBlock k : rt.carriers) {
            k.currentUser = null;
            k.blockedUser = null;
        }
    }

    void processExit(ProcessControlBlock p, Termination how) {
        p.termination = how;
        p.completion = engine.now();
        if (ended != null) {
            ended.lazySet(ended.get() + 1); // this thread alone writes it; a reader may see it a little late
        }
        if (tracer.on()) {
            tracer.emit(new TraceEvent.ProcessExited(engine.now(), p.name, how));
        }
        kernelObjects.exited("process " + p.name);
        tableEntries -= p.unreapedCount(); // its zombies go to init, which reaps them
        ProcessControlBlock parent = p.parent;
        if (parent == null || !parent.alive()) {
            tableEntries--; // nobody to wait for it: its entry is freed at once
        }
        if (parent != null) {
            parent.liveChildren--;
            if (!parent.alive()) {
                // reaped by init, above
            } else if (parent.childWait != null && !parent.childWait.isEmpty()) {
                reap(parent, p);
                dispatcher.wakeOne(parent.childWait);
            } else {
                parent.unreaped().addLast(p);
            }
            if (parent.signalsIfAny() != null && parent.alive()) {
                signals.signal(parent, org.osim.api.program.Signal.SIGCHLD, p.name); // ignored unless it set a handler
            }
        }
    }

}
