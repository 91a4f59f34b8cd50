package org.osim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line on standard error for work that takes more than a second: what is done of how much, the rate and the
 * time left ({@code compare: 12/30 runs · 3.4/s · 0:05 left}), redrawn in place four times a second and cleared
 * when the work ends. Only when standard error is a terminal (the launcher says so with {@code -Dosim.progress=tty})
 * and not with {@code --quiet}; never on standard output, so reports and pipes are untouched.
 */
final class Progress implements AutoCloseable {
    /** A progress that shows nothing. */
    static final Progress NONE = new Progress(null, "", "", 0, new AtomicLong());

    private static volatile boolean quiet;
    /** Where lines go: standard error, or a test's stream. */
    static volatile PrintStream sink = System.err;
    /** Work that ends sooner shows no line (a test may set it lower). */
    static volatile long showAfterNanos = 1_000_000_000L;
    private static final long EVERY_MILLIS = 250;

    private final Thread painter;
    private final String what;
    private final String unit;
    private final long total;
    private final AtomicLong done;
    private final long start = System.nanoTime();
    private volatile boolean closed;
    private boolean shown;

    private Progress(Thread painter, String what, String unit, long total, AtomicLong done) {
        this.painter = painter;
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.done = done;
    }

    /** {@code --quiet}: no progress line, whatever standard error is. */
    static void quiet(boolean q) {
        quiet = q;
    }

    /** Whether progress is shown: standard error is a terminal and {@code --quiet} was not given. */
    static boolean shown() {
        return !quiet && "tty".equals(System.getProperty("osim.progress"));
    }

    /** Progress of {@code total} {@code unit}s of {@code what} (total 0 or less: unknown), counted by {@link #step()}. */
    static Progress of(String what, String unit, long total) {
        return of(what, unit, total, new AtomicLong());
    }

    /** The same, counted in {@code done} by someone else (a run counting the processes that ended). */
    static Progress of(String what, String unit, long total, AtomicLong done) {
        if (!shown()) {
            return NONE;
        }
        Progress[] p = new Progress[1];
        Thread t = new Thread(() -> p[0].paint(), "osim-progress");
        t.setDaemon(true);
        p[0] = new Progress(t, what, unit, total, done);
        t.start();
        return p[0];
    }

    /** One more unit done; safe from any thread. */
    void step() {
        done.incrementAndGet();
    }

    private void paint() {
        try {
            while (!closed) {
                Thread.sleep(EVERY_MILLIS);
                long elapsed = System.nanoTime() - start;
                if (!closed && elapsed >= showAfterNanos) {
                    synchronized (this) {
                        if (!closed) {
                            sink.print("\r" + line(what, unit, done.get(), total, elapsed) + "\033[K");
                            sink.flush();
                            shown = true;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The line for {@code done} of {@code total} after {@code elapsedNanos}: count, rate, and time left when known. */
    static String line(String what, String unit, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder b = new StringBuilder(what).append(": ").append(done);
        if (total > 0) {
            b.append('/').append(total);
        }
        b.append(' ').append(unit).append(" · ").append(rate >= 100 ? String.format(Locale.ROOT, "%,.0f", rate)
                : String.format(Locale.ROOT, "%.1f", rate)).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            long left = Math.round((total - done) / rate);
            b.append(" · ").append(left / 60).append(':').append(String.format(Locale.ROOT, "%02d", left % 60)).append(" left");
        } else {
            b.append(" · ").append((long) seconds / 60).append(':').append(String.format(Locale.ROOT, "%02d", (long) seconds % 60))
                    .append(" so far");
        }
        return b.toString();
    }

    /** The work ended: the line, if one was drawn, is cleared. */
    @Override
    public void close() {
        if (painter == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            if (shown) {
                sink.print("\r\033[K");
                sink.flush();
            }
        }
        painter.interrupt();
    }
}
