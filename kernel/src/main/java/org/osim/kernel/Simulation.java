package org.osim.kernel;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osim.api.OsimException;
import org.osim.api.param.Parameters;
import org.osim.api.result.RunResult;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.trace.TraceListener;
import org.osim.api.workload.Workload;
import org.osim.hardware.CostProfile;
import org.osim.kernel.core.Kernel;
import org.osim.kernel.core.KernelOptions;

/**
 * One simulation: a workload, a scheduling policy and a machine, run once. The facade for embedding osim;
 * the kernel behind it stays hidden.
 *
 * <pre>{@code
 * RunResult r = Simulation.builder(workload).scheduler(new MyPolicyFactory(), Map.of()).seed(7).run();
 * }</pre>
 */
public final class Simulation {
    /** The system property that turns the invariant checker on for every simulation built (surefire sets it in tests). */
    public static final String CHECK_PROPERTY = "osim.check";

    private final Kernel kernel;

    private Simulation(Kernel kernel) {
        this.kernel = kernel;
    }

    public static Builder builder(Workload workload) {
        return new Builder(workload);
    }

    /** Runs to the end of the workload (or the horizon) and returns the results. */
    public RunResult run() {
        return kernel.run();
    }

    /** Configures a {@link Simulation}; command-line values override the workload's machine section. */
    public static final class Builder {
        private final Workload workload;
        private SchedulerFactory factory;
        private String schedulerName;
        private Map<String, String> params = Map.of();
        private long seed = 1;
        private Integer cpus;
        private String profile;
        private CostProfile costs;
        private Long tick;
        private long watchdog = KernelOptions.DEFAULT_WATCHDOG;
        private Long horizon;
        private long maxEvents = Long.MAX_VALUE;
        private long maxMemory = Long.MAX_VALUE;
        private java.util.concurrent.atomic.AtomicLong ended;
        private java.util.concurrent.atomic.AtomicLong heartbeat;
        private boolean recordSlices;
        private boolean ticketTransfer;
        private boolean check = Boolean.getBoolean(CHECK_PROPERTY);
        private final List<TraceListener> listeners = new ArrayList<>();
        private Function<String, CostProfile> profiles = CostProfile::named;
        private Function<String, SchedulerFactory> schedulers;
        private Function<String, org.osim.api.object.KernelObjectFactory> objectTypes;

        private Builder(Workload workload) {
            this.workload = requireNonNull(workload, "workload is null");
        }

        Builder profiles(Function<String, CostProfile> profiles) {
            this.profiles = profiles;
            return this;
        }

        /** Where the schedulers named by name are found: the run's policy and the processes' run-time systems' (default: the plugins on the class path). */
        public Builder schedulers(Function<String, SchedulerFactory> schedulers) {
            this.schedulers = schedulers;
            return this;
        }

        /** Where the workload's kernel-object types are found, by type name (default: the plugins on the class path). */
        public Builder objectTypes(Function<String, org.osim.api.object.KernelObjectFactory> objectTypes) {
            this.objectTypes = objectTypes;
            return this;
        }

        /** The policy made by {@code factory}, with parameters as text ({@code quantum -> 4ms}). */
        public Builder scheduler(SchedulerFactory factory, Map<String, String> params) {
            this.factory = requireNonNull(factory, "factory is null");
            this.params = new LinkedHashMap<>(requireNonNull(params, "params is null"));
            return this;
        }

