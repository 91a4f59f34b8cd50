package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;

/**
 * Conservative backfilling (Feitelson and Weil 1998; Mu'alem and Feitelson, IEEE TPDS 12(6), 2001): every parallel
 * job gets a reservation when it arrives, and a job may start early only if it delays none.
 */
public final class ConservativeBackfilling implements SchedulerFactory {
    @Override
    public String name() {
        return "conservative";
    }

    @Override
    public String description() {
        return "Conservative backfilling (Mu'alem & Feitelson 2001): space sharing where every job (a gang process's "
                + "threads, each on a CPU of its own) gets a reservation on arrival, at the earliest time enough CPUs "
                + "are free for its declared run time without delaying any earlier reservation; when a job ends before "
                + "its estimate the others move up, none ever later. Predictable start times, less backfilling than EASY.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new SpaceSharing(context, SpaceSharing.Backfilling.CONSERVATIVE, false, false);
    }
}
