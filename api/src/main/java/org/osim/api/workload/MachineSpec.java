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
 * @param maxProcesses the size of the process table: live processes and zombies not yet reaped; a
 *     {@code fork} when it is full fails with EAGAIN (-11 in r0) and the run goes on. Processes the workload
 *     declares arrive whatever it holds: they come from outside the machine
 * @param maxUserProcesses how many threads one user may have alive at once (RLIMIT_NPROC, which counts
 *     threads); a {@code fork} or {@code spawn} beyond it fails with EAGAIN
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record MachineSpec(int cpus, String profile, long tickNanos, boolean userInterrupts, boolean bus, int interruptEvery,
                          int maxProcesses, int maxUserProcesses) {
    /** The default size of the process table, Linux's default {@code pid_max}. */
    public static final int MAX_PROCESSES = 32_768;
    public static final MachineSpec DEFAULT = new MachineSpec(1, "textbook", 0, false, false, 0);

    public MachineSpec(int cpus, String profile, long tickNanos) {
        this(cpus, profile, tickNanos, false, false, 0);
    }

    /** A machine with the default process table and no per-user limit beyond it. */
    public MachineSpec(int cpus, String profile, long tickNanos, boolean userInterrupts, boolean bus, int interruptEvery) {
        this(cpus, profile, tickNanos, userInterrupts, bus, interruptEvery, MAX_PROCESSES, MAX_PROCESSES);
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
        if (maxProcesses < 1 || maxUserProcesses < 1) {
            throw new IllegalArgumentException("maxProcesses and maxUserProcesses must be at least 1");
        }
    }

    public MachineSpec withCpus(int cpus) {
        return new MachineSpec(cpus, profile, tickNanos, userInterrupts, bus, interruptEvery, maxProcesses, maxUserProcesses);
    }

    /** The same machine with random interrupts about every {@code every} instructions (0: none). */
    public MachineSpec withInterruptEvery(int every) {
        return new MachineSpec(cpus, profile, tickNanos, userInterrupts, bus, every, maxProcesses, maxUserProcesses);
    }

    public MachineSpec withProfile(String profile) {
        return new MachineSpec(cpus, profile, tickNanos, userInterrupts, bus, interruptEvery, maxProcesses, maxUserProcesses);
    }
}
