package org.osim.hardware;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated machine: N CPUs, a clock (one-shot timers through the {@link Engine}, and an optional
 * periodic tick), devices created on first use, and the cost profile.
 */
public final class Machine {
    private final Engine engine;
    private final List<Cpu> cpus;
    private final CostProfile costs;
    private final long tickNanos;
    private final Map<String, Device> devices = new LinkedHashMap<>();

    public Machine(Engine engine, int cpus, CostProfile costs, long tickNanos) {
        this.engine = requireNonNull(engine, "engine is null");
        this.costs = requireNonNull(costs, "costs is null");
        if (cpus < 1) {
            throw new IllegalArgumentException("a machine needs at least one CPU");
        }
        if (tickNanos < 0) {
            throw new IllegalArgumentException("tick cannot be negative");
        }
        List<Cpu> list = new ArrayList<>(cpus);
        for (int i = 0; i < cpus; i++) {
            list.add(new Cpu(i));
        }
        this.cpus = Collections.unmodifiableList(list);
        this.tickNanos = tickNanos;
    }

    public Engine engine() {
        return engine;
    }

    public List<Cpu> cpus() {
        return cpus;
    }

    public Cpu cpu(int id) {
        return cpus.get(id);
    }

    public CostProfile costs() {
        return costs;
    }

    /** The clock tick period, 0 if the machine has no periodic tick. */
    public long tickNanos() {
        return tickNanos;
    }

    /** The device called {@code name}, created on first use. */
    public Device device(String name) {
        return devices.computeIfAbsent(name, n -> new Device(n, engine));
    }

    public Map<String, Device> devices() {
        return Collections.unmodifiableMap(devices);
    }
}
