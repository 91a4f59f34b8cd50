package org.osim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.osim.api.OsimException;

/**
 * Writes a finished report: to standard output, or to a file through a temporary name moved into place,
 * so a failed run never leaves half a file behind.
 */
final class Output {
    private Output() {}

    /** What writes a report to a stream, as it goes. */
    interface Report {
        void writeTo(java.io.Writer out) throws IOException;
    }

    private static final java.util.concurrent.atomic.AtomicInteger TEMPORARIES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A new, empty hidden file beside {@code target} ({@code .NAME.PART.PID-N.tmp}), made with the permissions any new
     * file gets (the user's umask), which the report keeps when it is moved into place.
     */
    static Path temporary(Path target, String part) throws IOException {
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + part + "." + ProcessHandle.current().pid() + "-"
                    + TEMPORARIES.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // left by another process of the same number: take the next
            }
        }
    }

    /** Moves a finished temporary file into place, atomically where the file system can. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void write(String text, Path file, PrintWriter out) {
        write(w -> w.write(text), file, out);
    }

    /** Streams {@code report} to the file (through a temporary name) or to {@code out}. */
    static void write(Report report, Path file, PrintWriter out) {
        if (file == null) {
            try {
                report.writeTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = temporary(target, "");
            try {
                try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
                    report.writeTo(w);
                }
                moveIntoPlace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw OsimException.badInput("cannot write " + file + ": " + e.getMessage());
        }
    }
}
