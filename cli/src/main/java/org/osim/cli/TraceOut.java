package org.osim.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;

/**
 * {@code --trace-out FILE}: one or more runs written as one Perfetto trace. The first run streams its events into the
 * file itself, under a temporary name; each other run (those of a comparison may run at once) into a part of its own
 * beside it, appended once every run has ended, when the file is moved into place. A run that fails leaves no file and
 * no part behind.
 */
final class TraceOut implements AutoCloseable {
    /** Process numbers of run {@code i} start at {@code i} times this: room for 999,000 processes a run. */
    private static final int PIDS_PER_RUN = 1_000_000;

    private final Path file;
    private final Path[] paths;
    private final OutputStream[] streams;
    private final PerfettoTrace[] traces;
    private boolean committed;

    /** A trace of {@code runs} runs, to be written to {@code file}, whose {@code otherData} says what was run ({@code about}). */
    TraceOut(Path file, int runs, Map<String, String> about) {
        this.file = requireNonNull(file, "file is null").toAbsolutePath();
        if (runs > Integer.MAX_VALUE / PIDS_PER_RUN) {
            throw OsimException.badInput("--trace-out draws at most " + Integer.MAX_VALUE / PIDS_PER_RUN + " runs in one file, got "
                    + runs);
        }
        this.paths = new Path[runs];
        this.streams = new OutputStream[runs];
        this.traces = new PerfettoTrace[runs];
        open(0, "");
        try {
            PerfettoTrace.header(streams[0], about);
        } catch (IOException e) {
            close();
            throw OsimException.badInput("cannot write " + file + ": " + e.getMessage());
        }
    }

    private void open(int i, String part) {
        try {
            Files.createDirectories(file.getParent());
            paths[i] = Output.temporary(file, part);
            streams[i] = new BufferedOutputStream(Files.newOutputStream(paths[i]), 1 << 16);
        } catch (IOException e) {
            close();
            throw OsimException.badInput("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The listener of run {@code i}, its processes named after {@code label} (empty for a single run). */
    PerfettoTrace part(int i, String label) {
        synchronized (this) {
            if (i > 0) {
                open(i, ".part" + i);
            }
        }
        traces[i] = new PerfettoTrace(streams[i], label, i * PIDS_PER_RUN);
        return traces[i];
    }

    /** Run {@code i} ended with {@code r}: its open slices are closed, its violations marked, its part complete. */
    void finish(int i, RunResult r) {
        traces[i].finish(r);
        if (i > 0) {
            try {
                streams[i].close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Appends the other runs' parts, in run order, ends the file and moves it into place. */
    void commit() {
        try {
            OutputStream out = streams[0];
            for (int i = 1; i < paths.length; i++) {
                out.write(PerfettoTrace.BETWEEN_RUNS);
                Files.copy(paths[i], out);
            }
            out.write(PerfettoTrace.FOOTER);
            out.close();
            Output.moveIntoPlace(paths[0], file);
            committed = true;
        } catch (IOException e) {
            throw OsimException.badInput("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < paths.length; i++) {
            try {
                if (streams[i] != null) {
                    streams[i].close();
                }
                if (paths[i] != null && !(committed && i == 0)) {
                    Files.deleteIfExists(paths[i]);
                }
            } catch (IOException e) {
                // A part that cannot be removed is a hidden temporary file: nothing to report over the run's outcome.
            }
        }
    }
}
