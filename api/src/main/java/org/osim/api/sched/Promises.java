package org.osim.api.sched;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;

/**
 * What a policy promises about its own decisions, so that the kernel's invariant checker
 * ({@code osim run --check}, and every test of a plugin project that turns it on) can hold it to them.
 * A policy that promises nothing is checked only against the kernel's own rules.
 *
 * <ul>
 *   <li><b>Work conservation</b>: no CPU idles while a task allowed on it is ready (FCFS, RR, SJF,
 *       priority, lottery …; not a policy that idles on purpose, such as partitioned EDF with an empty
 *       partition).
 *   <li><b>A global order</b>: at every instant the running tasks are the most urgent ready ones — on
 *       {@code m} CPUs, the {@code m} most urgent (global RM, DM, EDF, preemptive priority). Ties are free:
 *       of two equally urgent tasks either may run. A global order implies work conservation.
 * </ul>
 *
 * <p>Stable SPI.
 *
 * @param workConserving whether the policy never leaves a CPU idle while a task allowed on it is ready
 * @param globalOrder the order the policy runs tasks in: {@code compare(a, b) < 0} when {@code a} is more
 *     urgent than {@code b}; empty for a policy that promises no such order
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record Promises(boolean workConserving, Optional<Comparator<Task>> globalOrder) {
    /** No promise beyond the SPI's contract. */
    public static final Promises NONE = new Promises(false, Optional.empty());

    public Promises {
        requireNonNull(globalOrder, "globalOrder is null");
        if (globalOrder.isPresent() && !workConserving) {
            throw new IllegalArgumentException("a global order implies work conservation");
        }
    }

    /** The policy never leaves a CPU idle while a task allowed on it is ready. */
    public static Promises workConservation() {
        return new Promises(true, Optional.empty());
    }

    /**
     * The running tasks are always the most urgent ready ones, in this order ({@code compare(a, b) < 0}: {@code a}
     * is more urgent), and no CPU idles while a task allowed on it is ready.
     */
    public static Promises priorityOrder(Comparator<Task> moreUrgentFirst) {
        return new Promises(true, Optional.of(requireNonNull(moreUrgentFirst, "moreUrgentFirst is null")));
    }
}
