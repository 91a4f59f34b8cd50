package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.OsimException;
import org.osim.api.sched.ThreadState;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * The gang rule of space sharing (Tanenbaum §8.1.5; Feitelson's rigid parallel jobs): the threads of a gang
 * start together, each on a CPU of its own. The policy decides when; the kernel holds it to the rule, and runs
 * a workload with gangs only under a policy that says it keeps them together.
 */
final class GangScheduling {
    private final SchedulerGuard policy;
    /** Gangs that had a thread dispatched in the current round of picks. */
    private final List<ProcessControlBlock> started = new ArrayList<>();

    private GangScheduling(SchedulerGuard policy) {
        this.policy = policy;
    }

    /**
     * The rule's keeper for a workload with gangs, or null for one without (most): a workload with gangs under a
     * policy that does not schedule them, or with a gang larger than the machine, is refused before it runs.
     */
    static GangScheduling forWorkload(Workload workload, int cpus, SchedulerGuard policy) {
        ProcessSpec first = null;
        for (ProcessSpec p : workload.processes()) {
            if (p.gang() && p.threads().size() > 1) {
                if (p.threads().size() > cpus) {
                    throw OsimException.badInput("gang process '" + p.name() + "' has " + p.threads().size()
                            + " threads, which start together on CPUs of their own, and the machine has " + cpus + " CPUs");
                }
                if (first == null) {
                    first = p;
                }
            }
        }
        if (first == null) {
            return null;
        }
        if (!policy.schedulesGangs()) {
            throw OsimException.badInput("scheduler '" + policy.name() + "' does not keep gangs together, and process '"
                    + first.name() + "' is a gang of " + first.threads().size() + " threads that start together on CPUs of "
                    + "their own: use a space-sharing policy (fcfs, sjf, easy, conservative), or run each job as one "
                    + "thread (an SWF trace: --swf-serial)");
        }
        return new GangScheduling(policy);
    }

    /** A thread of {@code p} was dispatched in this round. */
    void dispatched(ProcessControlBlock p) {
        if (p.gangSize > 1 && !started.contains(p)) {
            started.add(p);
        }
    }

    /** At the end of a round of picks: every gang that had a thread dispatched has none left ready. */
    void checkRound() {
        for (ProcessControlBlock p : started) {
            int running = 0;
            String left = null;
            for (ThreadControlBlock t : p.threads) {
                if (t.state == ThreadState.RUNNING) {
                    running++;
                } else if (t.state == ThreadState.READY && left == null) {
                    left = t.name;
                }
            }
            if (left != null) {
                started.clear();
                throw policy.failure("pickNext", "started " + running + " of the " + p.gangSize + " threads of gang process '"
                        + p.name + "' and left " + left + " ready: a gang's threads start together, each on a CPU of its own",
                        null);
            }
        }
        started.clear();
    }
}
