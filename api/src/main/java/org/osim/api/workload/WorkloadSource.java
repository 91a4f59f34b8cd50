package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A workload file handed to a {@link WorkloadImporter}.
 *
 * @param name how error messages name the file: its path as the user gave it
 * @param path where it is
 * @param seed the run's seed, for formats whose jobs are drawn at random (MOSS, the OSTEP generators)
 */
public record WorkloadSource(String name, Path path, long seed) {
    public WorkloadSource {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
    }

    /** The file's bytes, decompressed if it is gzip-compressed (recognized by its magic number, not its name). */
    public InputStream open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Up to {@code n} first bytes of the (decompressed) content, for an importer's {@link WorkloadImporter#recognizes}. */
    public byte[] head(int n) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        }
    }
}
