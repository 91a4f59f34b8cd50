package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.RandomStreams;
import org.osim.api.param.Parameters;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.Violation;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.trace.TraceListener;
import org.osim.api.workload.ObjectSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.Clock;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;
import org.osim.hardware.Machine;
import org.osim.hardware.MemoryBus;
import org.osim.hardware.RandomInterrupts;

/**
 * The mechanism of one simulation: it assembles the kernel's parts (each one concept of the book, one file),
 * runs the event loop, and ends each instant. Built for one run by {@link org.osim.kernel.Simulation}.
 *
 * <p>Decisions are taken at the end of each instant, once every event of that instant has happened
 * (completions and wake-ups, then arrivals, then slice ends): first the CPUs whose task must give way are
 * emptied, then every idle CPU asks the policy for a task, in CPU order.
 *
 * <p>The parts get what they own (engine, process table, options, trace) through their constructors; the
 * peers they call are wired here once, since the mechanism's parts call each other in cycles (a wake-up may
 * end an activation, which readies a user thread, which wakes a carrier).
 */
public final class Kernel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Kernel.class);

    private final Workload workload;
    private final String schedulerName;
    private final Parameters params;
    private final KernelOptions options;
    private final Engine engine;
    private final Machine machine;
    private final CpuSlot[] cpus;
    private final ProcessTable table = new ProcessTable();
    private final List<Violation> violations = new ArrayList<>();
    private final PendingEvents pending = new PendingEvents();
    private final MemoryBus bus;

    private final SchedulerGuard policy;
    private final Dispatcher dispatcher;
    private final ClockInterrupt clock;
    /** The machine's timers, whose interrupts {@link #clock} takes. */
    private final Clock timers;
    private final ThreadExecution execution;
    private final SystemCalls systemCalls;
    private final ProcessLifecycle lifecycle;
    private final Watchdog watchdog;
    private final DeadlockDetector deadlocks;
    private final KernelObjects kernelObjects;
    private final MutualExclusionChecker regions;
    private final InterleavingLog interleavings;
    private final MachineInstructions interpreter;
    private final AddressSpaces memory;
    private final UserLevelThreads userThreads;
    private final SchedulerActivations activations;
    private final PopUpThreads popups;
    /** Watches every instant when the run is checked; null (and never called) when it is not. */
    private final InvariantChecker checker;
    /**
     * What watches the end of each instant, or null: the invariant checker, the tracing of objects' levels for a
     * timeline, or both (one test on the path of every instant, as with neither).
     */
    private final java.util.function.LongConsumer atEndOfInstant;

    public Kernel(Workload workload, SchedulerFactory factory, Parameters params, KernelOptions options) {
        this.workload = requireNonNull(workload, "workload is null");
        this.schedulerName = factory.name();
        this.params = requireNonNull(params, "params is null");
        this.options = requireNonNull(options, "options is null");
        RandomStreams streams = new RandomStreams(options.seed());
        this.engine = new Engine();
        CostProfile costs = options.costs();
        long instructionTime = Math.max(1, costs.memoryInstruction());
        this.machine = new Machine(engine, options.cpus(), costs, options.tickNanos());
        if (workload.machine().bus() && options.cpus() > MemoryBus.MAX_CPUS) {
            throw OsimException.badInput("a machine with a bus has at most " + MemoryBus.MAX_CPUS + " CPUs, got " + options.cpus());
        }
        this.bus = workload.machine().bus() ? new MemoryBus(instructionTime) : null;
        this.cpus = new CpuSlot[options.cpus()];
        for (int i = 0; i < cpus.length; i++) {
            CpuSlot c = new CpuSlot(i, machine.cpu(i));
            c.completion = new Event(EventRank.COMPLETION) {
                @Override
                protected void fire() {
                    execution.onCompletion(c);
                }
            };
            cpus[i] = c;
        }
        Tracer tracer = new Tracer(options.listeners().toArray(TraceListener[]::new));
        List<org.osim.api.workload.UserSpec> users = workload.userShares();
        boolean machineCode = AddressSpaces.hasMachineCode(workload);
        this.policy = createPolicy(factory, params, streams.stream("scheduler"), users, instructionTime, tracer);
        RandomInterrupts interrupts = new RandomInterrupts(workload.machine().interruptEvery(), cpus.length,
                streams.stream("interrupts"));

        // The parts, each with what it owns.
        interleavings = new InterleavingLog(engine, cpus, options, machineCode);
        clock = new ClockInterrupt(engine, costs, cpus, policy);
        timers = new Clock(engine, cpus.length, machine.tickNanos(), clock);
        dispatcher = new Dispatcher(engine, costs, options, cpus, policy, tracer, interleavings, machineCode, timers);
        execution = new ThreadExecution(engine);
        systemCalls = new SystemCalls(engine, machine, costs, table, pending);
        lifecycle = new ProcessLifecycle(engine, table, tracer, policy, machineCode, pending, options.ended().orElse(null));
        lifecycle.limits(workload.machine().maxProcesses(), workload.machine().maxUserProcesses());
        watchdog = new Watchdog(engine, options, cpus, policy, table);
        deadlocks = new DeadlockDetector(engine, table, violations, interleavings);
        kernelObjects = new KernelObjects(engine, workload, options, streams, tracer, pending, violations);
        regions = new MutualExclusionChecker(engine, table, violations, interleavings, instructionTime);
        interpreter = new MachineInstructions(engine, workload, instructionTime, bus, interrupts, tracer);
        memory = new AddressSpaces(workload, table);
        userThreads = new UserLevelThreads(engine, costs, options, table, streams, tracer, policy, workload, users);
        activations = new SchedulerActivations(engine, costs, tracer, policy);
        popups = new PopUpThreads(engine, machine, pending);
        Signals signals = new Signals(engine, table, pending, tracer);
        TicketTransfer tickets = new TicketTransfer(options, table, policy);
        PriorityInheritance inheritance = new PriorityInheritance(engine, tracer, policy);
        PeriodicJobs jobs = new PeriodicJobs(engine, pending, tracer);

        // The peers each calls.
        dispatcher.gangs = GangScheduling.forWorkload(workload, cpus.length, policy);
        dispatcher.execution = execution;
        dispatcher.activations = activations;
        dispatcher.userThreads = userThreads;
        dispatcher.tickets = tickets;
        clock.dispatcher = dispatcher;
        clock.execution = execution;
        clock.activations = activations;
        execution.dispatcher = dispatcher;
        execution.systemCalls = systemCalls;
        execution.interpreter = interpreter;
        execution.signals = signals;
        execution.lifecycle = lifecycle;
        execution.userThreads = userThreads;
        execution.jobs = jobs;
        execution.popups = popups;
        Lockstep lockstep = new Lockstep(engine, cpus.length, execution::onCompletion);
        execution.lockstep = lockstep;
        dispatcher.lockstep = lockstep;
        systemCalls.dispatcher = dispatcher;
        systemCalls.lifecycle = lifecycle;
        systemCalls.userThreads = userThreads;
        systemCalls.activations = activations;
        systemCalls.popups = popups;
        systemCalls.signals = signals;
        systemCalls.kernelObjects = kernelObjects;
        systemCalls.memory = memory;
        systemCalls.tickets = tickets;
        systemCalls.inheritance = inheritance;
        lifecycle.dispatcher = dispatcher;
        lifecycle.userThreads = userThreads;
        lifecycle.kernelObjects = kernelObjects;
        lifecycle.regions = regions;
        lifecycle.tickets = tickets;
        lifecycle.jobs = jobs;
        lifecycle.signals = signals;
        watchdog.dispatcher = dispatcher;
        kernelObjects.dispatcher = dispatcher;
        kernelObjects.lifecycle = lifecycle;
        kernelObjects.userThreads = userThreads;
        kernelObjects.inheritance = inheritance;
        kernelObjects.tickets = tickets;
        kernelObjects.deadlocks = deadlocks;
        kernelObjects.memory = memory;
        interpreter.lifecycle = lifecycle;
        interpreter.memory = memory;
        interpreter.regions = regions;
        interpreter.kernelObjects = kernelObjects;
        memory.lifecycle = lifecycle;
        userThreads.dispatcher = dispatcher;
        userThreads.lifecycle = lifecycle;
        userThreads.activations = activations;
        userThreads.kernelObjects = kernelObjects;
        userThreads.regions = regions;
        activations.userThreads = userThreads;
        activations.lifecycle = lifecycle;
        popups.dispatcher = dispatcher;
        popups.lifecycle = lifecycle;
        popups.userThreads = userThreads;
        signals.dispatcher = dispatcher;
        signals.lifecycle = lifecycle;
        signals.kernelObjects = kernelObjects;
        inheritance.kernelObjects = kernelObjects;
        jobs.dispatcher = dispatcher;
        jobs.execution = execution;

        if (options.check()) {
            checker = new InvariantChecker(engine, cpus, policy);
            checker.dispatcher = dispatcher;
            checker.kernelObjects = kernelObjects;
            checker.table = table;
            dispatcher.checker = checker;
            lifecycle.checker = checker;
        } else {
            checker = null;
        }
        if (tracer.timeline()) {
            InvariantChecker c = checker;
            atEndOfInstant = c == null ? now -> {
                dispatcher.traceReady(now);
                kernelObjects.traceLevels(now);
            } : now -> {
                c.endOfInstant(now);
                dispatcher.traceReady(now);
                kernelObjects.traceLevels(now);
            };
        } else {
            atEndOfInstant = checker == null ? null : checker::endOfInstant;
        }
        engine.setInstantListener(this::endOfInstant);
        for (ObjectSpec spec : workload.objects()) {
            kernelObjects.createObject(spec);
        }
        engine.setMaxEvents(options.maxEvents());
        engine.setMemoryLimit(options.maxMemory());
        options.heartbeat().ifPresent(engine::setHeartbeat);
        if (options.horizon() < Long.MAX_VALUE) {
            engine.setHorizon(options.horizon());
        }
    }

    private SchedulerGuard createPolicy(SchedulerFactory factory, Parameters params, SplittableRandom random,
                                        List<org.osim.api.workload.UserSpec> users, long instructionTime, Tracer tracer) {
        KernelSchedulerContext context = new KernelSchedulerContext(engine, random, workload, users, cpus, machine.tickNanos(),
                instructionTime, tracer);
        context.guard = SchedulerGuard.create(factory, params, context, "scheduler '" + factory.name() + "'", engine);
        return context.guard;
    }

    /** Runs the workload to its end (or the horizon) and returns the results. */
    public RunResult run() {
        // Arrivals are fed one at a time from a stably sorted list, so the event queue stays small however
        // many processes a workload has; equal arrival times keep their declaration order.
        ProcessSpec[] arrivals = workload.processes().toArray(ProcessSpec[]::new);
        java.util.Arrays.sort(arrivals, java.util.Comparator.comparingLong(ProcessSpec::arrival));
        pending.arrivals = arrivals.length;
        if (arrivals.length > 0) {
            Event arrival = new Event(EventRank.ARRIVAL) {
                private int next;

                @Override
                protected void fire() {
                    ProcessSpec spec = arrivals[next++];
                    pending.arrivals--;
                    if (next < arrivals.length) {
                        engine.schedule(this, arrivals[next].arrival());
                    }
                    arrive(spec);
                }
            };
            engine.schedule(arrival, arrivals[0].arrival());
        }
        timers.start();
        kernelObjects.traceInitialLevels();
        LOG.debug("run {} under {}{} on {} cpu(s), {} profile, seed {}{}", workload.name(), schedulerName,
                params.asText().isEmpty() ? "" : " " + params.asText(),
                cpus.length, options.costs().name(), options.seed(), checker != null ? ", invariants checked" : "");
        long t0 = System.nanoTime();
        try {
            engine.run();
        } catch (OsimException e) {
            if (e.code() != ErrorCode.PLUGIN_FAILURE) {
                throw e;
            }
            RunResult partial;
            try {
                dispatcher.closeOpenTurns();
                partial = new ResultCollector(this).collect();
            } catch (RuntimeException | LinkageError broken) {
                throw e; // the fault left the kernel's records too broken to report: the fault alone is said
            }
            throw new org.osim.kernel.RunAborted(e, partial);
        }
        if (engine.exceeded()) {
            throw OsimException.badInput("the run took its " + String.format("%,d", options.maxEvents()) + " events (--max-events) "
                    + "at " + org.osim.api.SimTime.formatMillis(engine.now()) + " ms with work left; raise the limit, or stop "
                    + "it earlier with --until");
        }
        if (engine.outOfMemory()) {
            throw OsimException.badInput("the run held more than " + (options.maxMemory() >> 20) + " MiB (--max-memory) at "
                    + org.osim.api.SimTime.formatMillis(engine.now()) + " ms, with " + table.processes().size()
                    + " processes made so far; raise the limit, or stop it earlier with --until or --max-events");
        }
        dispatcher.closeOpenTurns();
        if (checker != null) {
            checker.endOfRun();
            LOG.debug("invariants kept at each of {} instants", checker.instants());
        }
        LOG.debug("run {} ended at {} ms: {} events, {} slices, {} ms of wall time", workload.name(),
                org.osim.api.SimTime.formatMillis(engine.now()), engine.eventsFired(), dispatcher.sliceCount,
                (System.nanoTime() - t0) / 1_000_000);
        return new ResultCollector(this).collect();
    }

    /** A process of the workload arrives: it is created, and its message streams (if any) armed. */
    private void arrive(ProcessSpec spec) {
        long mask = 0;
        for (int cpu : spec.affinity()) {
            mask |= 1L << cpu;
        }
        ProcessControlBlock p = lifecycle.createProcess(spec.name(), spec.priority(), spec.nice(), spec.user(), spec.tickets(),
                spec.declaredRuntime(), spec.programs(), spec.threads(), null, spec.periodic().orElse(null), mask,
                spec.threading(), spec.gang() ? spec.threads().size() : 1);
        if (!spec.messages().isEmpty()) {
            popups.receiveMessages(p, spec.messages(), spec.popup());
        }
    }

    /**
     * The end of an instant: CPUs give way and pick, woken tasks that found an idle CPU taken ask again, the
     * watchdog looks, and the run ends when nothing is left to run or to wake (a deadlock if threads remain).
     */
    private void endOfInstant(long now) {
        dispatcher.preemptAndPick(now);
        dispatcher.retryDeferredWakeups(now);
        if (atEndOfInstant != null) {
            atEndOfInstant.accept(now);
        }
        if (dispatcher.idleWithWork && dispatcher.held > 0) {
            watchdog.armWatchdog(now);
        } else {
            watchdog.calm();
        }
        if (lifecycle.liveThreads == 0 && pending.arrivals == 0) {
            engine.stop();
        } else if (dispatcher.held == 0 && pending.wakeups == 0 && pending.arrivals == 0 && dispatcher.cpusInUse == 0
                && !kernelObjects.objectTimerMayWake()) {
            if (violations.stream().noneMatch(v -> v.kind().equals("deadlock"))) {
                deadlocks.reportDeadlock(now);
                LOG.debug("{} ms: every live thread is blocked and nothing can wake them: the run stops",
                        org.osim.api.SimTime.formatMillis(now));
            }
            engine.stop();
        }
    }

    // ---------------------------------------------------------------- for results

    long now() {
        return engine.now();
    }

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
        return dispatcher.slices;
    }

    List<Violation> violations() {
        return violations;
    }

    long sliceCount() {
        return dispatcher.sliceCount;
    }

    long anyBusyNanos() {
        return dispatcher.anyBusyTotal;
    }

    long userThreadSwitches() {
        return userThreads.userThreadSwitches;
    }

    long upcalls() {
        return activations.upcalls;
    }

    long failedForks() {
        return lifecycle.failedForks;
    }

    long instructions() {
        return interpreter.instructions;
    }

    long busTransactions() {
        return bus == null ? 0 : bus.transactions();
    }

    long busWait() {
        return bus == null ? 0 : bus.waited();
    }

    java.util.Map<String, List<Long>> memoryAtEnd() {
        return memory.memoryAtEnd();
    }

    List<org.osim.api.result.ObjectResult> objectResults() {
        return kernelObjects.objectResults();
    }

    List<org.osim.api.result.RegionResult> regionResults() {
        return regions.regionResults();
    }
}
