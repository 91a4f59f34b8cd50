package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.param.Parameters;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.Termination;
import org.osim.api.result.Violation;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Slice;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.sched.TimerHandle;
import org.osim.api.trace.TraceEvent;
import org.osim.api.trace.TraceListener;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;
import org.osim.hardware.Machine;

/**
 * The mechanism of one simulation: it owns thread states, dispatch, context switches, timers, system
 * calls and accounting, and asks the policy only to decide. Built for one run by
 * {@link org.osim.kernel.Simulation}.
 *
 * <p>Decisions are taken at the end of each instant, once every event of that instant has happened
 * (completions and wake-ups, then arrivals, then slice ends): first the CPUs whose task must give way are
 * emptied, then every idle CPU asks the policy for a task, in CPU order.
 */
public final class Kernel {
    private final Workload workload;
    private final String schedulerName;
    private final Parameters params;
    private final KernelOptions options;
    private final Engine engine;
    private final Machine machine;
    private final CostProfile costs;
    private final CpuSlot[] cpus;
    private final SchedulerGuard policy;
    private final ProcessTable table = new ProcessTable();
    private final TraceListener[] listeners;
    private final List<SliceRecord> slices = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final List<org.osim.api.workload.UserSpec> users;

    private long sliceCount;
    private int held;
    private int liveThreads;
    private int pendingArrivals;
    private int pendingWakeups;
    private long idleWithWorkSince = -1;
    private Event watchdog;
    private Event tick;

    public Kernel(Workload workload, SchedulerFactory factory, Parameters params, KernelOptions options) {
        this.workload = requireNonNull(workload, "workload is null");
        this.schedulerName = factory.name();
        this.params = requireNonNull(params, "params is null");
        this.options = requireNonNull(options, "options is null");
        this.engine = new Engine();
        this.costs = options.costs();
        this.machine = new Machine(engine, options.cpus(), costs, options.tickNanos());
        this.cpus = new CpuSlot[options.cpus()];
        for (int i = 0; i < cpus.length; i++) {
            CpuSlot c = new CpuSlot(i, machine.cpu(i));
            c.completion = new Event(EventRank.COMPLETION) {
                @Override
                protected void fire() {
                    onCompletion(c);
                }
            };
            c.sliceEnd = new Event(EventRank.SLICE_END) {
                @Override
                protected void fire() {
                    onSliceEnd(c);
                }
            };
            cpus[i] = c;
        }
        this.listeners = options.listeners().toArray(TraceListener[]::new);
        this.users = workload.userShares();
        this.policy = createPolicy(factory, params, new org.osim.api.RandomStreams(options.seed()).stream("scheduler"));
        engine.setInstantListener(this::endOfInstant);
        if (options.horizon() < Long.MAX_VALUE) {
            engine.setHorizon(options.horizon());
        }
    }

