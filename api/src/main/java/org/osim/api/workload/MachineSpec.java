package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

/**
 * The simulated machine a workload asks for; command-line flags override it.
 *
 * @param cpus number of CPUs, at least 1
 * @param profile name of the cost profile ({@code textbook}: all costs zero; {@code modern})
 * @param tickNanos period of the clock tick that policies may age or decay on; 0 for none
 * @param userInterrupts whether user programs may disable interrupts ({@code cli}/{@code sti}); Tanenbaum
 *     §2.3.3: "it is unwise to give user processes the power to turn off interrupts"
 * @param bus whether machine instructions go through a shared memory bus with per-CPU caches: a load
 *     that misses, a store or an atomic instruction takes the bus for one instruction time, and waits
 *     while another CPU has it (docs/machine-instructions.md)
 * @param interruptEvery for random interrupts ({@code interrupts: random(N)}): about how many machine
 *     instructions a CPU runs between two; each interrupt preempts the running thread, so the policy picks
 *     again. 0 for none
 */
public record MachineSpec(int cpus, String profile, long tickNanos, boolean userInterrupts, boolean bus, int interruptEvery) {
    public static final MachineSpec DEFAULT = new MachineSpec(1, "textbook", 0, false, false, 0);

    public MachineSpec(int cpus, String profile, long tickNanos) {
        this(cpus, profile, tickNanos, false, false, 0);
    }

    public MachineSpec {
        requireNonNull(profile, "profile is null");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1, got " + cpus);
        }
        if (tickNanos < 0) {
            throw new IllegalArgumentException("tick cannot be negative");
        }
        if (interruptEvery < 0) {
            throw new IllegalArgumentException("interruptEvery cannot be negative");
        }
    }

    public MachineSpec withCpus(int cpus) {
        return new MachineSpec(cpus, profile, tickNanos, userInterrupts, bus, interruptEvery);
    }

    /** The same machine with random interrupts about every {@code every} instructions (0: none). */
    public MachineSpec withInterruptEvery(int every) {
        return new MachineSpec(cpus, profile, tickNanos, userInterrupts, bus, every);
    }

    public MachineSpec withProfile(String profile) {
        return new MachineSpec(cpus, profile, tickNanos, userInterrupts, bus, interruptEvery);
    }
}
