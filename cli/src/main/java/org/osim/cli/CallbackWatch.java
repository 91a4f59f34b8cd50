package org.osim.cli;

import java.util.concurrent.atomic.AtomicLong;
import org.osim.api.ErrorCode;
import org.osim.api.result.RunResult;
import org.osim.kernel.Simulation;

/**
 * The time budget of a plugin's callbacks ({@code --callback-budget}): while a run goes on, a watcher looks at its
 * heartbeat (the events run, published every 1,024); if it stands still for the budget of wall time while the run's
 * thread is inside a plugin's callback, the callback is taken for an endless loop, and the command ends with one line
 * naming the callback and where the plugin's code is (exit code 3). A thread cannot be stopped safely from outside,
 * so the process ends there.
 */
final class CallbackWatch {
    private static final long LOOK_EVERY_MILLIS = 200;

    private CallbackWatch() {}

    /** Runs {@code b}, watched with {@code budgetNanos} of wall time (0: not watched). */
    static RunResult run(Simulation.Builder b, long budgetNanos) {
        if (budgetNanos <= 0) {
            return b.run();
        }
        AtomicLong beats = new AtomicLong(-1);
        b.heartbeat(beats);
        Thread runner = Thread.currentThread();
        boolean[] done = {false};
        Thread watcher = new Thread(() -> watch(runner, beats, budgetNanos, done), "osim-callback-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return b.run();
        } finally {
            synchronized (done) {
                done[0] = true;
            }
            watcher.interrupt();
        }
    }

    private static void watch(Thread runner, AtomicLong beats, long budgetNanos, boolean[] done) {
        long seen = beats.get();
        long since = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(LOOK_EVERY_MILLIS);
                long now = beats.get();
                if (now != seen) {
                    seen = now;
                    since = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - since < budgetNanos) {
                    continue;
                }
                String stuck = stuckIn(runner.getStackTrace());
                synchronized (done) {
                    if (done[0]) {
                        return;
                    }
                    if (stuck != null) {
                        System.err.println("osim: " + stuck + " has not returned in " + org.osim.api.SimTime.format(budgetNanos)
                                + " of wall time (--callback-budget): an endless loop? The run is stopped.");
                        System.err.flush();
                        System.exit(ErrorCode.PLUGIN_FAILURE.exitCode());
                    }
                }
                since = System.nanoTime(); // the kernel's own long work (results of a million processes): look again later
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Which plugin callback a stack is in, and where the plugin's code is: the frame the kernel's guard called
     * ({@code SchedulerGuard.pickNext} or {@code KernelObjects.guardObject}), and the topmost frame, which loops.
     */
    static String stuckIn(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            StackTraceElement guard = stack[i];
            boolean scheduler = guard.getClassName().equals("org.osim.kernel.core.SchedulerGuard");
            boolean object = guard.getClassName().equals("org.osim.kernel.core.KernelObjects") && guard.getMethodName().equals("guardObject");
            if (scheduler || object) {
                return (scheduler ? "scheduler callback " + guard.getMethodName() : "kernel object callback") + " at " + stack[0];
            }
        }
        return null;
    }
}
