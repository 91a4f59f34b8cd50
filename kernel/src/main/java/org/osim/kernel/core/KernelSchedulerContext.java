package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.TimerHandle;
import org.osim.api.workload.UserSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/** What the kernel's own policy is told besides what every policy is: the CPUs, the tick, its timers, and who may ask to reschedule. */
final class KernelSchedulerContext extends PolicyContext {
    private final Engine engine;
    private final CpuSlot[] cpus;
    private final long tickNanos;
    private final long instructionNanos;
    private final Tracer tracer;
    /** The policy behind its guard, once created: a policy timer runs through it like any other callback. */
    SchedulerGuard guard;

    KernelSchedulerContext(Engine engine, SplittableRandom random, Workload workload, List<UserSpec> users, CpuSlot[] cpus,
                           long tickNanos, long instructionNanos, Tracer tracer) {
        super(engine, random, workload, users);
        this.engine = engine;
        this.cpus = cpus;
        this.tickNanos = tickNanos;
        this.instructionNanos = instructionNanos;
        this.tracer = tracer;
    }

    @Override
    public long instructionNanos() {
        return instructionNanos;
    }

    @Override
    public void note(String what) {
        requireNonNull(what, "what is null");
        if (tracer.on()) {
            tracer.emit(new org.osim.api.trace.TraceEvent.PolicyNote(engine.now(), what));
        }
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
        return tickNanos;
    }

    @Override
    public TimerHandle at(long time, Runnable action) {
        requireNonNull(action, "action is null");
        Event e = Event.of(EventRank.POLICY_TIMER, () -> guard.timer(action));
        engine.schedule(e, Math.max(time, engine.now()));
        return () -> engine.cancel(e);
    }

    @Override
    public void reschedule(int cpu) {
        CpuSlot c = cpus[cpu];
        if (c.current != null) {
            c.preemptRequested = true; // taken at the end of the instant, as a preemption
            c.preemptReason = EnqueueReason.PREEMPTED;
        }
    }
}
