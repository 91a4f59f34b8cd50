package org.osim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The built-in sweep engine: every task on a pool of this machine's cores, the outcomes in the order of the tasks. */
final class LocalSweepEngine implements SweepEngine {
    private final int workers;

    /** @param jobs how many runs at once; null for one per core */
    LocalSweepEngine(Integer jobs) {
        this.workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
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
        if (workers == 1) {
            return tasks.stream().map(SweepTasks::run).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "osim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SweepOutcome>> running = new ArrayList<>();
            for (SweepTask t : tasks) {
                running.add(pool.submit(() -> SweepTasks.run(t)));
            }
            List<SweepOutcome> out = new ArrayList<>();
            for (Future<SweepOutcome> f : running) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
