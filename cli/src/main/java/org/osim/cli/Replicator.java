package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.osim.stats.ReplicationSeeds;

/**
 * Runs replications on every core: replication k gets seed {@link ReplicationSeeds#seed}(base, k) and yields one value
 * per arm; they run in batches of as many as there are workers, each single-threaded, and are taken in replication
 * order, so that what comes out — and where a stopping rule stops — does not depend on the number of workers.
 */
final class Replicator {
    private final int workers;

    /** @param jobs how many replications run at once; null for one per core */
    Replicator(Integer jobs) {
        this.workers = Parallel.workers(jobs);
    }

    /**
     * Runs up to {@code cap} replications, stopping early once {@code enough} holds of the values so far (checked after
     * each replication, in order). Returns the values by arm, each in replication order; {@code seeds} receives each
     * replication's seed.
     */
    <T> List<List<T>> run(long base, int cap, Task<T> replication, Predicate<List<List<T>>> enough, List<Long> seeds) {
        List<List<T>> arms = new ArrayList<>();
        try (Progress progress = Progress.of("study", "replications", cap)) {
            return run(base, cap, replication, enough, seeds, arms, progress);
        }
    }

    private <T> List<List<T>> run(long base, int cap, Task<T> replication, Predicate<List<List<T>>> enough, List<Long> seeds,
                                  List<List<T>> arms, Progress progress) {
        for (int k = 1; k <= cap; ) {
            List<java.util.concurrent.Callable<List<T>>> batch = new ArrayList<>();
            for (int i = 0, n = Math.min(Math.max(workers, 1) * 4, cap - k + 1); i < n; i++) {
                int number = k + i;
                batch.add(() -> {
                    List<T> values = replication.run(number, ReplicationSeeds.seed(base, number));
                    progress.step();
                    return values;
                });
            }
            for (List<T> values : Parallel.inOrder(batch, workers)) {
                seeds.add(ReplicationSeeds.seed(base, k));
                for (int a = 0; a < values.size(); a++) {
                    if (k == 1) {
                        arms.add(new ArrayList<>());
                    }
                    arms.get(a).add(values.get(a));
                }
                k++;
                if (enough.test(arms)) {
                    return arms; // the rest of the batch is left unused: the stopping point is the same whatever the batch
                }
            }
        }
        return arms;
    }

    /** One replication: its number (from 1) and seed in, one value per arm out. */
    @FunctionalInterface
    interface Task<T> {
        List<T> run(int replication, long seed);
    }

}