    private SchedulerGuard createPolicy(SchedulerFactory factory, Parameters params, SplittableRandom random) {
        SchedulerContext context = new SchedulerContext() {
            @Override
            public long now() {
                return engine.now();
            }

            @Override
            public SplittableRandom random() {
                return random;
            }

            @Override
            public int cpuCount() {
                return cpus.length;
            }

            @Override
            public CpuView cpu(int id) {
                return cpus[id];
            }

            @Override
            public long tickNanos() {
                return machine.tickNanos();
            }

            @Override
            public TimerHandle at(long time, Runnable action) {
                requireNonNull(action, "action is null");
                Event e = Event.of(EventRank.POLICY_TIMER, () -> Kernel.this.policy.timer(action));
                engine.schedule(e, Math.max(time, engine.now()));
                return () -> engine.cancel(e);
            }

            @Override
            public Workload workload() {
                return workload;
            }

            @Override
            public java.util.List<org.osim.api.workload.UserSpec> users() {
                return users;
            }

            @Override
            public void report(org.osim.api.sched.Task task, String metric, double value) {
                figure(task, metric, value, false);
            }

            @Override
            public void reportTime(org.osim.api.sched.Task task, String metric, long nanos) {
                figure(task, metric, nanos, true);
            }

            private void figure(org.osim.api.sched.Task task, String metric, double value, boolean time) {
                requireNonNull(metric, "metric is null");
                if (!(task instanceof ThreadControlBlock t) || t.kernel != Kernel.this) {
                    throw new IllegalArgumentException("not a task of this simulation: " + task);
                }
                if (t.policyFigures == null) {
                    t.policyFigures = new PolicyFigures();
                }
                t.policyFigures.put(metric, value, time);
            }

            @Override
            public void reschedule(int cpu) {
                CpuSlot c = cpus[cpu];
                if (c.current != null) {
                    c.preemptRequested = true;
                    c.preemptReason = EnqueueReason.PREEMPTED;
                }
            }
        };
        // A guard for create() itself: the policy object does not exist yet.
        Scheduler instance;
        try {
            instance = requireNonNull(factory.create(params, context), "create returned null");
        } catch (OsimException e) {
            if (e.code() == ErrorCode.BAD_INPUT) {
                throw e; // the policy refused its parameters or the machine: the user's input, said its way
            }
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "scheduler '" + factory.name() + "' failed in create: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE,
                    "scheduler '" + factory.name() + "' failed in create: threw " + e, e);
        }
        return new SchedulerGuard(instance, factory.name(), this);
    }

    long now() {
        return engine.now();
    }

    /** Runs the workload to its end (or the horizon) and returns the results. */
    public RunResult run() {
        // Arrivals are fed one at a time from a stably sorted list, so the event queue stays small however
        // many processes a workload has; equal arrival times keep their declaration order.
        ProcessSpec[] arrivals = workload.processes().toArray(ProcessSpec[]::new);
        java.util.Arrays.sort(arrivals, java.util.Comparator.comparingLong(ProcessSpec::arrival));
        pendingArrivals = arrivals.length;
        if (arrivals.length > 0) {
            Event arrival = new Event(EventRank.ARRIVAL) {
                private int next;

                @Override
                protected void fire() {
                    ProcessSpec spec = arrivals[next++];
                    pendingArrivals--;
                    if (next < arrivals.length) {
                        engine.schedule(this, arrivals[next].arrival());
                    }
                    long mask = 0;
                for (int cpu : spec.affinity()) {
                    mask |= 1L << cpu;
                }
                createProcess(spec.name(), spec.priority(), spec.nice(), spec.user(), spec.tickets(),
                            spec.declaredRuntime(), spec.programs(), spec.threads(), null, spec.periodic().orElse(null), mask);
                }
            };
            engine.schedule(arrival, arrivals[0].arrival());
        }
        if (machine.tickNanos() > 0) {
            tick = Event.of(EventRank.TICK, this::onTick);
            engine.schedule(tick, machine.tickNanos());
        }
        engine.run();
        closeOpenTurns();
        return new ResultCollector(this).collect();
    }

    // ---------------------------------------------------------------- creation

    private ProcessControlBlock createProcess(String name, int priority, int nice, String user, int tickets, long declared,
                                              java.util.Map<String, Program> programs, List<ThreadSpec> threads,
                                              ProcessControlBlock parent, org.osim.api.workload.PeriodicSpec periodic,
                                              long affinity) {
        ProcessControlBlock p = table.add(new ProcessControlBlock(table.nextPid(), name, parent, priority, nice, user,
                tickets, engine.now(), declared, programs));
        p.affinity = affinity;
        if (parent != null) {
            parent.children.add(p);
            parent.liveChildren++;
        }
        if (listeners.length > 0) {
            trace(new TraceEvent.ProcessCreated(engine.now(), name, parent == null ? "" : parent.name));
        }
        boolean single = threads.size() == 1;
        for (ThreadSpec ts : threads) {
            long threadDeclared = single ? declared : ts.program().cpuNanos();
            createThread(p, ts.name(), "main", ts.program(), threadDeclared, null, periodic);
        }
        return p;
    }

    private ThreadControlBlock createThread(ProcessControlBlock p, String name, String programName, Program program,
                                            long declared, ThreadControlBlock spawner) {
        return createThread(p, name, programName, program, declared, spawner, null);
    }

    private ThreadControlBlock createThread(ProcessControlBlock p, String name, String programName, Program program,
                                            long declared, ThreadControlBlock spawner,
                                            org.osim.api.workload.PeriodicSpec periodic) {
        ThreadControlBlock t = table.add(new ThreadControlBlock(this, table.nextTid(), p, name, programName, program.instructions(),
                declared, spawner, engine.now()));
        p.liveThreads++;
        liveThreads++;
        if (spawner != null) {
            spawner.children.add(t);
            spawner.liveChildren++;
            if (listeners.length > 0) {
                trace(new TraceEvent.ThreadCreated(engine.now(), name, spawner.name));
            }
        }
        if (periodic != null) {
            t.jobs = new JobState(periodic, engine.now());
            release(t, 0);
            startJob(t, 0);
        }
        policy.taskNew(t);
        makeReady(t, EnqueueReason.NEW);
        return t;
    }

    // ---------------------------------------------------------------- states

    private void makeReady(ThreadControlBlock t, EnqueueReason why) {
        t.moveTo(ThreadState.READY);
        t.readySince = engine.now();
        t.held = true;
        held++;
        if (listeners.length > 0) {
            trace(new TraceEvent.Enqueued(engine.now(), t.name, why));
        }
        policy.enqueue(t, why);
        if (why == EnqueueReason.NEW || why == EnqueueReason.WAKEUP) {
            checkWakeupPreemption(t);
        }
    }

    private void checkWakeupPreemption(ThreadControlBlock woken) {
        for (CpuSlot c : cpus) {
            if (c.current == null && woken.allowedOn(c.id)) {
                return; // an idle CPU it may run on will take it at the end of the instant
            }
        }
        CpuSlot c = cpus[policy.selectCpu(woken, Math.max(woken.lastCpu, 0), cpus.length)];
        if (c.current == null || !woken.allowedOn(c.id)) {
            return;
        }
        if (!c.preemptRequested && policy.preemptOnWakeup(woken, c.current, c)) {
            c.preemptRequested = true;
            c.preemptReason = EnqueueReason.PREEMPTED;
        }
    }

    /** Accounts the CPU time {@code t} used since its current stretch began, and cancels its pending completion. */
    private void saveState(CpuSlot c, ThreadControlBlock t) {
        long now = engine.now();
        if (now > t.segmentStart && t.remaining > 0) {
            long ran = Math.min(now - t.segmentStart, t.remaining);
            account(c, t, ran);
        }
        t.segmentStart = now;
        engine.cancel(c.completion);
    }

    private void account(CpuSlot c, ThreadControlBlock t, long ran) {
        t.remaining -= ran;
        t.cpuUsed += ran;
        t.turnRan += ran;
        c.hw.addBusy(ran);
    }

    private void stopRunning(CpuSlot c, ThreadControlBlock t, StopReason why) {
        long now = engine.now();
        engine.cancel(c.sliceEnd);
        engine.cancel(c.completion);
        c.current = null;
        c.last = t;
        t.cpu = null;
        sliceCount++;
        if (options.recordSlices() && now > c.turnStart) {
            slices.add(new SliceRecord(c.id, t.name, c.turnStart, now));
        }
        if (listeners.length > 0) {
            trace(new TraceEvent.Stopped(now, c.id, t.name, why, t.turnRan));
        }
        policy.stopping(t, c, why, t.turnRan);
    }

    private void block(CpuSlot c, ThreadControlBlock t, String on) {
        stopRunning(c, t, StopReason.BLOCKED);
        t.moveTo(ThreadState.BLOCKED);
        t.blockedSince = engine.now();
        if (listeners.length > 0) {
            trace(new TraceEvent.Blocked(engine.now(), t.name, on));
        }
    }

    private void wake(ThreadControlBlock t) {
        if (t.state != ThreadState.BLOCKED) {
            return;
        }
        reclaimTickets(t);
        t.blocked += engine.now() - t.blockedSince;
        t.wakeEvent = null;
        t.ioRequest = null;
        makeReady(t, EnqueueReason.WAKEUP);
    }

    /** Blocks the thread running on {@code c} on {@code queue} until {@link #wakeOne} or {@link #wakeAll}. */
    void sleepOn(CpuSlot c, ThreadControlBlock t, WaitQueue queue, String on) {
        block(c, t, on);
        queue.add(t);
    }

    /** Wakes the longest waiter of {@code queue}; returns whether there was one. */
    boolean wakeOne(WaitQueue queue) {
        ThreadControlBlock t = queue.poll();
        if (t == null) {
            return false;
        }
        wake(t);
        return true;
    }

    /** Wakes every waiter of {@code queue}; returns how many. */
    int wakeAll(WaitQueue queue) {
        int n = 0;
        while (wakeOne(queue)) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- dispatch

    private void dispatch(CpuSlot c, ThreadControlBlock t) {
        long now = engine.now();
        t.held = false;
        held--;
        t.moveTo(ThreadState.RUNNING);
        t.waiting += now - t.readySince;
        if (t.firstRun < 0) {
            t.firstRun = now;
        }
        if (c.preemptedCandidate != null && c.preemptedCandidate != t) {
            c.preemptedCandidate.preemptions++;
        }
        c.preemptedCandidate = null;
        long overhead = 0;
        boolean switched = c.last != t;
        if (switched) {
            t.switches++;
            overhead = c.last == null || c.last.process != t.process ? costs.processSwitch() : costs.threadSwitch();
        }
        long start = overhead > 0 ? c.hw.chargeOverhead(now, overhead) : c.hw.freeAt(now);
        c.current = t;
        t.cpu = c;
        if (t.lastCpu >= 0 && t.lastCpu != c.id) {
            t.migrations++;
        }
        t.lastCpu = c.id;
        t.turnRan = 0;
        c.turnStart = start;
        c.idleTraced = false;
        if (listeners.length > 0) {
            trace(new TraceEvent.Dispatched(now, c.id, t.name, switched, start - now));
        }
        policy.running(t, c);
        long slice = policy.sliceNanos(t, c);
        if (slice == Slice.INFINITE || start > Long.MAX_VALUE - slice) {
            c.sliceEndAt = Long.MAX_VALUE;
        } else {
            c.sliceEndAt = start + slice;
            engine.schedule(c.sliceEnd, c.sliceEndAt);
        }
        execute(c, t, start);
    }

    /**
     * Runs {@code t}'s program on {@code c} from time {@code at} (now, or when switching overhead ends):
     * zero-time instructions are carried out at once, until a {@code cpu} instruction is under way or the
     * thread leaves the CPU.
     */
    private void execute(CpuSlot c, ThreadControlBlock t, long at) {
        long now = engine.now();
        while (true) {
            if (t.remaining > 0) {
                long end = at + t.remaining;
                t.segmentStart = at;
                if (end <= c.sliceEndAt) {
                    engine.schedule(c.completion, end);
                }
                return;
            }
            if (at > now) {
                // Overhead is still being paid: carry on with the next instruction when it is.
                t.segmentStart = at;
                engine.schedule(c.completion, at);
                return;
            }
            if (t.pc >= t.program.size()) {
                if (t.jobs != null && nextJob(c, t)) {
                    // A released job was waiting: it is a new release, and the policy decides who runs it now.
                    stopRunning(c, t, StopReason.YIELDED);
                    makeReady(t, EnqueueReason.WAKEUP);
                    return;
                }
                if (t.jobs != null && t.jobs.spec.hasJob(t.jobs.released)) {
                    block(c, t, "its next release");
                    t.jobs.waitingForRelease = true;
                    return;
                }
                stopRunning(c, t, StopReason.EXITED);
                finishThread(t);
                return;
            }
            Instruction in = t.program.get(t.pc++);
            if (in instanceof Instruction.Compute cpu) {
                t.remaining = cpu.nanos();
            } else if (in instanceof Instruction.Io io) {
                systemCall(c, now);
                block(c, t, io.device().map(d -> "io " + d).orElse("io"));
                pendingWakeups++;
                if (io.device().isPresent()) {
                    t.ioRequest = machine.device(io.device().get()).submit(io.nanos(), () -> {
                        pendingWakeups--;
                        wake(t);
                    });
                } else {
                    t.wakeEvent = engine.at(now + io.nanos(), EventRank.WAKEUP, () -> {
                        pendingWakeups--;
                        wake(t);
                    });
                }
                return;
            } else if (in instanceof Instruction.Sleep sleep) {
                systemCall(c, now);
                block(c, t, "sleep");
                pendingWakeups++;
                long alarm = now + sleep.nanos();
                t.process.nextAlarm = alarm;
                t.wakeEvent = engine.at(alarm, EventRank.WAKEUP, () -> {
                    pendingWakeups--;
                    if (t.process.nextAlarm == alarm) {
                        t.process.nextAlarm = -1;
                    }
                    wake(t);
                });
                return;
            } else if (in instanceof Instruction.Yield) {
                systemCall(c, now);
                stopRunning(c, t, StopReason.YIELDED);
                makeReady(t, EnqueueReason.YIELDED);
                return;
            } else if (in instanceof Instruction.Exit exit) {
                terminate(t.process, Termination.exit(exit.code()));
                return;
            } else if (in instanceof Instruction.Fault fault) {
                terminate(t.process, Termination.fatal(fault.kind()));
                return;
            } else if (in instanceof Instruction.Kill kill) {
                at = systemCall(c, now);
                var target = table.process(kill.process());
                if (target.isPresent() && target.get().alive()) {
                    if (target.get() == t.process) {
                        terminate(t.process, Termination.killed(t.process.name));
                        return;
                    }
                    terminate(target.get(), Termination.killed(t.process.name));
                }
            } else if (in instanceof Instruction.Spawn spawn) {
                at = systemCall(c, now);
                Program program = t.process.programs.get(spawn.program());
                if (program == null) {
                    terminate(t.process, Termination.fatal("spawn of unknown program " + spawn.program()));
                    return;
                }
                createThread(t.process, t.process.nextThreadName(spawn.program()), spawn.program(), program,
                        program.cpuNanos(), t);
            } else if (in instanceof Instruction.Join join) {
                at = systemCall(c, now);
                if (join.program().isEmpty()) {
                    if (t.liveChildren > 0) {
                        sleepOn(c, t, t.childrenDone(), "join");
                        lendTickets(t);
                        return;
                    }
                } else {
                    ThreadControlBlock child = null;
                    for (ThreadControlBlock k : t.children) {
                        if (k.programName.equals(join.program().get())) {
                            child = k;
                        }
                    }
                    if (child != null && child.state != ThreadState.TERMINATED) {
                        sleepOn(c, t, child.joiners(), "join " + child.name);
                        lendTickets(t);
                        return;
                    }
                }
            } else if (in instanceof Instruction.Fork fork) {
                at = systemCall(c, now);
                Program program = t.process.programs.get(fork.program());
                if (program == null) {
                    terminate(t.process, Termination.fatal("fork of unknown program " + fork.program()));
                    return;
                }
                ProcessControlBlock p = t.process;
                String child = p.nextChildName(fork.program());
                createProcess(child, p.priority, p.nice, p.user, p.tickets, program.cpuNanos(), p.programs,
                        List.of(new ThreadSpec(child, program)), p, null, p.affinity); // inherited, as with fork(2)
            } else if (in instanceof Instruction.Wait) {
                at = systemCall(c, now);
                ProcessControlBlock p = t.process;
                if (!p.unreaped.isEmpty()) {
                    reap(p, p.unreaped.pollFirst());
                } else if (p.liveChildren > 0) {
                    sleepOn(c, t, p.childWait(), "wait");
                    lendTickets(t);
                    return;
                }
            } else if (in instanceof Instruction.SetPriority sp) {
                at = systemCall(c, now);
                ProcessControlBlock target = sp.process().equals("self") ? t.process
                        : table.process(sp.process()).filter(q -> q.parent == t.process).orElse(null);
                if (target != null && target.alive()) {
                    setPriority(target, sp.priority()); // for itself: it leaves the CPU at the end of the instant
                }
            } else if (in instanceof Instruction.Call call) {
                terminate(t.process, Termination.fatal("bad system call: no kernel object '" + call.object() + "'"));
                return;
            } else {
                throw new IllegalStateException("unknown instruction " + in);
            }
        }
    }

    /** Charges a system call's cost on {@code c}; returns when the CPU is free again. */
    private long systemCall(CpuSlot c, long now) {
        return costs.systemCall() > 0 ? c.hw.chargeOverhead(now, costs.systemCall()) : now;
    }

    private void onCompletion(CpuSlot c) {
        ThreadControlBlock t = c.current;
        long now = engine.now();
        if (now > t.segmentStart && t.remaining > 0) {
            account(c, t, Math.min(now - t.segmentStart, t.remaining));
        }
        t.segmentStart = now;
        execute(c, t, now);
    }

    /**
     * The clock interrupt that ends a slice, as in Tanenbaum Fig. 2-5: the running task's state is saved
     * (its CPU time accounted), the interrupt's entry and exit are charged to the CPU as overhead, and the
     * task goes back to the policy; the scheduler is called and the next task dispatched at the end of the
     * instant.
     */
    private void onSliceEnd(CpuSlot c) {
        ThreadControlBlock t = c.current;
        saveState(c, t);
        if (costs.interrupt() > 0) {
            c.hw.chargeOverhead(engine.now(), costs.interrupt());
        }
        stopRunning(c, t, StopReason.SLICE_EXPIRED);
        c.preemptedCandidate = t;
        makeReady(t, EnqueueReason.SLICE_EXPIRED);
    }

    private void onTick() {
        long now = engine.now();
        for (CpuSlot c : cpus) {
            ThreadControlBlock t = c.current;
            if (t != null) {
                if (costs.interrupt() > 0) {
                    c.hw.chargeOverhead(now, costs.interrupt());
                }
                if (policy.tick(t, c)) {
                    c.preemptRequested = true;
                    c.preemptReason = EnqueueReason.SLICE_EXPIRED;
                }
            }
        }
        engine.schedule(tick, now + machine.tickNanos());
    }

    /** A run cut short (at the horizon, or by a deadlock) still accounts the work under way on each CPU. */
    private void closeOpenTurns() {
        long now = engine.now();
        for (CpuSlot c : cpus) {
            ThreadControlBlock t = c.current;
            if (t != null) {
                saveState(c, t);
                if (options.recordSlices() && now > c.turnStart) {
                    slices.add(new SliceRecord(c.id, t.name, c.turnStart, now));
                }
            }
        }
    }

    // ---------------------------------------------------------------- the end of an instant

    private void endOfInstant(long now) {
        for (CpuSlot c : cpus) {
            if (c.preemptRequested) {
                c.preemptRequested = false;
                ThreadControlBlock t = c.current;
                if (t != null) {
                    saveState(c, t);
                    EnqueueReason why = c.preemptReason;
                    stopRunning(c, t, switch (why) {
                        case SLICE_EXPIRED -> StopReason.SLICE_EXPIRED;
                        case PRIORITY_CHANGED -> StopReason.PRIORITY_CHANGED;
                        default -> StopReason.PREEMPTED;
                    });
                    c.preemptedCandidate = t;
                    makeReady(t, why);
                }
            }
        }
        boolean idleWithWork = false;
        for (CpuSlot c : cpus) {
            // A task may leave the CPU at once (its first instruction blocks or yields): ask again.
            while (c.current == null && held > 0) {
                ThreadControlBlock t = policy.pickNext(c);
                if (t == null) {
                    idleWithWork = true;
                    break;
                }
                dispatch(c, t);
            }
            if (c.current == null) {
                c.preemptedCandidate = null;
                if (!c.idleTraced) {
                    c.idleTraced = true;
                    if (listeners.length > 0) {
                        trace(new TraceEvent.Idle(now, c.id));
                    }
                }
            }
        }
        if (idleWithWork && held > 0) {
            armWatchdog(now);
        } else {
            idleWithWorkSince = -1;
        }
        if (liveThreads == 0 && pendingArrivals == 0) {
            engine.stop();
        } else if (held == 0 && pendingWakeups == 0 && pendingArrivals == 0 && noneRunning()) {
            reportDeadlock(now);
            engine.stop();
        }
    }

    private boolean noneRunning() {
        for (CpuSlot c : cpus) {
            if (c.current != null) {
                return false;
            }
        }
        return true;
    }

    private void armWatchdog(long now) {
        if (options.watchdogNanos() <= 0) {
            return;
        }
        if (idleWithWorkSince < 0) {
            idleWithWorkSince = now;
        }
        if (watchdog == null) {
            watchdog = Event.of(EventRank.WATCHDOG, this::onWatchdog);
        }
        if (!watchdog.isScheduled()) {
            engine.schedule(watchdog, idleWithWorkSince + options.watchdogNanos());
        }
    }

    private void onWatchdog() {
        long now = engine.now();
        if (idleWithWorkSince < 0 || held == 0) {
            return;
        }
        ThreadControlBlock oldest = null;
        for (ThreadControlBlock t : table.threads()) {
            if (t.held && (oldest == null || t.readySince < oldest.readySince)) {
                oldest = t;
            }
        }
        if (now - idleWithWorkSince >= options.watchdogNanos() && oldest != null
                && now - oldest.readySince >= options.watchdogNanos()) {
            int idle = -1;
            for (CpuSlot c : cpus) {
                if (c.current == null) {
                    idle = c.id;
                    break;
                }
            }
            throw policy.failure("pickNext", "watchdog: task " + oldest.name + " has been runnable for "
                    + SimTime.formatMillis(now - oldest.readySince) + " ms while cpu " + idle
                    + " sat idle (bound " + SimTime.format(options.watchdogNanos()) + ")", null);
        }
        engine.schedule(watchdog, Math.max(idleWithWorkSince, oldest == null ? now : oldest.readySince)
                + options.watchdogNanos());
    }

    private void reportDeadlock(long now) {
        List<String> stuck = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (ThreadControlBlock t : table.threads()) {
            if (t.state == ThreadState.BLOCKED) {
                stuck.add(t.name);
                if (detail.length() > 0) {
                    detail.append("; ");
                }
                detail.append(t.name).append(" waits for ").append(t.waitingOn == null ? "an event" : t.waitingOn.name());
            }
        }
        violations.add(new Violation("deadlock", now, stuck,
                "every live thread is blocked and nothing can wake them: " + detail, ""));
    }

    // ---------------------------------------------------------------- real-time jobs

    /** Job {@code job} of {@code t} is released now: its deadline is armed and the next release scheduled. */
    private void release(ThreadControlBlock t, int job) {
        JobState js = t.jobs;
        js.released++;
        pendingWakeups++; // the deadline check
        long deadline = js.deadlineOf(job);
        engine.at(deadline, EventRank.TICK, () -> {
            pendingWakeups--;
            onDeadline(t, job);
        });
        int next = job + 1;
        if (js.spec.hasJob(next)) {
            pendingWakeups++;
            engine.at(js.releaseOf(next), EventRank.WAKEUP, () -> {
                pendingWakeups--;
                if (t.state == ThreadState.TERMINATED) {
                    return;
                }
                release(t, next);
                if (js.waitingForRelease) {
                    js.waitingForRelease = false;
                    startJob(t, next);
                    wake(t);
                } else {
                    js.backlog.addLast(next);
                }
            });
        }
    }

    private void startJob(ThreadControlBlock t, int job) {
        JobState js = t.jobs;
        js.currentJob = job;
        js.currentRelease = js.releaseOf(job);
        js.currentDeadline = js.deadlineOf(job);
        js.currentMissed = false;
        t.pc = 0;
        t.remaining = 0;
    }

    /** The current job's program has ended: account it, and start a waiting job if there is one. */
    private boolean nextJob(CpuSlot c, ThreadControlBlock t) {
        JobState js = t.jobs;
        long now = engine.now();
        if (js.currentJob >= 0) {
            long response = now - js.currentRelease;
            js.completed++;
            js.sumResponse += response;
            js.worstResponse = Math.max(js.worstResponse, response);
            js.maxLateness = Math.max(js.maxLateness, now - js.currentDeadline);
            if (now > js.currentDeadline && !js.currentMissed) {
                js.missed++;
            }
            js.currentJob = -1;
            js.currentDeadline = Long.MAX_VALUE;
        }
        Integer waiting = js.backlog.pollFirst();
        if (waiting == null) {
            return false;
        }
        startJob(t, waiting);
        return true;
    }

    /** At a job's deadline: if it has not finished it has missed; with abortOnMiss it is abandoned. */
    private void onDeadline(ThreadControlBlock t, int job) {
        JobState js = t.jobs;
        if (t.state == ThreadState.TERMINATED) {
            return;
        }
        boolean unfinished = js.currentJob == job || js.backlog.contains(job);
        if (!unfinished) {
            return;
        }
        js.missed++;
        if (js.currentJob == job) {
            js.currentMissed = true;
        }
        if (!js.spec.abortOnMiss()) {
            return;
        }
        js.aborted++;
        if (js.backlog.remove(job)) {
            return;
        }
        // Abandon the current job: its remaining work is dropped.
        js.currentJob = -1;
        js.currentDeadline = Long.MAX_VALUE;
        if (t.state == ThreadState.RUNNING) {
            CpuSlot c = t.cpu;
            saveState(c, t);
            t.remaining = 0;
            t.pc = t.program.size();
            execute(c, t, engine.now());
        } else {
            t.remaining = 0;
            t.pc = t.program.size();
        }
    }

    // ---------------------------------------------------------------- priorities and tickets

    /**
     * The mechanism behind {@code setpriority}: a waiting thread is taken back from the policy and handed
     * back with its new priority; a running one leaves its CPU so the policy decides again.
     */
    private void setPriority(ProcessControlBlock p, int priority) {
        p.priority = priority;
        for (ThreadControlBlock t : p.threads) {
            if (t.state == ThreadState.TERMINATED || t.priority == priority) {
                t.priority = priority;
                continue;
            }
            t.priority = priority;
            if (t.state == ThreadState.READY && t.held) {
                // Still waiting (readySince unchanged): the policy lets go of it and takes it back.
                policy.dequeue(t);
                if (listeners.length > 0) {
                    trace(new TraceEvent.Enqueued(engine.now(), t.name, EnqueueReason.PRIORITY_CHANGED));
                }
                policy.enqueue(t, EnqueueReason.PRIORITY_CHANGED);
            } else if (t.state == ThreadState.RUNNING) {
                CpuSlot c = t.cpu;
                c.preemptRequested = true;
                c.preemptReason = EnqueueReason.PRIORITY_CHANGED;
            }
        }
    }

    /**
     * Ticket transfer (Waldspurger and Weihl): a thread that blocks waiting for another lends it its
     * tickets until it wakes. Only when the run asks for it ({@code ticketTransfer}).
     */
    private void lendTickets(ThreadControlBlock t) {
        if (!options.ticketTransfer()) {
            return;
        }
        ThreadControlBlock to = ticketTarget(t);
        if (to != null && to != t) {
            int amount = t.tickets();
            t.lentTo = to;
            t.ticketsLent = amount;
            to.ticketsReceived += amount;
        }
    }

    /** Whom a blocked thread waits for: the thread it joins, its oldest live child thread, or its oldest live child process. */
    private ThreadControlBlock ticketTarget(ThreadControlBlock t) {
        WaitQueue q = t.waitingOn;
        for (ThreadControlBlock k : t.children) {
            if (k.state != ThreadState.TERMINATED && (q == t.childrenDone || q == k.joiners)) {
                return k;
            }
        }
        if (q != null && q == t.process.childWait) {
            for (ProcessControlBlock child : t.process.children) {
                if (child.alive()) {
                    for (ThreadControlBlock k : child.threads) {
                        if (k.state != ThreadState.TERMINATED) {
                            return k;
                        }
                    }
                }
            }
        }
        return null;
    }

    private void reclaimTickets(ThreadControlBlock t) {
        if (t.lentTo != null) {
            t.lentTo.ticketsReceived -= t.ticketsLent;
            t.lentTo = null;
            t.ticketsLent = 0;
        }
    }

    /** A thread that ends gives back what it received; its lenders, still waiting, lend to their next target. */
    private void returnBorrowedTickets(ThreadControlBlock ended) {
        if (ended.ticketsReceived == 0 && ended.lentTo == null) {
            return;
        }
        reclaimTickets(ended);
        for (ThreadControlBlock t : table.threads()) {
            if (t.lentTo == ended) {
                reclaimTickets(t);
                if (t.state == ThreadState.BLOCKED) {
                    lendTickets(t);
                }
            }
        }
    }

    // ---------------------------------------------------------------- endings

    private void finishThread(ThreadControlBlock t) {
        t.state = ThreadState.TERMINATED;
        returnBorrowedTickets(t);
        t.completion = engine.now();
        t.process.liveThreads--;
        liveThreads--;
        if (listeners.length > 0) {
            trace(new TraceEvent.ThreadExited(engine.now(), t.name));
        }
        policy.taskExit(t);
        if (t.joiners != null) {
            wakeAll(t.joiners);
        }
        ThreadControlBlock parent = t.spawner;
        if (parent != null && --parent.liveChildren == 0 && parent.childrenDone != null) {
            wakeAll(parent.childrenDone);
        }
        if (t.process.liveThreads == 0 && t.process.alive()) {
            processExit(t.process, Termination.exit(0));
        }
    }

    /** Ends every thread of {@code p} (exit, fatal error or kill) and then the process. */
    private void terminate(ProcessControlBlock p, Termination how) {
        if (!p.alive()) {
            return;
        }
        p.termination = how; // set first: finishing its threads must not end it a second way
        for (ThreadControlBlock t : p.threads) {
            switch (t.state) {
                case RUNNING -> {
                    CpuSlot c = t.cpu;
                    saveState(c, t);
                    stopRunning(c, t, StopReason.EXITED);
                }
                case READY -> {
                    t.held = false;
                    held--;
                    policy.dequeue(t);
                }
                case BLOCKED -> {
                    t.blocked += engine.now() - t.blockedSince;
                    if (t.wakeEvent != null && engine.cancel(t.wakeEvent)) {
                        pendingWakeups--;
                    }
                    if (t.ioRequest != null) {
                        t.ioRequest.cancel();
                        pendingWakeups--;
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

    private void processExit(ProcessControlBlock p, Termination how) {
        p.termination = how;
        p.completion = engine.now();
        if (listeners.length > 0) {
            trace(new TraceEvent.ProcessExited(engine.now(), p.name, how));
        }
        ProcessControlBlock parent = p.parent;
        if (parent != null) {
            parent.liveChildren--;
            if (parent.childWait != null && !parent.childWait.isEmpty()) {
                reap(parent, p);
                wakeOne(parent.childWait);
            } else {
                parent.unreaped.addLast(p);
            }
        }
    }

    private static void reap(ProcessControlBlock parent, ProcessControlBlock child) {
        parent.childrenCpu += child.cpuNanos() + child.childrenCpu;
    }

    private void trace(TraceEvent e) {
        for (TraceListener l : listeners) {
            l.on(e);
        }
    }

    // ---------------------------------------------------------------- for results

    Workload workload() {
        return workload;
    }

    String schedulerName() {
        return schedulerName;
    }

    Parameters params() {
        return params;
    }

    KernelOptions options() {
        return options;
    }

    Engine engine() {
        return engine;
    }

    Machine machine() {
        return machine;
    }

    ProcessTable table() {
        return table;
    }

    List<SliceRecord> slices() {
        return slices;
    }

    List<Violation> violations() {
        return violations;
    }

    long sliceCount() {
        return sliceCount;
    }
}
