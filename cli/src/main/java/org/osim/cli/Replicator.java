package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "osim-replication");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            for (int k = 1; k <= cap; ) {
                int batch = Math.min(Math.max(workers, 1) * 4, cap - k + 1);
                List<Future<List<T>>> running = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    int number = k + i;
                    long seed = ReplicationSeeds.seed(base, number);
                    running.add(pool == null ? CompletableFuture.completedFuture(replication.run(number, seed))
                            : pool.submit(() -> replication.run(number, seed)));
                }
                for (Future<List<T>> f : running) {
                    seeds.add(ReplicationSeeds.seed(base, k));
                    List<T> values = Parallel.result(f);
                    for (int a = 0; a < values.size(); a++) {
                        if (k == 1) {
                            arms.add(new ArrayList<>());
                        }
                        arms.get(a).add(values.get(a));
                    }
                    k++;
                    if (enough.test(arms)) {
                        running.forEach(x -> x.cancel(true));
                        return arms;
                    }
                }
            }
            return arms;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** One replication: its number (from 1) and seed in, one value per arm out. */
    @FunctionalInterface
    interface Task<T> {
        List<T> run(int replication, long seed);
    }

}
