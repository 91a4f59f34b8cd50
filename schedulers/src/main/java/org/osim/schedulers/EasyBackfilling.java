package org.osim.schedulers;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;

/**
 * EASY backfilling (Lifka, "The ANL/IBM SP scheduling system", JSSPP 1995): space sharing of parallel jobs in
 * arrival order, where only the first waiting job holds a reservation and later ones may jump ahead without
 * delaying it.
 */
public final class EasyBackfilling implements SchedulerFactory {
    private static final ParameterSpec<String> ORDER = ParameterSpec.choice("order", "fcfs", List.of("fcfs", "sjf"),
            "queue order: fcfs (arrival) or sjf (shortest declared run time first)");
    private static final ParameterSpec<String> BACKFILL = ParameterSpec.choice("backfill", "queue", List.of("queue", "shortest"),
            "order in which later jobs are tried: queue order, or shortest estimate first (SJBF, Tsafrir et al. 2007)");

    @Override
    public String name() {
        return "easy";
    }

    @Override
    public String description() {
        return "EASY backfilling (Lifka 1995), the space-sharing policy of most parallel machines: jobs (a gang "
                + "process's threads, each on a CPU of its own) wait in arrival order; when the first cannot start, it "
                + "gets a reservation at its shadow time, when enough running jobs will have ended by their declared "
                + "run times, and a later job may start now if it fits and ends by then or uses only the CPUs the "
                + "first will not need.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(ORDER, BACKFILL);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new SpaceSharing(context, SpaceSharing.Backfilling.EASY, params.get(ORDER).equals("sjf"),
                params.get(BACKFILL).equals("shortest"));
    }
}
