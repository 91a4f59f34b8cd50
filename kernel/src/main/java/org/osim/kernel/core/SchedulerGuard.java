package org.osim.kernel.core;

import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;
import org.osim.api.sched.ThreadState;

/**
 * The kernel's safety net around a policy (after sched_ext): every callback is checked, and a broken
 * promise or an exception ends the run with a message naming the policy, the callback and the simulated
 * time.
 */
final class SchedulerGuard {
    private final Scheduler policy;
    private final String name;
    private final String label;
    private final org.osim.hardware.Engine engine;

    /**
     * Creates the policy from {@code factory}, guarded from its first callback on. A bad-input error from
     * {@code create} (the policy refused its parameters or the machine) is the user's, and passes as it is;
     * anything else is the plugin's fault, named by {@code label}.
     */
    static SchedulerGuard create(org.osim.api.sched.SchedulerFactory factory, org.osim.api.param.Parameters params,
                                 org.osim.api.sched.SchedulerContext context, String name, org.osim.hardware.Engine engine) {
        // A plugin of one's own is named with where it came from: its jar, or its source file.
        String origin = org.osim.kernel.plugin.PluginRegistry.origin(factory);
        String label = origin.equals("built in") ? name : name + " (" + origin + ")";
        Scheduler instance;
        try {
            instance = java.util.Objects.requireNonNull(factory.create(params, context), "create returned null");
        } catch (OsimException e) {
            if (e.code() == ErrorCode.BAD_INPUT) {
                throw e;
            }
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, label + " failed in create: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, label + " failed in create: threw " + e, e);
        }
        return new SchedulerGuard(instance, factory.name(), label, engine);
    }

    /** @param label how messages name it: {@code scheduler 'rr'}, or {@code runtime scheduler 'fcfs' of process A} */
    SchedulerGuard(Scheduler policy, String name, String label, org.osim.hardware.Engine engine) {
        this.policy = policy;
        this.name = name;
        this.label = label;
        this.engine = engine;
    }

    String name() {
        return name;
    }

    OsimException failure(String callback, String problem, Throwable cause) {
        String msg = label + " failed in " + callback + " at " + SimTime.formatMillis(engine.now())
                + " ms: " + problem;
        return cause == null ? new OsimException(ErrorCode.PLUGIN_FAILURE, msg)
                : new OsimException(ErrorCode.PLUGIN_FAILURE, msg, cause);
    }

    private OsimException thrown(String callback, Throwable e) {
        if (e instanceof OsimException o && o.code() == ErrorCode.PLUGIN_FAILURE) {
            return o;
        }
        if (e instanceof LinkageError) { // NoSuchMethodError, AbstractMethodError…: built against another osim-api
            return failure(callback, "threw " + e + ": the plugin was built against another osim-api than this osim's "
                    + org.osim.api.ApiVersion.current() + "; rebuild it against this one", e);
        }
        return failure(callback, "threw " + e, e);
    }

    void taskNew(ThreadControlBlock t) {
        try {
            policy.taskNew(t);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("taskNew", e);
        }
    }

    void enqueue(ThreadControlBlock t, EnqueueReason why) {
        try {
            policy.enqueue(t, why);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("enqueue", e);
        }
    }

    ThreadControlBlock pickNext(CpuSlot cpu) {
        return pickNext(cpu, cpu.id, true);
    }

    /** For a run-time scheduler: its "CPUs" are the process's kernel threads, and affinity is the kernel's business. */
    ThreadControlBlock pickNext(org.osim.api.sched.CpuView cpu, int id, boolean checkAffinity) {
        Task picked;
        try {
            picked = policy.pickNext(cpu);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("pickNext", e);
        }
        if (picked == null) {
            return null;
        }
        if (!(picked instanceof ThreadControlBlock t) || t.engine != engine) {
            throw failure("pickNext", "returned " + picked + ", which is not a task of this simulation", null);
        }
        if (checkAffinity && !t.allowedOn(id)) {
            throw failure("pickNext", "returned task " + t.name + " for cpu " + id + ", which its affinity excludes", null);
        }
        if (!t.held || t.state != ThreadState.READY) {
            String where = t.state == ThreadState.RUNNING && t.cpu != null ? "it is running on cpu " + t.cpu.id
                    : "it is " + t.state.name().toLowerCase(java.util.Locale.ROOT);
            throw failure("pickNext", "returned task " + t.name + " for cpu " + id
                    + ", which it does not hold (" + where + ")", null);
        }
        return t;
    }

    void dequeue(ThreadControlBlock t) {
        try {
            policy.dequeue(t);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("dequeue", e);
        }
    }

    long sliceNanos(ThreadControlBlock t, CpuSlot cpu) {
        long slice;
        try {
            slice = policy.sliceNanos(t, cpu);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("sliceNanos", e);
        }
        if (slice <= 0) {
            throw failure("sliceNanos", "returned a slice of " + slice + " ns for task " + t.name + "; it must be positive", null);
        }
        return slice;
    }

    boolean preemptOnWakeup(ThreadControlBlock woken, ThreadControlBlock current, CpuSlot cpu) {
        try {
            return policy.preemptOnWakeup(woken, current, cpu);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("preemptOnWakeup", e);
        }
    }

    boolean tick(ThreadControlBlock current, CpuSlot cpu) {
        try {
            return policy.tick(current, cpu);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("tick", e);
        }
    }

    int selectCpu(ThreadControlBlock t, int previous, int cpus) {
        int chosen;
        try {
            chosen = policy.selectCpu(t, previous);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("selectCpu", e);
        }
        if (chosen < 0 || chosen >= cpus) {
            throw failure("selectCpu", "chose cpu " + chosen + " for task " + t.name + "; the machine has cpus 0 to " + (cpus - 1), null);
        }
        return chosen;
    }

    void running(ThreadControlBlock t, org.osim.api.sched.CpuView cpu) {
        try {
            policy.running(t, cpu);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("running", e);
        }
    }

    void stopping(ThreadControlBlock t, org.osim.api.sched.CpuView cpu, StopReason why, long ran) {
        try {
            policy.stopping(t, cpu, why, ran);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("stopping", e);
        }
    }

    void taskExit(ThreadControlBlock t) {
        try {
            policy.taskExit(t);
        } catch (RuntimeException | LinkageError e) {
            throw thrown("taskExit", e);
        }
    }

    void timer(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            throw thrown("a timer", e);
        }
    }

    /** Whether the policy keeps gangs together (asked once). */
    boolean schedulesGangs() {
        try {
            return policy.schedulesGangs();
        } catch (RuntimeException | LinkageError e) {
            throw thrown("schedulesGangs", e);
        }
    }

    /** What the policy promises about its decisions (asked once; a broken answer names the policy). */
    org.osim.api.sched.Promises promises() {
        org.osim.api.sched.Promises p;
        try {
            p = policy.promises();
        } catch (RuntimeException | LinkageError e) {
            throw thrown("promises", e);
        }
        if (p == null) {
            throw failure("promises", "returned null (Promises.NONE promises nothing)", null);
        }
        return p;
    }
}
