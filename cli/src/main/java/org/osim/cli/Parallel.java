package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent runs on a pool of this machine's cores, their results in the order given — so that the output never
 * depends on which finished first — and the first failure in that order rethrown as it was.
 */
final class Parallel {
    private Parallel() {}

    /** How many at once {@code jobs} means: null for one per core. */
    static int workers(Integer jobs) {
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    static <R> List<R> inOrder(List<Callable<R>> work, int workers) {
        List<R> out = new ArrayList<>();
        if (workers <= 1 || work.size() <= 1) {
            for (Callable<R> c : work) {
                out.add(call(c));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, work.size()), r -> {
            Thread t = new Thread(r, "osim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> running = new ArrayList<>();
            for (Callable<R> c : work) {
                running.add(pool.submit(c));
            }
            for (Future<R> f : running) {
                out.add(result(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R call(Callable<R> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the run's own error: bad input, a plugin fault
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