        /** The installed policy called {@code name} (only for builders made by {@link Osim}). */
        public Builder scheduler(String name, Map<String, String> params) {
            requireNonNull(name, "name is null");
            if (schedulers == null) {
                throw new IllegalStateException("scheduler by name needs a builder from Osim.simulation(...)");
            }
            this.schedulerName = name;
            return scheduler(schedulers.apply(name), params);
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Overrides the workload's CPU count. */
        public Builder cpus(int cpus) {
            if (cpus < 1) {
                throw OsimException.badInput("--cpus must be at least 1, got " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        /** Overrides the workload's machine profile, by name. */
        public Builder profile(String profile) {
            this.profile = requireNonNull(profile, "profile is null");
            return this;
        }

        /** Overrides the machine's costs with a profile of your own. */
        public Builder costs(CostProfile costs) {
            this.costs = requireNonNull(costs, "costs is null");
            return this;
        }

        /** Overrides the workload's clock tick (0 = none). */
        public Builder tick(long tickNanos) {
            this.tick = tickNanos;
            return this;
        }

        /** The watchdog bound in simulated nanoseconds; 0 turns it off. */
        public Builder watchdog(long nanos) {
            this.watchdog = nanos;
            return this;
        }

        /** Stops the run at this simulated time even if work remains (overrides the workload's duration). */
        /**
         * Stops the run with a bad-input error once it has taken {@code events} events, so that a workload that
         * never ends (a fork bomb, say) ends with a message instead of running on (default: no limit).
         */
        public Builder maxEvents(long events) {
            if (events < 1) {
                throw OsimException.badInput("--max-events must be at least 1, got " + events);
            }
            this.maxEvents = events;
            return this;
        }

        /**
         * Counts in {@code ended} the processes that end, as they end: another thread may read it to show how far the
         * run has come (the CLI's progress line). The run's results do not depend on it.
         */
        public Builder countEnded(java.util.concurrent.atomic.AtomicLong ended) {
            this.ended = requireNonNull(ended, "ended is null");
            return this;
        }

        /**
         * Writes to {@code beats} the number of events run, every 1,024 events: another thread that sees it stand still
         * while the run goes on knows the run is stuck in one event (a plugin's callback that never returns).
         */
        public Builder heartbeat(java.util.concurrent.atomic.AtomicLong beats) {
            this.heartbeat = requireNonNull(beats, "beats is null");
            return this;
        }

        /** Stops the run with a bad-input error once it holds more than {@code bytes} of heap (default: no limit but the JVM's). */
        public Builder maxMemory(long bytes) {
            if (bytes < 1) {
                throw OsimException.badInput("--max-memory must be positive, got " + bytes);
            }
            this.maxMemory = bytes;
            return this;
        }

        public Builder horizon(long nanos) {
            this.horizon = nanos;
            return this;
        }

        /** Keeps the schedule as it ran ({@link RunResult#slices()}). */
        public Builder recordSlices(boolean record) {
            this.recordSlices = record;
            return this;
        }

        /** Lets a thread blocked waiting for another (join, wait) lend it its lottery tickets. */
        public Builder ticketTransfer(boolean transfer) {
            this.ticketTransfer = transfer;
            return this;
        }

        /**
         * Lets the invariant checker watch the run: every broken rule of the kernel, or promise of the policy,
         * ends it with an error saying when and which. Off by default, on when the system property
         * {@value Simulation#CHECK_PROPERTY} is {@code true} (as in every test of a project that sets it).
         */
        public Builder check(boolean check) {
            this.check = check;
            return this;
        }

        public Builder trace(TraceListener listener) {
            listeners.add(requireNonNull(listener, "listener is null"));
            return this;
        }

        public Simulation build() {
            if (factory == null) {
                throw new IllegalStateException("no scheduler chosen");
            }
            String name = schedulerName != null ? schedulerName : factory.name();
            Parameters resolved = Parameters.resolve("scheduler '" + name + "'", factory.parameters(), params);
            int n = cpus != null ? cpus : workload.machine().cpus();
            if (n > 64 && workload.processes().stream().anyMatch(p -> !p.affinity().isEmpty())) {
                throw OsimException.badInput("CPU affinity works on machines of up to 64 CPUs; this one has " + n);
            }
            for (var p : workload.processes()) {
                for (int cpu : p.affinity()) {
                    if (cpu >= n) {
                        throw OsimException.badInput("process '" + p.name() + "' has affinity for cpu " + cpu
                                + ", but the machine has CPUs 0 to " + (n - 1));
                    }
                }
            }
            CostProfile c = costs != null ? costs : profiles.apply(profile != null ? profile : workload.machine().profile());
            long t = tick != null ? tick : workload.machine().tickNanos();
            long end = horizon != null ? horizon : workload.duration().orElse(Long.MAX_VALUE);
            Function<String, SchedulerFactory> runtime = schedulers != null ? schedulers : installed();
            for (var p : workload.processes()) {
                if (p.threading().userLevel()) { // fail now, not at the process's arrival
                    SchedulerFactory f = runtime.apply(p.threading().runtimeScheduler());
                    Parameters.resolve("runtime scheduler '" + f.name() + "' of process " + p.name(), f.parameters(),
                            p.threading().runtimeParams());
                }
            }
            Function<String, org.osim.api.object.KernelObjectFactory> types = objectTypes != null ? objectTypes
                    : type -> installedRegistry().requireObjectType(type);
            checkObjects(types);
            KernelOptions options = new KernelOptions(n, c, t, seed, watchdog, recordSlices, listeners, end, ticketTransfer,
                    runtime, types, check, maxEvents, maxMemory, java.util.Optional.ofNullable(ended), java.util.Optional.ofNullable(heartbeat));
            return new Simulation(new Kernel(workload, factory, resolved, options));
        }

        private org.osim.kernel.plugin.PluginRegistry registry;

        /** The plugins on the class path, for builders no Osim made (found once, when first needed). */
        private org.osim.kernel.plugin.PluginRegistry installedRegistry() {
            if (registry == null) {
                registry = org.osim.kernel.plugin.PluginRegistry.discover(Simulation.class.getClassLoader());
            }
            return registry;
        }

        private Function<String, SchedulerFactory> installed() {
            return name -> installedRegistry().requireScheduler(name);
        }

        /**
         * Every declared object has a known type and valid parameters, and every call names an operation of
         * its object's type with the right number of arguments: errors say where.
         */
        private void checkObjects(Function<String, org.osim.api.object.KernelObjectFactory> types) {
            java.util.Map<String, org.osim.api.object.KernelObjectFactory> byName = new java.util.HashMap<>();
            for (org.osim.api.workload.ObjectSpec o : workload.objects()) {
                org.osim.api.object.KernelObjectFactory f;
                try {
                    f = types.apply(o.type());
                } catch (OsimException e) {
                    throw at(o.at(), e.getMessage());
                }
                for (String key : o.params().keySet()) {
                    if (f.parameters().stream().noneMatch(p -> p.name().equals(key))) {
                        throw at(java.util.Optional.ofNullable(o.paramsAt().get(key)).or(o::at), "unknown parameter '" + key
                                + "' for kernel object type '" + f.type() + "' (known: " + String.join(", ",
                                f.parameters().stream().map(p -> p.name()).toList()) + ")");
                    }
                }
                try {
                    Parameters.resolve("kernel object '" + o.name() + "' (" + f.type() + ")", f.parameters(), o.params());
                } catch (OsimException e) {
                    throw at(o.at(), e.getMessage());
                }
                byName.put(o.name(), f);
            }
            for (org.osim.api.workload.CallSite site : workload.callSites()) {
                if (site.instruction() instanceof org.osim.api.program.Instruction.WaitFor w) {
                    for (String object : w.objects()) {
                        org.osim.api.object.KernelObjectFactory f = byName.get(object);
                        if (f == null) {
                            throw at(site.at(), "waitfor names kernel object '" + object + "', which the workload does not declare");
                        }
                        if (!f.waitable()) {
                            throw at(site.at(), "waitfor names kernel object '" + object + "' (" + f.type()
                                    + "), which is not a dispatcher object: waitfor cannot wait for it");
                        }
                    }
                    continue;
                }
                var call = (org.osim.api.program.Instruction.Call) site.instruction();
                org.osim.api.object.KernelObjectFactory f = byName.get(call.object());
                if (f == null) {
                    throw at(site.at(), "call names kernel object '" + call.object() + "', which the workload does not declare");
                }
                var op = f.operations().stream().filter(x -> x.name().equals(call.operation())).findFirst();
                if (op.isEmpty()) {
                    throw at(site.at(), "kernel object '" + call.object() + "' (" + f.type() + ") has no operation '"
                            + call.operation() + "' (it has: " + String.join(", ", f.operations().stream().map(x -> x.name()).toList()) + ")");
                }
                long given = call.arguments().stream().filter(a -> !a.startsWith("timeout=")).count();
                if (given < op.get().minArgs() || given > op.get().maxArgs()) {
                    throw at(site.at(), call.object() + "." + call.operation() + " takes " + (op.get().minArgs() == op.get().maxArgs()
                            ? String.valueOf(op.get().minArgs()) : op.get().minArgs() + " to " + op.get().maxArgs())
                            + " argument(s), got " + given);
                }
            }
        }

        private static OsimException at(java.util.Optional<org.osim.api.SourceLocation> where, String message) {
            return where.map(w -> OsimException.badInput(w, message)).orElseGet(() -> OsimException.badInput(message));
        }

        /** Builds and runs. */
        public RunResult run() {
            return build().run();
        }
    }
}
