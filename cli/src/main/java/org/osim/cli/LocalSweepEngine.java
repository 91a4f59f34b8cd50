package org.osim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in sweep engine: every task on a pool of this machine's cores, the outcomes in the order of the tasks. */
final class LocalSweepEngine implements SweepEngine {
    private final int workers;

    /** @param jobs how many runs at once; null for one per core */
    LocalSweepEngine(Integer jobs) {
        this.workers = Parallel.workers(jobs);
    }

    private static boolean sameInputs(SweepTask a, SweepTask b) {
        return a.workload().equals(b.workload()) && a.cell().equals(b.cell()) && a.seed() == b.seed();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<SweepOutcome> run(String sweep, List<SweepTask> tasks, Optional<String> master, Optional<Path> table) {
        if (master.isPresent()) {
            throw org.osim.api.OsimException.badInput("--master is for --engine spark; the local engine runs here (--jobs N)");
        }
        // Consecutive tasks of one workload, parameters and seed (its schedulers) go to one worker, one after the other:
        // it loads the workload once.
        List<java.util.concurrent.Callable<List<SweepOutcome>>> groups = new ArrayList<>();
        try (Progress progress = Progress.of("sweep " + sweep, "runs", tasks.size())) {
            for (int i = 0; i < tasks.size(); ) {
                int j = i + 1;
                while (j < tasks.size() && sameInputs(tasks.get(i), tasks.get(j))) {
                    j++;
                }
                List<SweepTask> group = tasks.subList(i, j);
                groups.add(() -> group.stream().map(t -> {
                    SweepOutcome o = SweepTasks.run(t);
                    progress.step();
                    return o;
                }).toList());
                i = j;
            }
            List<SweepOutcome> out = new ArrayList<>();
            Parallel.inOrder(groups, workers).forEach(out::addAll);
            return out;
        }
    }
}
