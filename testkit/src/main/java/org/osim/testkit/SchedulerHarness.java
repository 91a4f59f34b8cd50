package org.osim.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.trace.TraceListener;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;
import org.osim.workloads.WorkloadReader;
import org.osim.workloads.Workloads;

/**
 * Runs a workload against a scheduler in a unit test, with the real kernel:
 *
 * <pre>{@code
 * HarnessResult r = SchedulerHarness.of(new MyPolicyFactory())
 *         .workload("fig-2-41")
 *         .param("quantum", "4ms")
 *         .run();
 * assertThat(r.meanTurnaroundMillis()).isEqualTo(11);
 * assertThat(r.schedule()).isEqualTo("B 0-4 | C 4-8 | D 8-12 | A 12-20");
 * }</pre>
 *
 * Slices are always recorded, so {@link HarnessResult#schedule()} shows who ran when.
 */
public final class SchedulerHarness {
    private final SchedulerFactory factory;
    private final Map<String, String> params = new LinkedHashMap<>();
    private Workload workload;
    private long seed = 1;
    private Integer cpus;
    private final List<TraceListener> listeners = new ArrayList<>();
    private Boolean check;
    private final Map<String, org.osim.api.object.KernelObjectFactory> objects = new LinkedHashMap<>();

    private SchedulerHarness(SchedulerFactory factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    private boolean ticketTransfer;

    public static SchedulerHarness of(SchedulerFactory factory) {
        return new SchedulerHarness(factory);
    }

    /** A standard workload by name, or a file by path. */
    public SchedulerHarness workload(String nameOrPath) {
        return workload(nameOrPath, java.util.Map.of());
    }

    /** A standard workload (or file) with some of its parameters set, as {@code --set name=value} does. */
    public SchedulerHarness workload(String nameOrPath, java.util.Map<String, String> settings) {
        this.workload = Workloads.load(nameOrPath, seed, settings);
        return this;
    }

    /** A blocked thread lends its lottery tickets to the thread it waits for (as {@code --ticket-transfer}). */
    public SchedulerHarness ticketTransfer(boolean transfer) {
        this.ticketTransfer = transfer;
        return this;
    }

    /** A workload written inline, in the YAML format. */
    public SchedulerHarness workloadYaml(String yaml) {
        this.workload = WorkloadReader.read("inline.yaml", yaml, seed);
        return this;
    }

    public SchedulerHarness workload(Workload workload) {
        this.workload = requireNonNull(workload, "workload is null");
        return this;
    }

    public SchedulerHarness param(String name, String value) {
        params.put(name, value);
        return this;
    }

    /** The seed; set it before {@link #workload(String)} if the workload generates processes. */
    public SchedulerHarness seed(long seed) {
        this.seed = seed;
        return this;
    }

    public SchedulerHarness cpus(int cpus) {
        this.cpus = cpus;
        return this;
    }

    /** Also sends every trace event of the run to {@code listener}, in order. */
    public SchedulerHarness trace(TraceListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
        return this;
    }

    /**
     * Whether the invariant checker watches the run (docs/writing-a-scheduler.md, "The invariant checker"):
     * the kernel's rules — legal state moves, one thread per CPU, affinity, CPU time conserved — and the
     * promises your policy declares in {@link org.osim.api.sched.Scheduler#promises()}. A broken one fails
     * the run with an {@link org.osim.api.OsimException} saying when, which rule and which threads. By
     * default it follows the system property {@value Simulation#CHECK_PROPERTY}; set it for all your tests in
     * surefire's {@code systemPropertyVariables}.
     */
    public SchedulerHarness check(boolean check) {
        this.check = check;
        return this;
    }

    /**
     * Kernel-object types the workload's objects may be of, besides those on the class path: a plugin of your own,
     * or the few a scheduler's test needs without depending on osim's.
     */
    public SchedulerHarness objects(org.osim.api.object.KernelObjectFactory... types) {
        for (org.osim.api.object.KernelObjectFactory f : types) {
            objects.put(f.type(), f);
        }
        return this;
    }

    public HarnessResult run() {
        if (workload == null) {
            throw new IllegalStateException("no workload given");
        }
        Simulation.Builder b = Simulation.builder(workload).scheduler(factory, params).seed(seed).recordSlices(true)
                .ticketTransfer(ticketTransfer);
        if (cpus != null) {
            b.cpus(cpus);
        }
        if (check != null) {
            b.check(check);
        }
        listeners.forEach(b::trace);
        if (!objects.isEmpty()) {
            b.objectTypes(type -> objects.containsKey(type) ? objects.get(type)
                    : org.osim.kernel.plugin.PluginRegistry.discover(SchedulerHarness.class.getClassLoader()).requireObjectType(type));
        }
        return new HarnessResult(b.run());
    }
}
