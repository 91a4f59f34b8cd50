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
    private final java.util.Map<String, KernelObjectEntry> objects = new java.util.LinkedHashMap<>();

    private long sliceCount;
    private int held;
    private int liveThreads;
    private int pendingArrivals;
    private int pendingWakeups;
    private long idleWithWorkSince = -1;
    private long userThreadSwitches;
    /** CPUs with a task on them now, and since when at least one has: for the time any CPU was busy. */
    private int cpusInUse;
    private long anyBusySince;
    private long anyBusyTotal;
    private long upcalls;
    private Event watchdog;
    /** Whether a CPU asked the policy for a task at the end of this instant and got none while tasks were held. */
    private boolean idleWithWork;
    /** Tasks woken in this instant that did not ask to preempt because a CPU was idle then. */
    private final List<ThreadControlBlock> deferredWakeups = new ArrayList<>();
    private Event tick;

    public Kernel(Workload workload, SchedulerFactory factory, Parameters params, KernelOptions options) {
        this.workload = requireNonNull(workload, "workload is null");
        this.schedulerName = factory.name();
        this.params = requireNonNull(params, "params is null");
        this.options = requireNonNull(options, "options is null");
        this.streams = new org.osim.api.RandomStreams(options.seed());
        this.engine = new Engine();
        this.costs = options.costs();
        this.instructionTime = Math.max(1, costs.memoryInstruction());
        this.starvationBound = 100_000 * instructionTime;
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
        workload.shared().forEach((k, v) -> sharedMemory.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        workload.segments().forEach((name, words) -> {
            java.util.Map<String, long[]> segment = new java.util.LinkedHashMap<>();
            words.forEach((k, v) -> segment.put(k, v.stream().mapToLong(Long::longValue).toArray()));
            segments.put(name, segment);
        });
        this.machineCode = hasMachineCode(workload);
        this.busModel = workload.machine().bus();
        if (workload.machine().bus() && options.cpus() > 64) {
            throw OsimException.badInput("a machine with a bus has at most 64 CPUs, got " + options.cpus());
        }
        this.users = workload.userShares();
        this.policy = createPolicy(factory, params, streams.stream("scheduler"));
        this.interruptEvery = workload.machine().interruptEvery();
        this.interruptRandom = streams.stream("interrupts");
        if (interruptEvery > 0) {
            for (CpuSlot c : cpus) {
                c.interruptIn = nextInterrupt();
            }
        }
        engine.setInstantListener(this::endOfInstant);
        for (org.osim.api.workload.ObjectSpec spec : workload.objects()) {
            createObject(spec);
        }
        if (options.horizon() < Long.MAX_VALUE) {
            engine.setHorizon(options.horizon());
        }
    }

    /** What the kernel's policy and the run-time systems' policies are told alike: time, their random stream, the workload, and metrics. */
    private abstract class PolicyContext implements SchedulerContext {
        private final SplittableRandom random;

        PolicyContext(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public long now() {
            return engine.now();
        }

        @Override
        public SplittableRandom random() {
            return random;
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
    }

    private SchedulerGuard createPolicy(SchedulerFactory factory, Parameters params, SplittableRandom random) {
        SchedulerContext context = new PolicyContext(random) {
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
                ProcessControlBlock p = createProcess(spec.name(), spec.priority(), spec.nice(), spec.user(), spec.tickets(),
                            spec.declaredRuntime(), spec.programs(), spec.threads(), null, spec.periodic().orElse(null), mask,
                            spec.threading());
                if (!spec.messages().isEmpty()) {
                    receiveMessages(p, spec.messages(), spec.popup());
                }
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
                                              long affinity, org.osim.api.workload.ThreadingSpec threading) {
        ProcessControlBlock p = table.add(new ProcessControlBlock(table.nextPid(), name, parent, priority, nice, user,
                tickets, engine.now(), declared, programs));
        p.affinity = affinity;
        p.threading = threading;
        if (threading.userLevel()) {
            p.runtime = createRuntime(p, threading);
        }
        if (parent != null) {
            parent.children.add(p);
            parent.liveChildren++;
        }
        if (listeners.length > 0) {
            trace(new TraceEvent.ProcessCreated(engine.now(), name, parent == null ? "" : parent.name));
        }
        if (machineCode) {
            layOutMemory(p, threads, programs);
        }
        boolean single = threads.size() == 1;
        for (ThreadSpec ts : threads) {
            long threadDeclared = single ? declared : ts.program().cpuNanos();
            createThread(p, ts.name(), "main", ts.program(), threadDeclared, null, periodic);
        }
        if (p.runtime != null) {
            for (VirtualProcessor vp : p.runtime.processors) {
                vp.carrier = createCarrier(p.runtime);
            }
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
        boolean user = p.runtime != null;
        ThreadControlBlock t = table.add(new ThreadControlBlock(this, table.nextTid(), p, name, programName, program.instructions(),
                declared, spawner, engine.now(), user));
        t.times = program.times();
        t.timesLeft = program.times() - 1;
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
        if (user) {
            // A user-level thread: the run-time system's to schedule; the kernel does not know it.
            RuntimeSystem rt = p.runtime;
            rt.liveUserThreads++;
            rt.scheduler.taskNew(t);
            userReady(t, EnqueueReason.NEW);
            return t;
        }
        p.liveThreads++;
        liveThreads++;
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
                // An idle CPU it may run on will take it at the end of the instant — unless another task
                // woken in this instant takes that CPU first: then it is asked again (see endOfInstant).
                deferredWakeups.add(woken);
                return;
            }
        }
        requestWakeupPreemption(woken);
    }

    /** Asks the policy whether {@code woken} should take the CPU it selects from the task running there. */
    private boolean requestWakeupPreemption(ThreadControlBlock woken) {
        CpuSlot c = cpus[policy.selectCpu(woken, Math.max(woken.lastCpu, 0), cpus.length)];
        if (c.current == null || !woken.allowedOn(c.id)) {
            return false;
        }
        if (!c.preemptRequested && policy.preemptOnWakeup(woken, c.current, c)) {
            c.preemptRequested = true;
            c.preemptReason = EnqueueReason.PREEMPTED;
            return true;
        }
        return false;
    }

    /** Accounts the CPU time {@code t} used since its current stretch began, and cancels its pending completion. */
    private void saveState(CpuSlot c, ThreadControlBlock k) {
        long now = engine.now();
        ThreadControlBlock t = running(k);
        if (now > t.segmentStart && t.remaining > 0) {
            long ran = Math.min(now - t.segmentStart, t.remaining);
            account(c, k, t, ran);
        }
        t.segmentStart = now;
        engine.cancel(c.completion);
    }

    /** What kernel thread {@code k} is executing: its own program, or a user thread's. */
    private static ThreadControlBlock running(ThreadControlBlock k) {
        return k.currentUser != null ? k.currentUser : k;
    }

    /** CPU time {@code t} used while kernel thread {@code k} ran on {@code c}; both are charged it. */
    private void account(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, long ran) {
        t.remaining -= ran;
        t.cpuUsed += ran;
        t.turnRan += ran;
        if (t != k) {
            k.cpuUsed += ran;
            k.turnRan += ran;
        }
        c.hw.addBusy(ran);
    }

    private void stopRunning(CpuSlot c, ThreadControlBlock t, StopReason why) {
        long now = engine.now();
        engine.cancel(c.sliceEnd);
        engine.cancel(c.completion);
        c.current = null;
        if (--cpusInUse == 0) {
            anyBusyTotal += now - anyBusySince;
        }
        c.last = t;
        t.cpu = null;
        sliceCount++;
        if (options.recordSlices() && now > c.turnStart && c.turnTask != null) {
            slices.add(new SliceRecord(c.id, c.turnTask, c.turnStart, now));
        }
        if (machineCode && c.turnTask != null) {
            logTurn(c.id, c.turnTask, now - c.turnStart);
        }
        c.turnTask = null;
        if (t.currentUser != null) {
            t.currentUser.cpu = null;
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
        if (t.user) { // woken at user level (join): back to its run-time system
            t.blocked += engine.now() - t.blockedSince;
            userReady(t, EnqueueReason.WAKEUP);
            return;
        }
        t.wakeEvent = null;
        t.ioRequest = null;
        t.interruptible = false;
        if (t.blockedUser != null) {
            activationUnblocked(t);
            return;
        }
        reclaimTickets(t);
        t.blocked += engine.now() - t.blockedSince;
        ThreadControlBlock u = t.currentUser;
        if (u != null && u.state == ThreadState.BLOCKED) {
            // The user thread blocked with its kernel thread, and goes on with it.
            u.blocked += engine.now() - u.blockedSince;
            u.state = ThreadState.RUNNING;
        }
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
            if (t.message != null) {
                t.process.started(t.message, now);
            }
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
        if (cpusInUse++ == 0) {
            anyBusySince = now;
        }
        if (t.lastCpu >= 0 && t.lastCpu != c.id) {
            t.migrations++;
        }
        t.lastCpu = c.id;
        t.turnRan = 0;
        c.turnStart = start;
        c.turnTask = t.currentUser != null ? t.currentUser.name : t.name;
        if (t.currentUser != null) {
            t.currentUser.cpu = c; // a user thread resumes on its kernel thread
            if (switched) {
                t.currentUser.switches++;
            }
        }
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
     * Runs the program of kernel thread {@code k} on {@code c} from time {@code at} (now, or when switching
     * overhead ends): zero-time instructions are carried out at once, until a {@code cpu} instruction is
     * under way or {@code k} leaves the CPU. A carrier runs its user threads' programs instead, switching
     * between them at user level as they yield, join and end.
     */
    private void execute(CpuSlot c, ThreadControlBlock k, long at) {
        long now = engine.now();
        while (true) {
            if (c.current != k) {
                return; // it left the CPU (its process ended, say)
            }
            ThreadControlBlock t = k;
            if (k.carrier()) {
                if (k.currentUser == null) {
                    at = assignUser(c, k, at);
                    if (at < 0) {
                        return;
                    }
                }
                t = k.currentUser;
            }
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
                if (t.frames != null && !t.frames.isEmpty()) {
                    handlerDone(t, true);
                    continue;
                }
                if (t.timesLeft > 0) { // repeat: the program runs again from the top
                    t.timesLeft--;
                    t.pc = 0;
                    continue;
                }
                if (t.user) {
                    userThreadEnds(c, k, t);
                    continue;
                }
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
            if (t.codeOf == t.program && t.code[t.pc] != null) { // first: the hottest, one per instruction time
                if (!machineInstruction(t, t.code[t.pc++])) {
                    return;
                }
                continue;
            }
            if (t.signalsDue != null && !t.signalsDue.isEmpty() && !t.user) {
                runHandler(t); // a caught signal cleared codeOf, so that the fast path above lets it come here
                continue;
            }
            Instruction in = t.program.get(t.pc++);
            if (in instanceof Instruction.Machine) { // the first of its program: decode it, then run it
                decode(t);
                if (!machineInstruction(t, t.code[t.pc - 1])) {
                    return;
                }
            } else if (in instanceof Instruction.Compute cpu) {
                t.remaining = cpu.nanos();
            } else if (in instanceof Instruction.Io io && inAsyncHandler(t)) {
                at = systemCall(c, now);
                asyncCall(t, io.nanos(), io.device());
            } else if (in instanceof Instruction.Sleep sleep && inAsyncHandler(t)) {
                at = systemCall(c, now);
                asyncCall(t, sleep.nanos(), java.util.Optional.empty());
            } else if (in instanceof Instruction.Serve serve) {
                if (!serve(c, k, t, serve.async())) {
                    return;
                }
            } else if (in instanceof Instruction.Io io) {
                systemCall(c, now);
                ThreadControlBlock waiter = blockInKernel(c, k, t, io.device().map(d -> "io " + d).orElse("io"));
                pendingWakeups++;
                Runnable done = () -> {
                    pendingWakeups--;
                    wake(waiter);
                };
                if (io.device().isPresent()) {
                    waiter.ioRequest = machine.device(io.device().get()).submit(io.nanos(), done);
                } else {
                    waiter.wakeEvent = engine.at(now + io.nanos(), EventRank.WAKEUP, done);
                }
                return;
            } else if (in instanceof Instruction.Sleep sleep) {
                systemCall(c, now);
                ThreadControlBlock waiter = blockInKernel(c, k, t, "sleep");
                waiter.interruptible = true;
                pendingWakeups++;
                long alarm = now + sleep.nanos();
                t.process.nextAlarm = alarm;
                waiter.wakeEvent = engine.at(alarm, EventRank.WAKEUP, () -> {
                    pendingWakeups--;
                    if (waiter.process.nextAlarm == alarm) {
                        waiter.process.nextAlarm = -1;
                    }
                    wake(waiter);
                });
                return;
            } else if (in instanceof Instruction.Yield) {
                if (t.user) { // thread_yield in the run-time system: no kernel call
                    userDeschedule(k, t, StopReason.YIELDED);
                    userReady(t, EnqueueReason.YIELDED);
                    continue;
                }
                systemCall(c, now);
                stopRunning(c, t, StopReason.YIELDED);
                makeReady(t, EnqueueReason.YIELDED);
                return;
            } else if (in instanceof Instruction.ThreadExit) {
                if (t.user) {
                    userThreadEnds(c, k, t);
                    continue;
                }
                stopRunning(c, t, StopReason.EXITED);
                finishThread(t);
                return;
            } else if (in instanceof Instruction.Exit exit) {
                terminate(t.process, Termination.exit(exit.code()));
                return;
            } else if (in instanceof Instruction.Fault fault) {
                terminate(t.process, Termination.fatal(fault.kind()));
                return;
            } else if (in instanceof Instruction.SendSignal send) {
                at = systemCall(c, now);
                sendSignal(t, send);
                if (c.current != k || t.state == ThreadState.TERMINATED) {
                    return; // it signalled itself (or its group) to death
                }
            } else if (in instanceof Instruction.Handle handle) {
                at = systemCall(c, now);
                t.process.signals().handle(handle, t.program);
            } else if (in instanceof Instruction.MaskSignal mask) {
                at = systemCall(c, now);
                ProcessSignals ps = t.process.signals();
                if (mask.block()) {
                    ps.blocked |= ProcessSignals.bit(mask.signal());
                } else {
                    ps.blocked &= ~ProcessSignals.bit(mask.signal());
                    deliverPending(t.process);
                    if (c.current != k) {
                        return; // a pending signal's default action ended it
                    }
                }
            } else if (in instanceof Instruction.Pause) {
                at = systemCall(c, now);
                if (t.signalsDue == null || t.signalsDue.isEmpty()) {
                    ThreadControlBlock waiter = blockInKernel(c, k, t, "pause");
                    waiter.interruptible = true;
                    return;
                }
            } else if (in instanceof Instruction.SigReturn) {
                if (t.signalFrames == null || t.signalFrames.isEmpty()) {
                    terminate(t.process, Termination.fatal("sigreturn outside a signal handler"));
                    return;
                }
                ThreadControlBlock.SignalFrame f = t.signalFrames.pop();
                t.program = f.program();
                t.pc = f.pc();
                t.registers = f.registers();
                t.zero = f.zero();
                t.less = f.less();
                t.timesLeft = f.timesLeft();
                t.process.signals().blocked = f.blocked();
                deliverPending(t.process);
                if (c.current != k) {
                    return; // a pending signal's default action ended it
                }
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
                if (!t.user) {
                    at = systemCall(c, now); // a user-level library call needs no kernel
                }
                Program program = t.process.programs.get(spawn.program());
                if (program == null) {
                    terminate(t.process, Termination.fatal("spawn of unknown program " + spawn.program()));
                    return;
                }
                createThread(t.process, t.process.nextThreadName(spawn.program()), spawn.program(), program,
                        program.cpuNanos(), t);
            } else if (in instanceof Instruction.Join join) {
                if (!t.user) {
                    at = systemCall(c, now);
                }
                WaitQueue on = null;
                String what = "join";
                if (join.program().isEmpty()) {
                    if (t.liveChildren > 0) {
                        on = t.childrenDone();
                    }
                } else {
                    ThreadControlBlock child = null;
                    for (ThreadControlBlock kid : t.children) {
                        if (kid.programName.equals(join.program().get())) {
                            child = kid;
                        }
                    }
                    if (child != null && child.state != ThreadState.TERMINATED) {
                        on = child.joiners();
                        what = "join " + child.name;
                    }
                }
                if (on != null) {
                    if (t.user) {
                        userBlock(k, t, on, what);
                        continue;
                    }
                    sleepOn(c, t, on, what);
                    lendTickets(t);
                    return;
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
                ProcessControlBlock forked = createProcess(child, p.priority, p.nice, p.user, p.tickets, program.cpuNanos(), p.programs,
                        List.of(new ThreadSpec(child, program)), p, null, p.affinity, p.threading); // inherited, as with fork(2)
                if (p.attached != null) {
                    forked.attached = new java.util.LinkedHashSet<>(p.attached); // so are its attached segments
                }
            } else if (in instanceof Instruction.Attach attach) {
                at = systemCall(c, now);
                if (!attach(t, attach.segment(), true)) {
                    return;
                }
            } else if (in instanceof Instruction.Detach detach) {
                at = systemCall(c, now);
                if (!attach(t, detach.segment(), false)) {
                    return;
                }
            } else if (in instanceof Instruction.Wait) {
                at = systemCall(c, now);
                ProcessControlBlock p = t.process;
                if (!p.unreaped.isEmpty()) {
                    reap(p, p.unreaped.pollFirst());
                } else if (p.liveChildren > 0) {
                    ThreadControlBlock waiter = blockInKernel(c, k, t, "wait");
                    p.childWait().add(waiter);
                    lendTickets(waiter);
                    return;
                }
            } else if (in instanceof Instruction.SetPriority sp) {
                at = systemCall(c, now);
                ProcessControlBlock self = t.process;
                ProcessControlBlock target = sp.process().equals("self") ? self
                        : table.process(sp.process()).filter(q -> q.parent == self).orElse(null);
                if (target != null && target.alive()) {
                    setPriority(target, sp.priority()); // for itself: it leaves the CPU at the end of the instant
                }
            } else if (in instanceof Instruction.Processors want) {
                at = systemCall(c, now);
                if (k.carrier() && k.runtime.activations()) {
                    setProcessors(k.runtime, want.count());
                }
            } else if (in instanceof Instruction.Word) {
                continue; // laid out when the process was created
            } else if (in instanceof Instruction.WaitFor w) {
                at = systemCall(c, now);
                if (!waitFor(c, k, t, w)) {
                    return;
                }
            } else if (in instanceof Instruction.Call call) {
                if (t.spinningOn == null) { // another try of a spinning call is not another system call
                    at = systemCall(c, now);
                }
                if (!callObject(c, k, t, call)) {
                    return;
                }
            } else {
                throw new IllegalStateException("unknown instruction " + in);
            }
        }
    }

    private static boolean inAsyncHandler(ThreadControlBlock t) {
        return t.frames != null && !t.frames.isEmpty() && t.frames.peek().async();
    }

    /** Charges a system call's cost on {@code c}; returns when the CPU is free again. */
    private long systemCall(CpuSlot c, long now) {
        return costs.systemCall() > 0 ? c.hw.chargeOverhead(now, costs.systemCall()) : now;
    }

    private void onCompletion(CpuSlot c) {
        ThreadControlBlock k = c.current;
        ThreadControlBlock t = running(k);
        long now = engine.now();
        if (now > t.segmentStart && t.remaining > 0) {
            account(c, k, t, Math.min(now - t.segmentStart, t.remaining));
        }
        t.segmentStart = now;
        execute(c, k, now);
    }

    /**
     * The clock interrupt that ends a slice, as in Tanenbaum Fig. 2-5: the running task's state is saved
     * (its CPU time accounted), the interrupt's entry and exit are charged to the CPU as overhead, and the
     * task goes back to the policy; the scheduler is called and the next task dispatched at the end of the
     * instant.
     */
    private void onSliceEnd(CpuSlot c) {
        ThreadControlBlock t = c.current;
        if (interruptsOff(t)) {
            // The clock interrupt waits for sti: the thread runs on, with no slice end ahead.
            withInterruptsOff(t).preemptionHeld = true;
            saveState(c, t);
            c.sliceEndAt = Long.MAX_VALUE;
            execute(c, t, engine.now());
            return;
        }
        saveState(c, t);
        if (costs.interrupt() > 0) {
            c.hw.chargeOverhead(engine.now(), costs.interrupt());
        }
        stopRunning(c, t, StopReason.SLICE_EXPIRED);
        if (t.carrier()) {
            carrierPreempted(c, t);
        }
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
        if (cpusInUse > 0) {
            anyBusyTotal += now - anyBusySince;
            anyBusySince = now;
        }
        for (CpuSlot c : cpus) {
            ThreadControlBlock t = c.current;
            if (t != null) {
                saveState(c, t);
                if (options.recordSlices() && now > c.turnStart && c.turnTask != null) {
                    slices.add(new SliceRecord(c.id, c.turnTask, c.turnStart, now));
                }
            }
        }
    }

    // ---------------------------------------------------------------- the end of an instant

    /** Whether the thread on a CPU (or the user-level thread its kernel thread runs) has interrupts off. */
    private static boolean interruptsOff(ThreadControlBlock k) {
        return withInterruptsOff(k) != null;
    }

    /** The thread running on kernel thread {@code k} (itself, or its user-level thread) that has interrupts off; else null. */
    private static ThreadControlBlock withInterruptsOff(ThreadControlBlock k) {
        if (k == null) {
            return null;
        }
        if (k.currentUser != null && k.currentUser.interruptsOff) {
            return k.currentUser;
        }
        return k.interruptsOff ? k : null;
    }

    private void endOfInstant(long now) {
        preemptAndPick(now);
        // Tasks woken in this instant that found an idle CPU did not ask to preempt anyone; if others took
        // those CPUs first, a woken task may now wait behind a less important running one (global RM: two
        // jobs released at once, one idle CPU). It asks now, as it would have had no CPU been idle.
        for (int round = deferredWakeups.size(); round > 0 && !deferredWakeups.isEmpty(); round--) {
            boolean requested = false;
            List<ThreadControlBlock> woken = new ArrayList<>(deferredWakeups);
            deferredWakeups.clear();
            for (ThreadControlBlock t : woken) {
                if (t.held && t.state == ThreadState.READY && !t.user) {
                    requested |= requestWakeupPreemption(t);
                }
            }
            if (!requested) {
                break;
            }
            preemptAndPick(now);
        }
        deferredWakeups.clear();
        if (idleWithWork && held > 0) {
            armWatchdog(now);
        } else {
            idleWithWorkSince = -1;
        }
        if (liveThreads == 0 && pendingArrivals == 0) {
            engine.stop();
        } else if (held == 0 && pendingWakeups == 0 && pendingArrivals == 0 && cpusInUse == 0 && !objectTimerMayWake()) {
            if (violations.stream().noneMatch(v -> v.kind().equals("deadlock"))) {
                reportDeadlock(now);
            }
            engine.stop();
        }
    }

    /** Empties the CPUs whose task must give way, then lets every idle CPU ask the policy for a task, in CPU order. */
    private void preemptAndPick(long now) {
        for (CpuSlot c : cpus) {
            if (c.preemptRequested && interruptsOff(c.current)) {
                c.preemptRequested = false;
                withInterruptsOff(c.current).preemptionHeld = true; // no interrupt gets through until sti
            }
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
                    if (t.carrier()) {
                        carrierPreempted(c, t);
                    }
                    c.preemptedCandidate = t;
                    makeReady(t, why);
                }
            }
        }
        idleWithWork = false;
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
    }

    /** Whether an object's timer is pending while someone waits on that object (a timer can wake only its own waiters). */
    private boolean objectTimerMayWake() {
        for (KernelObjectEntry o : objects.values()) {
            if (o.timers > 0 && (!o.dispatcherWaits.isEmpty() || o.queues.stream().anyMatch(q -> !q.isEmpty()))) {
                return true;
            }
        }
        return false;
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
                ThreadControlBlock who = t.currentUser != null ? t.currentUser : t;
                String on = t.waitingOn != null ? t.waitingOn.name()
                        : who.dispatcherWait != null ? who.dispatcherWait.label
                        : t.objectWait != null ? t.objectWait.name() : t.currentUser != null && t.currentUser.objectWait != null
                        ? t.currentUser.objectWait.name() : "an event";
                detail.append(t.name).append(" waits for ").append(on);
            }
        }
        violations.add(new Violation("deadlock", now, stuck,
                "every live thread is blocked and nothing can wake them: " + detail, scheduleSoFar()));
    }

    // ---------------------------------------------------------------- kernel objects

    private void createObject(org.osim.api.workload.ObjectSpec spec) {
        org.osim.api.object.KernelObjectFactory f = options.objectTypes().apply(spec.type());
        KernelObjectEntry o = new KernelObjectEntry(spec.name(), f);
        o.turnstiles = turnstiles;
        Parameters params = Parameters.resolve("kernel object '" + spec.name() + "' (" + f.type() + ")", f.parameters(), spec.params());
        SplittableRandom random = streams.stream("object[" + spec.name() + "]");
        org.osim.api.object.ObjectContext context = new org.osim.api.object.ObjectContext() {
            @Override
            public long now() {
                return engine.now();
            }

            @Override
            public SplittableRandom random() {
                return random;
            }

            @Override
            public org.osim.api.object.WaitQueue waitQueue(String name, org.osim.api.object.QueueOrder order) {
                ObjectWaitQueue q = new ObjectWaitQueue(o, name, order, true);
                o.queues.add(q);
                return q;
            }

            @Override
            public org.osim.api.object.WaitQueue conditionQueue(String name) {
                ObjectWaitQueue q = new ObjectWaitQueue(o, name, org.osim.api.object.QueueOrder.FIFO, false);
                o.queues.add(q);
                return q;
            }

            @Override
            public void requeue(org.osim.api.object.WaitQueue from, org.osim.api.object.ThreadRef thread,
                                org.osim.api.object.WaitQueue to) {
                ObjectWaitQueue src = (ObjectWaitQueue) from;
                ObjectWaitQueue.Entry e = src.entryOf((ThreadControlBlock) thread);
                if (e == null) {
                    throw new IllegalArgumentException(thread.name() + " is not waiting in " + from.name());
                }
                src.remove(e);
                ObjectWaitQueue.Entry moved = ((ObjectWaitQueue) to).adopt(e);
                moved.timeout = e.timeout;
                if (o.inheriting) {
                    lendPriority(o, new java.util.HashSet<>());
                }
            }

            @Override
            public void inheritPriority() {
                o.inheriting = true;
            }

            @Override
            public java.util.Optional<org.osim.api.object.ThreadRef> wakeOne(org.osim.api.object.WaitQueue queue, long value) {
                ObjectWaitQueue.Entry e = ((ObjectWaitQueue) queue).next();
                if (e == null) {
                    return java.util.Optional.empty();
                }
                objectWake((ObjectWaitQueue) queue, e, value);
                return java.util.Optional.of(e.caller);
            }

            @Override
            public int wakeAll(org.osim.api.object.WaitQueue queue, long value) {
                int n = 0;
                for (ObjectWaitQueue.Entry e; (e = ((ObjectWaitQueue) queue).next()) != null; n++) {
                    objectWake((ObjectWaitQueue) queue, e, value);
                }
                return n;
            }

            @Override
            public void wake(org.osim.api.object.WaitQueue queue, org.osim.api.object.ThreadRef thread, long value) {
                ObjectWaitQueue q = (ObjectWaitQueue) queue;
                ObjectWaitQueue.Entry e = q.entryOf((ThreadControlBlock) thread);
                if (e == null) {
                    throw new IllegalArgumentException(thread.name() + " is not waiting in " + queue.name());
                }
                objectWake(q, e, value);
            }

            @Override
            public void acquired(org.osim.api.object.ThreadRef thread) {
                o.holders.putIfAbsent((ThreadControlBlock) thread, engine.now());
                o.acquisitions++;
                o.queues.forEach(Kernel.this::lendFromWaiters);
                if (o.inheriting) {
                    lendPriority(o, new java.util.HashSet<>());
                }
            }

            @Override
            public void released(org.osim.api.object.ThreadRef thread) {
                Long since = o.holders.remove((ThreadControlBlock) thread);
                if (since != null) {
                    o.holdTime += engine.now() - since;
                }
                if (o.inheriting) {
                    inheritedPriority((ThreadControlBlock) thread, new java.util.HashSet<>());
                }
            }

            @Override
            public void acquired(org.osim.api.object.ThreadRef thread, org.osim.api.object.WaitQueue queue) {
                ((ObjectWaitQueue) queue).holders.putIfAbsent((ThreadControlBlock) thread, engine.now());
                o.acquisitions++;
                lendFromWaiters((ObjectWaitQueue) queue);
            }

            @Override
            public void released(org.osim.api.object.ThreadRef thread, org.osim.api.object.WaitQueue queue) {
                Long since = ((ObjectWaitQueue) queue).holders.remove((ThreadControlBlock) thread);
                if (since != null) {
                    o.holdTime += engine.now() - since;
                }
            }

            @Override
            public void setPriority(org.osim.api.object.ThreadRef thread, int priority) {
                changeThreadPriority((ThreadControlBlock) thread, priority);
            }

            @Override
            public void signalled() {
                dispatcherSignalled(o);
            }

            @Override
            public long load(org.osim.api.object.ThreadRef thread, String word) {
                return userWord((ThreadControlBlock) thread, word);
            }

            @Override
            public void onProcessExit(String process, Runnable action) {
                requireNonNull(action, "action is null");
                if (workload.processes().stream().noneMatch(p -> p.name().equals(process))) {
                    throw new IllegalArgumentException("no process '" + process + "' in the workload");
                }
                exitWatchers.computeIfAbsent("process " + process, x -> new ArrayList<>()).add(() -> guardObject(o, "a process exit", () -> {
                    action.run();
                    return null;
                }));
            }

            @Override
            public void onThreadExit(String thread, Runnable action) {
                requireNonNull(action, "action is null");
                int dot = thread.lastIndexOf('.');
                String process = dot < 0 ? thread : thread.substring(0, dot);
                if (workload.processes().stream().noneMatch(p -> p.name().equals(process))) {
                    throw new IllegalArgumentException("no thread '" + thread + "' in the workload (name it PROCESS.THREAD)");
                }
                exitWatchers.computeIfAbsent("thread " + thread, x -> new ArrayList<>()).add(() -> guardObject(o, "a thread exit", () -> {
                    action.run();
                    return null;
                }));
            }

            @Override
            public boolean isRunning(org.osim.api.object.ThreadRef thread) {
                ThreadControlBlock t = (ThreadControlBlock) thread;
                return t.cpu != null && t.state != ThreadState.TERMINATED;
            }

            @Override
            public void count(String counter, long delta) {
                o.counters.merge(requireNonNull(counter, "counter is null"), delta, Long::sum);
            }

            @Override
            public void countMax(String counter, long value) {
                o.counters.merge(requireNonNull(counter, "counter is null"), value, Math::max);
            }

            @Override
            public void countTime(String counter, long nanos) {
                o.times.merge(requireNonNull(counter, "counter is null"), nanos, Long::sum);
            }

            @Override
            public void countMaxTime(String counter, long nanos) {
                o.times.merge(requireNonNull(counter, "counter is null"), nanos, Math::max);
            }

            @Override
            public void note(String what) {
                if (listeners.length > 0) {
                    trace(new TraceEvent.ObjectNote(engine.now(), o.name, what));
                }
            }

            @Override
            public TimerHandle at(long time, Runnable action) {
                Event e = Event.of(EventRank.POLICY_TIMER, () -> {
                    o.timers--;
                    guardObject(o, "a timer", () -> {
                        action.run();
                        return null;
                    });
                });
                o.timers++;
                engine.schedule(e, Math.max(time, engine.now()));
                return () -> {
                    if (engine.cancel(e)) {
                        o.timers--;
                    }
                };
            }
        };
        o.object = guardObject(o, "create", () -> {
            try {
                return requireNonNull(f.create(spec.name(), params, context), "create returned null");
            } catch (IllegalArgumentException e) { // a parameter the type could only check against the workload
                throw spec.at().map(w -> OsimException.badInput(w, "kernel object '" + spec.name() + "': " + e.getMessage()))
                        .orElseGet(() -> OsimException.badInput("kernel object '" + spec.name() + "': " + e.getMessage()));
            }
        });
        if (f.waitable() && !(o.object instanceof org.osim.api.object.Waitable)) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel object type '" + f.type()
                    + "' says it is waitable, but its objects do not implement Waitable");
        }
        objects.put(spec.name(), o);
    }

    /** Runs a call into an object plugin; an exception from it ends the run naming the object and its type. */
    private <T> T guardObject(KernelObjectEntry o, String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OsimException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel object '" + o.name + "' (type '" + o.factory.type()
                    + "') failed in " + what + " at " + SimTime.formatMillis(engine.now()) + " ms: threw " + e, e);
        }
    }

    /**
     * {@code call object.op args}: the object decides; the kernel carries out its outcome. Returns false if
     * the caller left the CPU (it blocked, or its process ended).
     */
    // ---------------------------------------------------------------- signals

    /** Code a thread woken from an interruptible wait by a caught signal gets in r0 (Linux's EINTR). */
    static final long INTERRUPTED = -4;

    /** {@code signal SIG TARGET} from {@code t}: to a process, itself, or every live process of a group. */
    private void sendSignal(ThreadControlBlock t, Instruction.SendSignal send) {
        String target = send.target();
        List<ProcessControlBlock> to = new ArrayList<>();
        if (target.equals("self")) {
            to.add(t.process);
        } else if (target.startsWith("group:")) {
            table.process(target.substring("group:".length())).ifPresent(leader -> {
                for (ProcessControlBlock p : table.processes()) {
                    if (p.processGroup == leader.processGroup) {
                        to.add(p);
                    }
                }
            });
        } else {
            table.process(target).ifPresent(to::add);
        }
        for (ProcessControlBlock p : to) {
            signal(p, send.signal(), t.process.name);
        }
    }

    /**
     * Posts {@code sig} to {@code p}: SIGKILL ends it; an ignored signal is dropped; a blocked one waits,
     * pending; otherwise it is delivered — its handler will run, or its default action is taken now.
     */
    private void signal(ProcessControlBlock p, org.osim.api.program.Signal sig, String from) {
        if (!p.alive()) {
            return;
        }
        ProcessSignals ps = p.signals();
        ps.sent++;
        if (sig.catchable() && ps.ignores(sig)) {
            ps.ignored++;
            return;
        }
        if (sig.catchable() && (ps.blocked & ProcessSignals.bit(sig)) != 0) {
            ps.pending |= ProcessSignals.bit(sig);
            ps.pendingFrom.put(sig, from);
            return;
        }
        deliver(p, sig, from);
    }

    private void deliver(ProcessControlBlock p, org.osim.api.program.Signal sig, String from) {
        ProcessSignals ps = p.signals();
        ProcessSignals.Handler h = sig.catchable() ? ps.handlers.get(sig) : null;
        if (h == null) {
            terminate(p, Termination.signalled(sig.name(), sig.number(), from));
            return;
        }
        ThreadControlBlock t = null;
        for (ThreadControlBlock x : p.threads) {
            if (x.state != ThreadState.TERMINATED && !x.carrier()) {
                t = x;
                break;
            }
        }
        if (t == null) {
            return;
        }
        if (t.signalsDue == null) {
            t.signalsDue = new java.util.ArrayDeque<>();
        }
        if (t.signalsDue.contains(sig)) {
            ps.merged++; // signals do not queue: one still waiting to be handled stands for both
            return;
        }
        ps.caught++;
        t.signalsDue.add(sig);
        t.codeOf = null; // off the fast path of machine instructions: its next step is the handler
        if (t.state == ThreadState.BLOCKED && t.interruptible) {
            interrupt(t);
        } else if (t.state == ThreadState.BLOCKED && t.objectWait != null) {
            interruptObjectWait(t);
        }
        // Running or ready: the handler runs before its next instruction. In I/O, join or wait: when it wakes.
    }

    /** Delivers the signals pending for {@code p} that are no longer blocked, lowest number first. */
    private void deliverPending(ProcessControlBlock p) {
        ProcessSignals ps = p.signals();
        for (org.osim.api.program.Signal sig : org.osim.api.program.Signal.values()) {
            long b = ProcessSignals.bit(sig);
            if ((ps.pending & b) != 0 && (ps.blocked & b) == 0 && p.alive()) {
                ps.pending &= ~b;
                deliver(p, sig, ps.pendingFrom.remove(sig));
            }
        }
    }

    /** A sleep or pause ends early for a caught signal: the call returns -4. */
    private void interrupt(ThreadControlBlock t) {
        t.interruptible = false;
        if (t.wakeEvent != null) {
            engine.cancel(t.wakeEvent);
            pendingWakeups--;
            t.process.nextAlarm = -1;
        }
        result(t, INTERRUPTED);
        wake(t);
    }

    /** A wait in a kernel object ends for a caught signal, as a time-out would: the call returns -4. */
    private void interruptObjectWait(ThreadControlBlock t) {
        ObjectWaitQueue q = t.objectWait;
        ObjectWaitQueue.Entry e = q.entryOf(t);
        if (e == null) {
            return;
        }
        if (e.timeout != null && engine.cancel(e.timeout)) {
            pendingWakeups--;
        }
        q.remove(e);
        KernelObjectEntry o = q.object;
        result(t, INTERRUPTED);
        accountWait(o, e);
        guardObject(o, "timedOut", () -> {
            o.object.timedOut(t, q);
            return null;
        });
        wake(e.blocked);
    }

    /** Runs the handler of {@code t}'s next due signal: the interrupted context is saved for sigreturn. */
    private void runHandler(ThreadControlBlock t) {
        org.osim.api.program.Signal sig = t.signalsDue.poll();
        ProcessSignals.Handler h = t.process.signals().handlers.get(sig);
        if (h == null) { // the handler was removed since the signal was delivered: its disposition now applies
            if (!t.process.signals().ignores(sig)) {
                terminate(t.process, Termination.signalled(sig.name(), sig.number(), "a handler since removed"));
            }
            return;
        }
        if (t.signalFrames == null) {
            t.signalFrames = new java.util.ArrayDeque<>();
        }
        ProcessSignals ps = t.process.signals();
        t.signalFrames.push(new ThreadControlBlock.SignalFrame(t.program, t.pc,
                t.registers == null ? null : t.registers.clone(), t.zero, t.less, t.timesLeft, ps.blocked));
        ps.blocked |= ProcessSignals.bit(sig); // as sigaction does: the same signal waits until the handler returns
        t.program = h.program();
        t.pc = h.target();
        t.timesLeft = 0;
    }

    /** A register named in a system call's argument, as a whole word: r3, or the r3 of 'r3:-1'. */
    private static final java.util.regex.Pattern REGISTER_ARGUMENT = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])r([0-7])(?![A-Za-z0-9_])");

    private boolean callObject(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Call call) {
        KernelObjectEntry o = objects.get(call.object());
        if (o == null) {
            terminate(t.process, Termination.fatal("bad system call: no kernel object '" + call.object() + "'"));
            return false;
        }
        long timeout = Long.MAX_VALUE;
        List<String> args = new ArrayList<>(call.arguments().size());
        for (String a : call.arguments()) {
            if (a.startsWith("timeout=")) { // the kernel's, for any blocking operation
                timeout = SimTime.parse(a.substring("timeout=".length()));
            } else if (a.indexOf('r') >= 0 && REGISTER_ARGUMENT.matcher(a).find()) {
                // A system call's arguments are passed in registers: r3 (or the r3 of 'r3:-1') is the value r3 holds.
                java.util.regex.Matcher m = REGISTER_ARGUMENT.matcher(a);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(b, String.valueOf(t.registers == null ? 0 : t.registers[m.group(1).charAt(0) - '0']));
                }
                args.add(m.appendTail(b).toString());
            } else {
                args.add(a);
            }
        }
        if (t.spinningOn == null) {
            o.operations++;
        }
        org.osim.api.object.Invocation inv = new org.osim.api.object.Invocation(call.operation(), args, t);
        org.osim.api.object.Outcome out = guardObject(o, call.operation(), () -> {
            try {
                return o.object.invoke(inv);
            } catch (IllegalArgumentException e) {
                return org.osim.api.object.Outcome.fail(e.getMessage());
            }
        });
        if (out instanceof org.osim.api.object.Outcome.Spin spin) {
            ObjectWaitQueue q = (ObjectWaitQueue) spin.queue();
            boolean first = t.spinningOn == null;
            t.spinningOn = q;
            t.pc--; // the same call again, after the spin
            t.remaining = spin.nanos();
            if (first && q.waitsForHolders && checkWaitForCycle(t, q)) {
                Violation v = violations.remove(violations.size() - 1);
                violations.add(new Violation(v.kind(), v.time(), v.threads(), v.detail()
                        + "; " + t.name + " spins, and spinners never give up: the run stops here", v.schedule()));
                engine.stop();
                return false;
            }
            return true;
        }
        t.spinningOn = null;
        if (out instanceof org.osim.api.object.Outcome.Done done) {
            result(t, done.value());
            return true;
        }
        if (out instanceof org.osim.api.object.Outcome.Fail f) {
            terminate(t.process, Termination.fatal(call.object() + "." + call.operation() + ": " + f.reason()));
            return false;
        }
        org.osim.api.object.Outcome.Block b = (org.osim.api.object.Outcome.Block) out;
        ObjectWaitQueue q = (ObjectWaitQueue) b.queue();
        o.blocks++;
        long wait = Math.min(b.timeoutNanos(), timeout);
        ThreadControlBlock waiter = blockInKernel(c, k, t, call.object() + "." + call.operation());
        ObjectWaitQueue.Entry e = q.add(t, waiter, engine.now());
        lendTickets(waiter);
        if (wait != Long.MAX_VALUE) {
            pendingWakeups++;
            e.timeout = engine.at(engine.now() + wait, EventRank.WAKEUP, () -> {
                pendingWakeups--;
                if (q.entryOf(t) == e) {
                    q.remove(e);
                    o.timeouts++;
                    result(t, TIMED_OUT);
                    accountWait(o, e);
                    guardObject(o, "timedOut", () -> {
                        o.object.timedOut(t, q);
                        return null;
                    });
                    wake(e.blocked);
                }
            });
        }
        if (q.waitsForHolders) {
            checkWaitForCycle(t, q);
            if (o.inheriting) {
                lendPriority(o, new java.util.HashSet<>());
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- dispatcher objects (waitfor)

    /** {@code waitfor}: satisfied now, or the caller sleeps until it is (or its time-out). Returns false if it left the CPU. */
    private boolean waitFor(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.WaitFor w) {
        List<KernelObjectEntry> objs = new ArrayList<>(w.objects().size());
        for (String name : w.objects()) {
            KernelObjectEntry o = objects.get(name);
            if (o == null || !(o.object instanceof org.osim.api.object.Waitable)) {
                terminate(t.process, Termination.fatal("bad system call: no dispatcher object '" + name + "'"));
                return false;
            }
            o.operations++;
            objs.add(o);
        }
        DispatcherWait d = new DispatcherWait(t, objs, w.all(), engine.now(), w.toString());
        if (trySatisfy(d)) {
            return true;
        }
        for (KernelObjectEntry o : objs) {
            o.blocks++;
            o.dispatcherWaits.add(d);
        }
        d.blocked = blockInKernel(c, k, t, w.toString());
        t.dispatcherWait = d;
        if (w.timeoutNanos() != Long.MAX_VALUE) {
            pendingWakeups++;
            d.timeout = engine.at(engine.now() + w.timeoutNanos(), EventRank.WAKEUP, () -> {
                pendingWakeups--;
                d.timeout = null;
                if (!d.done) {
                    for (KernelObjectEntry o : d.objects) {
                        o.timeouts++;
                    }
                    result(t, TIMED_OUT);
                    endDispatcherWait(d);
                    wake(d.blocked);
                }
            });
        }
        return false;
    }

    private static org.osim.api.object.Waitable waitable(KernelObjectEntry o) {
        return (org.osim.api.object.Waitable) o.object;
    }

    /** Satisfies {@code d} if it can be: any — the first signalled object, in the order named; all — all of them at once. */
    private boolean trySatisfy(DispatcherWait d) {
        ThreadControlBlock t = d.caller;
        if (d.all) {
            for (KernelObjectEntry o : d.objects) {
                if (!guardObject(o, "isSignalled", () -> waitable(o).isSignalled(t))) {
                    return false;
                }
            }
            for (KernelObjectEntry o : d.objects) {
                guardObject(o, "satisfy", () -> {
                    waitable(o).satisfy(t);
                    return null;
                });
            }
            result(t, 0);
            return true;
        }
        for (int i = 0; i < d.objects.size(); i++) {
            KernelObjectEntry o = d.objects.get(i);
            if (guardObject(o, "isSignalled", () -> waitable(o).isSignalled(t))) {
                guardObject(o, "satisfy", () -> {
                    waitable(o).satisfy(t);
                    return null;
                });
                result(t, i); // WAIT_OBJECT_0 + i: which one it got
                return true;
            }
        }
        return false;
    }

    /** The waitfor {@code d} is over (satisfied, timed out, or its thread ended): it leaves every list. */
    private void endDispatcherWait(DispatcherWait d) {
        d.done = true;
        d.caller.dispatcherWait = null;
        long waited = engine.now() - d.since;
        for (KernelObjectEntry o : d.objects) {
            o.dispatcherWaits.remove(d);
            o.totalWait += waited;
            o.worstWait = Math.max(o.worstWait, waited);
        }
        if (d.timeout != null && engine.cancel(d.timeout)) {
            pendingWakeups--;
        }
        d.timeout = null;
    }

    private final Turnstiles turnstiles = new Turnstiles(this::objectNote);

    private void objectNote(KernelObjectEntry o, String what) {
        if (listeners.length > 0) {
            trace(new TraceEvent.ObjectNote(engine.now(), o.name, what));
        }
    }

    /** What kernel objects asked to be told when a process or thread ends ("process A", "thread A.t"). */
    private final java.util.Map<String, List<Runnable>> exitWatchers = new java.util.HashMap<>();

    private void exited(String what) {
        if (!exitWatchers.isEmpty()) {
            List<Runnable> watchers = exitWatchers.remove(what);
            if (watchers != null) {
                watchers.forEach(Runnable::run);
            }
        }
    }

    private final java.util.ArrayDeque<KernelObjectEntry> signalledObjects = new java.util.ArrayDeque<>();
    private boolean satisfying;

    /**
     * Object {@code o} may be signalled: the waits for it are satisfied in the order they began, while
     * they can be. Satisfying one may signal another object; that is done after, not inside.
     */
    private void dispatcherSignalled(KernelObjectEntry o) {
        signalledObjects.add(o);
        if (satisfying) {
            return;
        }
        satisfying = true;
        try {
            for (KernelObjectEntry next; (next = signalledObjects.poll()) != null; ) {
                for (DispatcherWait d : new ArrayList<>(next.dispatcherWaits)) {
                    if (!d.done && trySatisfy(d)) {
                        endDispatcherWait(d);
                        wake(d.blocked);
                    }
                }
            }
        } finally {
            satisfying = false;
        }
    }

    /**
     * Priority inheritance, done by the kernel for objects that ask for it: each holder of {@code o} gets
     * the priority its waiters lend it, and a holder that waits in turn lends it on (chained inheritance).
     */
    private void lendPriority(KernelObjectEntry o, java.util.Set<KernelObjectEntry> seen) {
        if (!seen.add(o)) {
            return;
        }
        for (ThreadControlBlock holder : new ArrayList<>(o.holders.keySet())) {
            inheritedPriority(holder, seen);
        }
    }

    /** Recomputes {@code t}'s priority: its own, or what the waiters of inheriting objects it holds lend it. */
    private void inheritedPriority(ThreadControlBlock t, java.util.Set<KernelObjectEntry> seen) {
        int p = t.basePriority();
        for (KernelObjectEntry o : objects.values()) {
            if (o.inheriting && o.holders.containsKey(t)) {
                for (ObjectWaitQueue q : o.queues) {
                    if (q.waitsForHolders) {
                        for (ObjectWaitQueue.Entry e : q.entries()) {
                            p = Math.max(p, e.caller.priority);
                        }
                    }
                }
            }
        }
        if (p != t.priority) {
            changeThreadPriority(t, p);
            if (t.objectWait != null && t.objectWait.waitsForHolders && t.objectWait.object.inheriting) {
                lendPriority(t.objectWait.object, seen);
            }
        }
    }

    /** What a system call returns, in r0, as a real kernel returns it in a register: programs can test it. */
    private static void result(ThreadControlBlock t, long value) {
        if (t.registers == null) {
            t.registers = new long[org.osim.api.program.Operand.Register.COUNT];
        }
        t.registers[0] = value;
    }

    /** The value a wait that timed out returns (ETIMEDOUT, negated as Linux returns it). */
    static final long TIMED_OUT = -110;

    private void objectWake(ObjectWaitQueue q, ObjectWaitQueue.Entry e, long value) {
        result(e.caller, value);
        q.remove(e);
        if (e.timeout != null && engine.cancel(e.timeout)) {
            pendingWakeups--;
        }
        accountWait(q.object, e);
        wake(e.blocked);
        if (q.object.inheriting) {
            lendPriority(q.object, new java.util.HashSet<>()); // one lender fewer
        }
    }

    private void accountWait(KernelObjectEntry o, ObjectWaitQueue.Entry e) {
        long waited = engine.now() - e.since;
        o.totalWait += waited;
        o.worstWait = Math.max(o.worstWait, waited);
    }

    /**
     * The wait-for graph: {@code t} now waits for {@code o}, which its holders hold. If following holders
     * to what they wait for leads back to {@code t}, that is a deadlock: it is reported with its cycle.
     */
    private boolean checkWaitForCycle(ThreadControlBlock t, ObjectWaitQueue q) {
        List<String> path = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        if (violations.size() < 100 && cycle(t, q, path, threads, new java.util.HashSet<>())) {
            threads.add(0, t.name);
            StringBuilder d = new StringBuilder(t.name);
            for (String step : path) {
                d.append(step);
            }
            violations.add(new Violation("deadlock", engine.now(), threads, "a cycle of waits: " + d
                    + " (each waits for an object the next one holds)", scheduleSoFar()));
            return true;
        }
        return false;
    }

    /** Depth-first along "waits in q, whose part of the object is held by": back to {@code start} is a cycle. */
    private boolean cycle(ThreadControlBlock start, ObjectWaitQueue q, List<String> path, List<String> threads,
                          java.util.Set<ObjectWaitQueue> seen) {
        if (!seen.add(q)) {
            return false;
        }
        java.util.Set<ThreadControlBlock> holders = new java.util.LinkedHashSet<>(q.object.holders.keySet());
        holders.addAll(q.holders.keySet());
        String what = q.holders.isEmpty() ? q.object.name : q.name();
        for (ThreadControlBlock holder : holders) {
            path.add(" → " + what + " held by " + holder.name);
            if (holder == start) {
                return true;
            }
            threads.add(holder.name);
            ObjectWaitQueue next = holder.spinningOn != null ? holder.spinningOn : holder.objectWait;
            if (next != null && next.waitsForHolders && cycle(start, next, path, threads, seen)) {
                return true;
            }
            threads.remove(threads.size() - 1);
            path.remove(path.size() - 1);
        }
        return false;
    }

    /** A thread ends: it leaves any object queue it waits in, and objects undo what it held. */
    private void leaveObjects(ThreadControlBlock t) {
        if (t.dispatcherWait != null) {
            endDispatcherWait(t.dispatcherWait);
        }
        if (t.objectWait != null) {
            ObjectWaitQueue q = t.objectWait;
            ObjectWaitQueue.Entry e = q.entryOf(t);
            if (e != null) {
                q.remove(e);
                if (e.timeout != null && engine.cancel(e.timeout)) {
                    pendingWakeups--;
                }
            }
        }
        for (KernelObjectEntry o : objects.values()) {
            if (o.holders.containsKey(t) || t.objectWait != null || t.spinningOn != null || o.queues.stream().anyMatch(q -> q.holders.containsKey(t))) {
                guardObject(o, "threadExited", () -> {
                    o.object.threadExited(t);
                    return null;
                });
            }
            Long since = o.holders.remove(t);
            if (since != null) {
                o.holdTime += engine.now() - since;
            }
            for (ObjectWaitQueue q : o.queues) {
                Long held = q.holders.remove(t);
                if (held != null) {
                    o.holdTime += engine.now() - held;
                }
            }
        }
    }

    /**
     * Changes the priority in force of one thread (priority inheritance): a waiting thread is handed back
     * to the policy, a running one lets the policy decide again, and an object it waits in is told.
     */
    private void changeThreadPriority(ThreadControlBlock t, int priority) {
        if (t.priority == priority || t.state == ThreadState.TERMINATED) {
            return;
        }
        t.priority = priority;
        if (listeners.length > 0) {
            trace(new TraceEvent.Enqueued(engine.now(), t.name, EnqueueReason.PRIORITY_CHANGED));
        }
        if (t.state == ThreadState.READY && t.held && !t.user) {
            policy.dequeue(t);
            policy.enqueue(t, EnqueueReason.PRIORITY_CHANGED);
        } else if (t.state == ThreadState.RUNNING && t.cpu != null && !t.user) {
            t.cpu.preemptRequested = true;
            t.cpu.preemptReason = EnqueueReason.PRIORITY_CHANGED;
        } else if (t.objectWait != null) {
            KernelObjectEntry o = t.objectWait.object;
            guardObject(o, "waiterPriorityChanged", () -> {
                o.object.waiterPriorityChanged(t);
                return null;
            });
        }
    }

    // ---------------------------------------------------------------- machine instructions and memory

    /** Where {@link #word} puts the index it resolved (one array, reused: the kernel runs on one thread). */
    private final int[] wordIndex = new int[1];

    /** Shared memory words ({@code shared:}), by name. */
    private final java.util.Map<String, long[]> sharedMemory = new java.util.LinkedHashMap<>();
    private long instructions;
    /** What one machine instruction takes (the profile's instruction time, at least 1 ns so a spin loop moves time on). */
    private final long instructionTime;
    /** How long a thread may spin or keep trying to enter a region: then it is starvation (100,000 instruction times). */
    private final long starvationBound;
    private int livelockProbe;

    /** A process's words: every {@code .word} in its programs (the first declaration of a name wins). */
    private static void layOutMemory(ProcessControlBlock p, List<ThreadSpec> threads, java.util.Map<String, Program> programs) {
        for (Program prog : programsOf(threads, programs)) {
            for (Instruction in : prog.instructions()) {
                if (in instanceof Instruction.Word w) {
                    if (p.memory == null) {
                        p.memory = new java.util.LinkedHashMap<>();
                    }
                    p.memory.computeIfAbsent(w.name(), k -> w.initial().stream().mapToLong(Long::longValue).toArray());
                }
            }
        }
    }

    /** Named shared-memory segments ({@code segments:}): each one's words, by name; they live for the whole run. */
    private final java.util.Map<String, java.util.Map<String, long[]>> segments = new java.util.LinkedHashMap<>();

    /**
     * What a process's instructions can name: its own words over those of the segments it has attached and
     * the shared ones (made at first use, and again after an attach or detach).
     */
    private java.util.Map<String, long[]> addressSpace(ProcessControlBlock p) {
        if (p.addressSpace == null) {
            p.addressSpace = new java.util.HashMap<>(sharedMemory);
            if (p.attached != null) {
                p.attached.forEach(seg -> p.addressSpace.putAll(segments.get(seg)));
            }
            if (p.memory != null) {
                p.addressSpace.putAll(p.memory);
            }
        }
        return p.addressSpace;
    }

    /**
     * {@code attach} ({@code on}) or {@code detach} a segment for {@code t}'s process: its address space
     * changes, so its programs are decoded again. Attaching twice is harmless; detaching a segment the
     * process does not have, or naming one that does not exist, ends the process. Returns false if it did.
     */
    private boolean attach(ThreadControlBlock t, String segment, boolean on) {
        ProcessControlBlock p = t.process;
        if (!segments.containsKey(segment)) {
            terminate(p, Termination.fatal((on ? "attach" : "detach") + " of unknown segment '" + segment + "'"));
            return false;
        }
        if (p.attached == null) {
            p.attached = new java.util.LinkedHashSet<>();
        }
        if (on) {
            p.attached.add(segment);
        } else if (!p.attached.remove(segment)) {
            terminate(p, Termination.fatal("detach of segment '" + segment + "', which " + p.name + " has not attached"));
            return false;
        }
        p.addressSpace = null;
        p.decoded = null;
        for (ThreadControlBlock x : p.threads) {
            x.codeOf = null;
            x.code = null;
        }
        return true;
    }

    /** The array holding memory operand {@code m} for {@code t}, and the index in it; a bad index ends the process. */
    private long[] word(ThreadControlBlock t, org.osim.api.program.Operand.Memory m, int[] index) {
        long[] w = addressSpace(t.process).get(m.word());
        if (w == null) {
            String in = segments.entrySet().stream().filter(e -> e.getValue().containsKey(m.word())).map(java.util.Map.Entry::getKey)
                    .findFirst().orElse(null);
            terminate(t.process, Termination.fatal(in == null ? "no memory word '" + m.word() + "'"
                    : "segmentation fault: " + m.word() + " is in segment '" + in + "', which " + t.process.name + " has not attached"));
            return null;
        }
        long i = m.indexRegister() >= 0 ? t.registers[m.indexRegister()] : m.index();
        if (i < 0 || i >= w.length) {
            terminate(t.process, Termination.fatal("segmentation fault: " + m.word() + "[" + i + "] is outside the word's "
                    + w.length + " element(s)"));
            return null;
        }
        index[0] = (int) i;
        return w;
    }

    /**
     * Runs one machine instruction: its effect now, then it takes the profile's instruction time (so an
     * interrupt can fall before the next). Returns false if the process ended.
     */
    private boolean machineInstruction(ThreadControlBlock t, MachineCode.Step s) {
        if (t.registers == null) {
            t.registers = new long[org.osim.api.program.Operand.Register.COUNT];
        }
        long[] r = t.registers;
        long busCost = -1;
        switch (s.op) { // the loops of the book's protocols, kept small so that the JIT compiles them tight
            case JMP -> t.pc = s.target;
            case JZ -> {
                if (t.zero) {
                    t.pc = s.target;
                }
            }
            case JNZ -> {
                if (!t.zero) {
                    t.pc = s.target;
                }
            }
            case JL -> {
                if (t.less) {
                    t.pc = s.target;
                }
            }
            case JGE -> {
                if (!t.less) {
                    t.pc = s.target;
                }
            }
            case MOV -> r[s.reg] = s.value(r);
            case ADD, SUB -> {
                long v = s.value(r);
                long x = s.op == org.osim.api.program.MachineOp.ADD ? r[s.reg] + v : r[s.reg] - v;
                r[s.reg] = x;
                t.zero = x == 0;
                t.less = x < 0;
            }
            case CMP -> {
                long a = r[s.reg];
                long b = s.value(r);
                t.zero = a == b;
                t.less = a < b;
            }
            case LOAD -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return false;
                }
                r[s.reg] = w[i];
                busCost = busModel ? bus(t, w, i, false) : -1;
            }
            case STORE -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return false;
                }
                w[i] = s.value(r);
                busCost = busModel ? bus(t, w, i, true) : -1;
            }
            default -> {
                busCost = otherInstruction(t, s);
                if (busCost == MARKER) {
                    return true;
                }
                if (busCost == ENDED) {
                    return false;
                }
            }
        }
        instructions++;
        t.remaining = busCost >= 0 ? busCost : instructionTime;
        if (interruptEvery > 0) {
            randomInterrupt(t);
        }
        CriticalRegion w = t.wantsRegion;
        // Skipped when the checks have nothing to do: nobody inside, several trying, no clock running — but
        // looked at every 1,024th instruction even then, for a livelock of several threads on one region.
        if (w != null && (!w.inside.isEmpty() || w.wanting.size() == 1 || w.aloneSince >= 0 || w.stuckSince >= 0
                || (++livelockProbe & 1023) == 0)) {
            checkProgress(t);
        }
        return true;
    }

    /** What {@link #otherInstruction} returns for a marker, which takes no time, and when the process ended. */
    private static final long MARKER = -2;
    private static final long ENDED = -3;

    /** The instructions {@link #machineInstruction} does not run itself: the bus time they took, -1 for none, or MARKER or ENDED. */
    private long otherInstruction(ThreadControlBlock t, MachineCode.Step s) {
        long[] r = t.registers;
        switch (s.op) {
            case ENTER, LEAVE -> {
                region(t, s.memory.word(), s.region, s.op == org.osim.api.program.MachineOp.ENTER);
                return MARKER; // it takes no time
            }
            case FAST -> {
                KernelObjectEntry o = objects.get(s.memory.word());
                if (o != null) {
                    o.avoided++;
                }
                return MARKER; // it takes no time
            }
            case CLI -> {
                if (!workload.machine().userInterrupts()) {
                    terminate(t.process, Termination.fatal("privileged instruction: cli in a user program (a machine "
                            + "with 'userInterrupts: true' allows it; Tanenbaum §2.3.3 says why it should not)"));
                    return ENDED;
                }
                t.interruptsOff = true;
            }
            case STI -> {
                t.interruptsOff = false;
                CpuSlot c = t.cpu;
                if (t.preemptionHeld && c != null) {
                    t.preemptionHeld = false;
                    c.preemptRequested = true; // the interrupt that waited is taken now
                    c.preemptReason = EnqueueReason.SLICE_EXPIRED;
                }
            }
            case WANT -> {
                if (t.wants == null || t.wantsRegion != s.region) {
                    t.wantSince = engine.now(); // a new try; a want repeated while trying keeps the first time
                }
                t.wants = s.memory.word();
                t.wantsRegion = s.region;
                s.region.wanting.add(t);
                return MARKER;
            }
            case CALL -> {
                if (t.stack == null) {
                    t.stack = new java.util.ArrayDeque<>();
                }
                if (t.stack.size() >= 10_000) {
                    terminate(t.process, Termination.fatal("stack overflow: " + t.stack.size() + " nested calls"));
                    return ENDED;
                }
                t.stack.push(t.pc);
                t.pc = s.target;
            }
            case RET -> {
                if (t.stack == null || t.stack.isEmpty()) {
                    terminate(t.process, Termination.fatal("ret with nothing to return to"));
                    return ENDED;
                }
                t.pc = t.stack.pop();
            }
            case TSL, XCHG, FETCHADD -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return ENDED;
                }
                long old = w[i];
                w[i] = switch (s.op) {
                    case TSL -> 1;
                    case XCHG -> r[s.reg];
                    default -> old + r[s.reg];
                };
                r[s.reg] = old;
                t.zero = old == 0;
                t.less = old < 0;
                return bus(t, w, i, true);
            }
            case CAS -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return ENDED;
                }
                if (w[i] == r[s.reg]) {
                    w[i] = s.value(r);
                    t.zero = true;
                } else {
                    r[s.reg] = w[i];
                    t.zero = false;
                }
                return bus(t, w, i, true);
            }
            default -> throw new IllegalStateException("unknown instruction " + s.source);
        }
        return -1;
    }

    // Random interrupts (machine: { interrupts: random(N) }): a device that interrupts each CPU about every N instructions.
    private final int interruptEvery;
    /** The run's seeded random streams, one per consumer (the policy, each object, the interrupt device). */
    private final org.osim.api.RandomStreams streams;
    private final java.util.SplittableRandom interruptRandom;

    /** How many instructions until a CPU's next random interrupt: 1 to 2N - 1, N on average. */
    private int nextInterrupt() {
        return 1 + interruptRandom.nextInt(2 * interruptEvery - 1);
    }

    /**
     * {@code t} has started an instruction: if its CPU's interrupt is due, the thread is preempted at the end
     * of the instant (or at {@code sti}, if it has interrupts off), and the policy picks again.
     */
    private void randomInterrupt(ThreadControlBlock t) {
        CpuSlot c = t.cpu;
        if (c != null && --c.interruptIn <= 0) {
            c.interruptIn = nextInterrupt();
            c.preemptRequested = true;
            c.preemptReason = EnqueueReason.PREEMPTED;
        }
    }

    /** Decodes {@code t}'s program for its process, once per process and program. */
    private void decode(ThreadControlBlock t) {
        ProcessControlBlock p = t.process;
        if (p.decoded == null) {
            p.decoded = new java.util.IdentityHashMap<>(2);
        }
        t.code = p.decoded.computeIfAbsent(t.program, prog -> MachineCode.decode(prog, addressSpace(p), this::regionState));
        t.codeOf = t.program;
    }

    /** The element of its word that memory operand of {@code s} names for {@code t}; -1 (the process ended) if there is none. */
    private int element(ThreadControlBlock t, MachineCode.Step s) {
        long i = s.indexReg >= 0 ? t.registers[s.indexReg] : s.index;
        if (s.word == null || i < 0 || i >= s.word.length) {
            word(t, s.memory, wordIndex); // says what is wrong, and ends the process
            return -1;
        }
        return (int) i;
    }

    /** How long a thread may spin for a region whose holders are ready but kept off the CPU: then it is starvation. */
    /**
     * Priority inversion with busy waiting (§2.3.3): {@code t} spins to enter a region whose holders are
     * runnable but never get the CPU — under strict priorities they never will, and the run would spin for
     * ever. Past the starvation bound it is reported, naming both, and the run ends.
     */
    private void checkStarvation(ThreadControlBlock t, CriticalRegion r) {
        for (int i = 0; i < r.inside.size(); i++) { // no iterator: this runs for every instruction of a spin
            if (r.inside.get(i).state != ThreadState.READY) {
                r.stuckSince = -1;
                return;
            }
        }
        long now = engine.now();
        if (r.stuckSince < 0) {
            r.stuckSince = now;
            return;
        }
        if (now - r.stuckSince >= starvationBound) {
            List<String> who = new ArrayList<>();
            who.add(t.name);
            r.inside.forEach(x -> who.add(x.name));
            String holders = String.join(" and ", r.inside.stream().map(x -> x.name).toList());
            violations.add(new Violation("starvation", now, who, t.name + " has spun for " + SimTime.formatMillis(now - r.stuckSince)
                    + " ms to enter critical region '" + t.wants + "', held by " + holders + ", which is ready but does not "
                    + "get the CPU while " + t.name + " spins (priority inversion with busy waiting, Tanenbaum §2.3.3); "
                    + "the run stops here", ""));
            engine.stop();
        }
    }

    private final java.util.Map<String, CriticalRegion> regionStates = new java.util.LinkedHashMap<>();

    /** The regions' statistics, in the order they were first named. */
    List<org.osim.api.result.RegionResult> regionResults() {
        List<org.osim.api.result.RegionResult> out = new ArrayList<>();
        regionStates.forEach((name, r) -> out.add(new org.osim.api.result.RegionResult(name, r.entries, r.waits, r.totalWait,
                r.worstWait)));
        return out;
    }

    private CriticalRegion regionState(String name) {
        return regionStates.computeIfAbsent(name, k -> new CriticalRegion());
    }

    /**
     * How many instructions a thread may execute kept out of a free region that nobody else wants: then it is
     * a progress violation. Counted in its own instructions, not in time, so that a thread that polls and
     * sleeps between polls is not taken for one spinning.
     */
    private static final int PROGRESS_STEPS = 1000;

    /**
     * Starvation with nobody inside: {@code t} has wanted region {@code r} for the starvation bound and nobody
     * has entered it since — every try fails though the region is free, as when philosophers take a fork,
     * find the other taken, put it back and try again in step (a livelock). Reported once, and the run stops,
     * since it would otherwise go on for ever. Returns whether it was reported.
     */
    private boolean checkLivelock(ThreadControlBlock t, CriticalRegion r) {
        long now = engine.now();
        long since = Math.max(t.wantSince, r.lastEnter);
        if (now - since < starvationBound || engine.isStopped()) {
            return false;
        }
        List<String> who = new ArrayList<>();
        who.add(t.name);
        List<String> others = new ArrayList<>();
        for (ThreadControlBlock x : table.threads()) {
            if (x != t && x.wants != null && x.state != ThreadState.TERMINATED) {
                others.add(x.name);
                who.add(x.name);
            }
        }
        violations.add(new Violation("starvation", now, who, t.name + " has tried to enter critical region '" + t.wants + "' for "
                + SimTime.formatMillis(now - since) + " ms and nobody has been in it"
                + (others.isEmpty() ? "" : "; " + String.join(", ", others) + (others.size() == 1 ? " is" : " are")
                + " trying too, and every try fails: a livelock")
                + "; the run stops here", ""));
        engine.stop();
        return true;
    }

    /**
     * Condition 3 of §2.3.2: no process running outside its critical region may block another. {@code t}
     * is in its entry protocol; if the region has been empty, with nobody else trying to enter, for the
     * progress bound, whoever keeps it out is outside its critical region: a progress violation.
     */
    private void checkProgress(ThreadControlBlock t) {
        CriticalRegion r = t.wantsRegion;
        if (!r.inside.isEmpty()) {
            checkStarvation(t, r);
        } else {
            r.stuckSince = -1;
            if (checkLivelock(t, r)) {
                return;
            }
        }
        if (!r.inside.isEmpty() || r.wanting.size() != 1) {
            r.aloneSince = -1;
            r.aloneSteps = 0;
            return;
        }
        long now = engine.now();
        if (r.aloneSince < 0) {
            r.aloneSince = now;
            r.aloneSteps = 0;
        } else if (++r.aloneSteps >= PROGRESS_STEPS && !r.reported && violations.size() < 100) {
            r.reported = true; // once per region: the point is made
            List<String> who = new ArrayList<>();
            who.add(t.name);
            List<String> outside = new ArrayList<>();
            for (ThreadControlBlock x : table.threads()) {
                if (x != t && x.state != ThreadState.TERMINATED && !x.carrier()) {
                    outside.add(x.name);
                    who.add(x.name);
                }
            }
            violations.add(new Violation("progress", now, who, t.name + " has been kept out of critical region '" + t.wants
                    + "' for " + SimTime.formatMillis(now - r.aloneSince) + " ms though nobody was in it or trying to enter"
                    + (outside.isEmpty() ? "" : ": " + String.join(", ", outside) + ", outside " + (outside.size() == 1 ? "its" : "their")
                    + " critical region, " + (outside.size() == 1 ? "keeps" : "keep") + " it out")
                    + " (condition 3 of Tanenbaum §2.3.2)", scheduleSoFar()));
        }
    }

    /** {@code enter}/{@code leave}: a second thread inside a region is a mutual-exclusion violation. */
    private void region(ThreadControlBlock t, String name, CriticalRegion state, boolean enter) {
        List<ThreadControlBlock> inside = state.inside;
        if (!enter) {
            inside.remove(t);
            return;
        }
        state.lastEnter = engine.now();
        state.entries++;
        if (t.wantsRegion == state) {
            long wait = engine.now() - t.wantSince;
            state.waits++;
            state.totalWait += wait;
            state.worstWait = Math.max(state.worstWait, wait);
        }
        if (t.wants != null) {
            CriticalRegion wanted = t.wantsRegion;
            wanted.wanting.remove(t);
            wanted.aloneSince = -1;
            t.wants = null;
            t.wantsRegion = null;
        }
        if (!inside.isEmpty() && violations.size() < 100) {
            List<String> who = new ArrayList<>();
            inside.forEach(x -> who.add(x.name));
            who.add(t.name);
            violations.add(new Violation("mutual-exclusion", engine.now(), who, String.join(" and ", who)
                    + " are in critical region '" + name + "' at once", scheduleSoFar()));
        }
        inside.add(t);
    }

    // The memory bus (machine: { bus: true }): per-CPU caches kept coherent by invalidation, one bus.
    private final boolean busModel;
    private long busFreeAt;
    private long busTransactions;
    private long busWait;
    /** For each word, a bit per CPU whose cache holds a valid copy of each element. */
    private final java.util.IdentityHashMap<long[], long[]> cached = new java.util.IdentityHashMap<>();

    /**
     * The time a memory access takes on a machine with a bus, or -1 without one. A load that hits the CPU's
     * cache, or a write to an element only this CPU holds, takes one instruction time; anything else is a
     * bus transaction of one instruction time, after waiting for the bus if another CPU has it. A write
     * leaves the element in this CPU's cache only (the others' copies are invalidated).
     */
    private long bus(ThreadControlBlock t, long[] word, int index, boolean write) {
        if (!busModel || t.cpu == null) {
            return -1;
        }
        long unit = Math.max(1, options.costs().memoryInstruction());
        long[] valid = cached.computeIfAbsent(word, w -> new long[w.length]);
        long me = 1L << t.cpu.id;
        boolean hit = write ? valid[index] == me : (valid[index] & me) != 0;
        valid[index] = write ? me : valid[index] | me;
        if (hit) {
            return unit;
        }
        long now = engine.now();
        long start = Math.max(now, busFreeAt);
        busFreeAt = start + unit;
        busTransactions++;
        busWait += start - now;
        return start - now + unit;
    }

    long busTransactions() {
        return busTransactions;
    }

    long busWait() {
        return busWait;
    }

    private static final java.util.regex.Pattern WORD_REF = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[([0-9]+)\\])?");

    /** Word {@code ref} ("lock", "flags[1]") as thread {@code t} sees it, for a kernel object. */
    private long userWord(ThreadControlBlock t, String ref) {
        java.util.regex.Matcher m = WORD_REF.matcher(ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a memory word such as lock or flags[1], got '" + ref + "'");
        }
        long[] w = addressSpace(t.process).get(m.group(1));
        int i = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (w == null || i >= w.length) {
            throw new IllegalArgumentException("no memory word '" + ref + "' for " + t.name);
        }
        return w[i];
    }

    /** Whether the workload has machine instructions: then who ran how long is kept, to print a violation's schedule. */
    private final boolean machineCode;
    /** Per CPU: who ran, in order, and for how long (consecutive turns of one thread merged). */
    private List<List<String>> turnTasks;
    private List<List<Long>> turnNanos;
    private int turnsLogged;
    private static final int MAX_TURNS = 200_000;

    /** Every program a process may run: its threads' and those it can spawn or fork. */
    private static List<Program> programsOf(List<ThreadSpec> threads, java.util.Map<String, Program> programs) {
        List<Program> all = new ArrayList<>();
        threads.forEach(ts -> all.add(ts.program()));
        all.addAll(programs.values());
        return all;
    }

    private static boolean hasMachineCode(Workload w) {
        for (ProcessSpec p : w.processes()) {
            for (Program prog : programsOf(p.threads(), p.programs())) {
                for (Instruction in : prog.instructions()) {
                    if (in instanceof Instruction.Machine || in instanceof Instruction.Word) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** When each CPU's last logged turn ended: a later start means the CPU sat idle in between. */
    private long[] lastTurnEnd;
    /** How an idle stretch is written in an interleaving. */
    static final String IDLE = "-";

    private void logTurn(int cpu, String task, long nanos) {
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

    private void appendTurn(int cpu, String task, long nanos) {
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
    private String scheduleSoFar() {
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

    /** Memory at the end: shared words, the segments' words, then each process's as P:word. */
    java.util.Map<String, List<Long>> memoryAtEnd() {
        java.util.Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
        sharedMemory.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList()));
        segments.values().forEach(seg -> seg.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList())));
        for (ProcessControlBlock p : table.processes()) {
            if (p.memory != null) {
                p.memory.forEach((k, v) -> out.put(p.name + ":" + k, java.util.Arrays.stream(v).boxed().toList()));
            }
        }
        return out;
    }

    /** Machine instructions executed. */
    long instructions() {
        return instructions;
    }

    List<org.osim.api.result.ObjectResult> objectResults() {
        List<org.osim.api.result.ObjectResult> out = new ArrayList<>();
        for (KernelObjectEntry o : objects.values()) {
            out.add(o.result(engine.now()));
        }
        return out;
    }

    // ---------------------------------------------------------------- messages, servers and pop-up threads

    /** Arms the arrivals of a process's message streams (each one event walking its arrival times). */
    private void receiveMessages(ProcessControlBlock p, List<org.osim.api.workload.MessageStream> streams, boolean popup) {
        p.receivesMessages = true;
        p.popup = popup;
        for (org.osim.api.workload.MessageStream stream : streams) {
            List<Long> times = stream.arrivals();
            List<Instruction> handler = p.programs.get(stream.handler()).instructions();
            p.messagesToCome += times.size();
            pendingArrivals += times.size(); // the run is not over while messages are still to come
            Event arrival = new Event(EventRank.ARRIVAL) {
                private int next;

                @Override
                protected void fire() {
                    long at = times.get(next++);
                    pendingArrivals--;
                    if (next < times.size()) {
                        engine.schedule(this, Math.max(engine.now(), times.get(next)));
                    }
                    onMessage(p, stream.handler(), new Message(Math.min(at, engine.now()), handler));
                }
            };
            engine.schedule(arrival, Math.max(engine.now(), times.get(0)));
        }
    }

    private void onMessage(ProcessControlBlock p, String handler, Message m) {
        p.messagesToCome--;
        if (!p.alive()) {
            return;
        }
        p.messagesArrived++;
        if (p.popup) {
            // A pop-up thread (Tanenbaum §2.2.8): a fresh thread, with nothing to restore, handles the message.
            ThreadControlBlock t = createThread(p, p.nextThreadName(handler), handler, new Program(m.code),
                    new Program(m.code).cpuNanos(), null);
            t.message = m;
            return;
        }
        p.inbox.addLast(m);
        if (p.receivers != null) {
            wakeOne(p.receivers);
        }
    }

    /**
     * {@code serve}: take the next message and run its handler in thread {@code t}; returns false if {@code t}
     * left the CPU to wait for one.
     */
    private boolean serve(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, boolean async) {
        ProcessControlBlock p = t.process;
        Message m = p.inbox.pollFirst();
        if (m == null) {
            if (p.messagesDone()) {
                return true; // nothing more will come: serve returns and the program goes on
            }
            t.pc--; // serve again once woken
            ThreadControlBlock waiter = blockInKernel(c, k, t, "a message");
            p.receivers().add(waiter);
            return false;
        }
        p.started(m, engine.now());
        if (t.frames == null) {
            t.frames = new java.util.ArrayDeque<>(1);
        }
        t.frames.push(new ThreadControlBlock.Frame(t.program, t.pc - 1, m, async));
        t.program = m.code;
        t.pc = 0;
        return true;
    }

    /** The handler (or a continuation) a thread was serving has run to its end: back to {@code serve}. */
    private void handlerDone(ThreadControlBlock t, boolean complete) {
        ThreadControlBlock.Frame f = t.frames.pop();
        if (complete) {
            t.process.handled(f.message(), engine.now());
        }
        t.program = f.program();
        t.pc = f.pc();
    }

    /**
     * In an asynchronous handler, a blocking call does not block: the I/O starts, the handler stops here,
     * and what is left of it comes back as a message when the I/O is done.
     */
    private void asyncCall(ThreadControlBlock t, long nanos, java.util.Optional<String> device) {
        ProcessControlBlock p = t.process;
        Message rest = t.frames.peek().message().continuation(t.program.subList(t.pc, t.program.size()));
        p.asyncInFlight++;
        pendingWakeups++;
        Runnable done = () -> {
            pendingWakeups--;
            p.asyncInFlight--;
            if (p.alive()) {
                p.inbox.addLast(rest);
                if (p.receivers != null) {
                    wakeOne(p.receivers);
                }
            }
        };
        if (device.isPresent()) {
            machine.device(device.get()).submit(nanos, done);
        } else {
            engine.at(engine.now() + nanos, EventRank.WAKEUP, done);
        }
        handlerDone(t, false);
    }

    // ---------------------------------------------------------------- user-level threads

    /** A process's run-time system, with its own instance of the scheduler plugin it asked for. */
    private RuntimeSystem createRuntime(ProcessControlBlock p, org.osim.api.workload.ThreadingSpec spec) {
        RuntimeSystem rt = new RuntimeSystem(p, spec);
        for (int i = 0; i < spec.kernelThreads(); i++) {
            rt.processors.add(new VirtualProcessor(i, null)); // its "CPUs" exist before its scheduler does
        }
        SchedulerFactory f = options.runtimeSchedulers().apply(spec.runtimeScheduler());
        String label = "runtime scheduler '" + f.name() + "' of process " + p.name;
        Parameters params = Parameters.resolve(label, f.parameters(), spec.runtimeParams());
        SplittableRandom random = streams.stream("runtime[" + p.name + "]");
        SchedulerContext context = new PolicyContext(random) {
            @Override
            public int cpuCount() {
                return rt.processors.size();
            }

            @Override
            public CpuView cpu(int id) {
                return rt.processors.get(id);
            }

            @Override
            public long tickNanos() {
                return 0; // there is no clock interrupt inside a process
            }

            @Override
            public TimerHandle at(long time, Runnable action) {
                Event e = Event.of(EventRank.POLICY_TIMER, () -> rt.scheduler.timer(action));
                engine.schedule(e, Math.max(time, engine.now()));
                return () -> engine.cancel(e);
            }

            @Override
            public void reschedule(int cpu) {
                // No user-level preemption: a user thread runs until it yields, blocks or exits.
            }
        };
        Scheduler instance;
        try {
            instance = requireNonNull(f.create(params, context), "create returned null");
        } catch (OsimException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, label + " failed in create: threw " + e, e);
        }
        rt.scheduler = new SchedulerGuard(instance, f.name(), label, this);
        return rt;
    }

    /** A kernel thread (or a new activation) that runs the process's user threads; the kernel schedules it. */
    private ThreadControlBlock createCarrier(RuntimeSystem rt) {
        ProcessControlBlock p = rt.process;
        ThreadControlBlock k = table.add(new ThreadControlBlock(this, table.nextTid(), p, rt.nextCarrierName(), "runtime",
                List.of(), p.declaredRuntime, null, engine.now(), false));
        k.runtime = rt;
        rt.carriers.add(k);
        p.liveThreads++;
        liveThreads++;
        policy.taskNew(k);
        makeReady(k, EnqueueReason.NEW);
        return k;
    }

    /** A user thread becomes ready in its run-time system; a kernel thread with nothing to do takes it up. */
    private void userReady(ThreadControlBlock u, EnqueueReason why) {
        RuntimeSystem rt = u.process.runtime;
        u.state = ThreadState.READY;
        u.held = true;
        u.cpu = null;
        rt.scheduler.enqueue(u, why);
        if (!rt.parked.isEmpty()) {
            wakeOne(rt.parked);
        }
    }

    private VirtualProcessor processorOf(ThreadControlBlock k) {
        for (VirtualProcessor vp : k.runtime.processors) {
            if (vp.carrier == k) {
                return vp;
            }
        }
        throw new IllegalStateException(k.name + " is no virtual processor of " + k.process.name);
    }

    /**
     * The carrier {@code k}, running on {@code c}, asks its run-time system for a user thread. Returns when
     * that thread can start (after a user-level switch), or -1 if there is none: then {@code k} has left
     * the CPU, parked until one is ready.
     */
    private long assignUser(CpuSlot c, ThreadControlBlock k, long at) {
        RuntimeSystem rt = k.runtime;
        VirtualProcessor vp = processorOf(k);
        ThreadControlBlock u = rt.scheduler.pickNext(vp, vp.id(), false);
        long now = engine.now();
        if (u == null) {
            closeTurn(c, now);
            sleepOn(c, k, rt.parked, "a user thread to run");
            if (rt.activations() && rt.processors.size() > rt.wanted) {
                releaseProcessor(rt, k); // the process gave this processor back
            }
            return -1;
        }
        u.held = false;
        u.state = ThreadState.RUNNING;
        if (u.firstRun < 0) {
            u.firstRun = now;
            if (u.message != null) {
                u.process.started(u.message, now);
            }
        }
        u.turnRan = 0;
        if (k.lastUser != u) {
            u.switches++;
            if (k.lastUser != null) {
                userThreadSwitches++;
                if (costs.userThreadSwitch() > 0) {
                    at = c.hw.chargeOverhead(now, costs.userThreadSwitch());
                }
            }
        }
        if (!u.name.equals(c.turnTask)) {
            // The schedule from here on is this user thread's (also when an activation takes it up again).
            closeTurn(c, now);
            c.turnStart = at;
            c.turnTask = u.name;
            if (listeners.length > 0) {
                trace(new TraceEvent.Dispatched(now, c.id, u.name, true, at - now));
            }
        }
        k.currentUser = u;
        k.lastUser = u;
        u.cpu = c;
        rt.scheduler.running(u, vp);
        return at;
    }

    /** Ends the stretch of the schedule being recorded on {@code c}, if any time went by. */
    private void closeTurn(CpuSlot c, long now) {
        if (c.turnTask != null && now > c.turnStart) {
            if (options.recordSlices()) {
                slices.add(new SliceRecord(c.id, c.turnTask, c.turnStart, now));
            }
            c.turnStart = now;
        }
    }

    /** The user thread {@code u} stops running on its carrier {@code k} without the kernel (yield, join, exit). */
    private void userDeschedule(ThreadControlBlock k, ThreadControlBlock u, StopReason why) {
        k.currentUser = null;
        u.cpu = null;
        k.runtime.scheduler.stopping(u, processorOf(k), why, u.turnRan);
    }

    /** A user thread ends: its process ends with its last one. */
    private void userThreadEnds(CpuSlot c, ThreadControlBlock k, ThreadControlBlock u) {
        RuntimeSystem rt = k.runtime;
        if (!objects.isEmpty()) {
            leaveObjects(u);
        }
        if (!regionStates.isEmpty()) {
            regionStates.values().forEach(r -> {
                r.inside.remove(u);
                r.wanting.remove(u);
            });
        }
        userDeschedule(k, u, StopReason.EXITED);
        u.state = ThreadState.TERMINATED;
        u.completion = engine.now();
        rt.liveUserThreads--;
        rt.scheduler.taskExit(u);
        if (listeners.length > 0) {
            trace(new TraceEvent.ThreadExited(engine.now(), u.name));
        }
        exited("thread " + u.name);
        if (u.joiners != null) {
            wakeAll(u.joiners);
        }
        ThreadControlBlock parent = u.spawner;
        if (parent != null && --parent.liveChildren == 0 && parent.childrenDone != null) {
            wakeAll(parent.childrenDone);
        }
        if (u.message != null) {
            u.process.handled(u.message, engine.now());
        }
        if (rt.liveUserThreads == 0 && (!u.process.receivesMessages || u.process.messagesDone())) {
            closeTurn(c, engine.now());
            terminate(u.process, Termination.exit(0));
        }
    }

    /** A user thread blocks at user level (join): the run-time system runs another on the same kernel thread. */
    private void userBlock(ThreadControlBlock k, ThreadControlBlock u, WaitQueue queue, String on) {
        userDeschedule(k, u, StopReason.BLOCKED);
        u.state = ThreadState.BLOCKED;
        u.blockedSince = engine.now();
        queue.add(u);
        if (listeners.length > 0) {
            trace(new TraceEvent.Blocked(engine.now(), u.name, on));
        }
    }

    /**
     * Thread {@code t} on kernel thread {@code k} makes a blocking system call. A kernel thread blocks. A
     * user thread blocks with its kernel thread ({@code user}: the whole process; {@code hybrid}: that
     * kernel thread) — except with scheduler activations, where the kernel upcalls the run-time system and
     * gives the process a fresh activation to go on with. Returns whom to wake when the call is done.
     */
    private ThreadControlBlock blockInKernel(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, String on) {
        if (!k.carrier()) {
            block(c, k, on);
            return k;
        }
        long now = engine.now();
        t.state = ThreadState.BLOCKED;
        t.blockedSince = now;
        block(c, k, on); // the slice being recorded is the user thread's
        t.cpu = null;
        if (k.runtime.activations()) {
            RuntimeSystem rt = k.runtime;
            k.currentUser = null;
            k.blockedUser = t;
            rt.scheduler.stopping(t, processorOf(k), StopReason.BLOCKED, t.turnRan);
            upcall(c, rt, "blocked", t);
            VirtualProcessor vp = processorOf(k);
            vp.carrier = createCarrier(rt); // the process keeps its virtual processor
            upcall(null, rt, "new processor", null);
        }
        return k;
    }

    /**
     * The process asks for {@code n} virtual processors: the kernel adds activations at once (each starts
     * with an upcall), and takes back idle ones; a busy one is given back when it next has nothing to run.
     */
    private void setProcessors(RuntimeSystem rt, int n) {
        rt.wanted = n;
        while (rt.processors.size() < n) {
            VirtualProcessor vp = new VirtualProcessor(rt.processors.size(), null);
            rt.processors.add(vp);
            vp.carrier = createCarrier(rt);
            upcall(null, rt, "new processor", null);
        }
        for (int i = rt.processors.size() - 1; i >= 0 && rt.processors.size() > n; i--) {
            ThreadControlBlock a = rt.processors.get(i).carrier;
            if (a.state == ThreadState.BLOCKED && a.waitingOn == rt.parked) {
                releaseProcessor(rt, a); // idle: back to the kernel now; a busy one goes when it parks
            }
        }
    }

    /** An idle activation handed back to the kernel. */
    private void releaseProcessor(RuntimeSystem rt, ThreadControlBlock a) {
        rt.parked.remove(a);
        rt.processors.remove(processorOf(a));
        for (int i = 0; i < rt.processors.size(); i++) {
            rt.processors.get(i).renumber(i);
        }
        rt.carriers.remove(a);
        a.blocked += engine.now() - a.blockedSince;
        a.state = ThreadState.TERMINATED;
        a.completion = engine.now();
        a.process.liveThreads--;
        liveThreads--;
        policy.taskExit(a);
        upcall(null, rt, "processor taken back", null);
    }

    /** An activation whose user thread's system call is done: the upcall gives the thread back to the run-time system. */
    private void activationUnblocked(ThreadControlBlock a) {
        ThreadControlBlock u = a.blockedUser;
        a.blockedUser = null;
        a.blocked += engine.now() - a.blockedSince;
        upcall(null, a.runtime, "unblocked", u);
        u.blocked += engine.now() - u.blockedSince;
        userReady(u, EnqueueReason.WAKEUP);
        // The old activation is done: its kernel thread is discarded.
        a.state = ThreadState.TERMINATED;
        a.completion = engine.now();
        a.process.liveThreads--;
        liveThreads--;
        a.runtime.carriers.remove(a);
        policy.taskExit(a);
    }

    /** The kernel took the CPU from a carrier: its user thread stays on it, or (activations) goes back with an upcall. */
    private void carrierPreempted(CpuSlot c, ThreadControlBlock k) {
        ThreadControlBlock u = k.currentUser;
        if (u == null) {
            return;
        }
        u.cpu = null;
        if (k.runtime.activations()) {
            userDeschedule(k, u, StopReason.PREEMPTED);
            upcall(c, k.runtime, "preempted", u);
            userReady(u, EnqueueReason.PREEMPTED);
        }
    }

    private void upcall(CpuSlot c, RuntimeSystem rt, String what, ThreadControlBlock u) {
        upcalls++;
        if (c != null && costs.systemCall() > 0) {
            c.hw.chargeOverhead(engine.now(), costs.systemCall()); // a crossing from kernel to user mode
        }
        if (listeners.length > 0) {
            trace(new TraceEvent.Upcall(engine.now(), rt.process.name, what, u == null ? "" : u.name));
        }
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
        t.timesLeft = t.times - 1;
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
            t.timesLeft = 0;
            execute(c, t, engine.now());
        } else {
            t.remaining = 0;
            t.pc = t.program.size();
            t.timesLeft = 0;
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
            ticketsChanged(to);
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
        ObjectWaitQueue in = t.objectWait;
        if (in != null && in.waitsForHolders) { // it waits for whoever holds what it waits for: a server, a lock's owner
            for (ThreadControlBlock h : (in.holders.isEmpty() ? in.object.holders : in.holders).keySet()) {
                if (h != t && h.state != ThreadState.TERMINATED) {
                    return h;
                }
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

    /** {@code q} has a new holder: its waiters lend their tickets to its holders as they are now. */
    private void lendFromWaiters(ObjectWaitQueue q) {
        if (!options.ticketTransfer() || !q.waitsForHolders) {
            return;
        }
        for (ObjectWaitQueue.Entry e : q.entries()) {
            reclaimTickets(e.blocked);
            lendTickets(e.blocked);
        }
    }

    /** A ready thread's tickets changed: the policy takes it back and gets it again, so that it draws with them. */
    private void ticketsChanged(ThreadControlBlock t) {
        if (t.state == ThreadState.READY && t.held && !t.user) {
            policy.dequeue(t);
            policy.enqueue(t, EnqueueReason.PRIORITY_CHANGED);
        }
    }

    private void reclaimTickets(ThreadControlBlock t) {
        if (t.lentTo != null) {
            ThreadControlBlock from = t.lentTo;
            t.lentTo.ticketsReceived -= t.ticketsLent;
            t.lentTo = null;
            t.ticketsLent = 0;
            ticketsChanged(from);
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
        if (!objects.isEmpty()) {
            leaveObjects(t);
        }
        if (!regionStates.isEmpty()) {
            regionStates.values().forEach(r -> {
                r.inside.remove(t); // it leaves its regions as it ends
                r.wanting.remove(t);
            });
        }
        if (t.message != null && t.pc >= t.program.size() && t.process.alive()) {
            t.process.handled(t.message, engine.now());
        }
        t.state = ThreadState.TERMINATED;
        returnBorrowedTickets(t);
        t.completion = engine.now();
        t.process.liveThreads--;
        liveThreads--;
        if (listeners.length > 0) {
            trace(new TraceEvent.ThreadExited(engine.now(), t.name));
        }
        exited("thread " + t.name);
        policy.taskExit(t);
        if (t.joiners != null) {
            wakeAll(t.joiners);
        }
        ThreadControlBlock parent = t.spawner;
        if (parent != null && --parent.liveChildren == 0 && parent.childrenDone != null) {
            wakeAll(parent.childrenDone);
        }
        if (t.process.liveThreads == 0 && t.process.alive() && t.process.runtime == null
                && (!t.process.receivesMessages || t.process.messagesDone())) {
            processExit(t.process, Termination.exit(0));
        }
    }

    /** Ends every thread of {@code p} (exit, fatal error or kill) and then the process. */
    private void terminate(ProcessControlBlock p, Termination how) {
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

    /** The user threads of a process that ends: taken from the run-time system, unblocked, ended. */
    private void endUserThreads(ProcessControlBlock p) {
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
                saveState(u.cpu, u.cpu.current); // its kernel thread is running it: account the work done
            }
            u.state = ThreadState.TERMINATED;
            u.completion = engine.now();
            u.cpu = null;
            if (!objects.isEmpty()) {
                leaveObjects(u);
            }
            rt.liveUserThreads--;
            rt.scheduler.taskExit(u);
        }
        for (ThreadControlBlock k : rt.carriers) {
            k.currentUser = null;
            k.blockedUser = null;
        }
    }

    private void processExit(ProcessControlBlock p, Termination how) {
        p.termination = how;
        p.completion = engine.now();
        if (listeners.length > 0) {
            trace(new TraceEvent.ProcessExited(engine.now(), p.name, how));
        }
        exited("process " + p.name);
        ProcessControlBlock parent = p.parent;
        if (parent != null) {
            parent.liveChildren--;
            if (parent.childWait != null && !parent.childWait.isEmpty()) {
                reap(parent, p);
                wakeOne(parent.childWait);
            } else {
                parent.unreaped.addLast(p);
            }
            if (parent.signalsIfAny() != null && parent.alive()) {
                signal(parent, org.osim.api.program.Signal.SIGCHLD, p.name); // ignored unless it set a handler
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

    long anyBusyNanos() {
        return anyBusyTotal;
    }

    long userThreadSwitches() {
        return userThreadSwitches;
    }

    long upcalls() {
        return upcalls;
    }
}
