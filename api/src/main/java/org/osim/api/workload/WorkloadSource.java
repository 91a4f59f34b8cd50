package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A workload file handed to a {@link WorkloadImporter}.
 *
 * @param name how error messages name the file: its path as the user gave it
 * @param path where it is
 * @param seed the run's seed, for formats whose jobs are drawn at random (MOSS, the OSTEP generators)
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
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

    /**
     * A workload name made from the file's name: without the first of {@code endings} it ends with (ignoring case),
     * other characters than letters, digits, {@code _} and {@code -} replaced ({@code .} by {@code _}), and a
     * {@code prefix-} if it does not start with a letter, so that the YAML {@code osim import} writes reads back.
     */
    public String workloadName(String prefix, List<String> endings) {
        String base = path.getFileName().toString();
        String lower = base.toLowerCase(java.util.Locale.ROOT);
        for (String e : endings) {
            if (lower.endsWith("." + e)) {
                base = base.substring(0, base.length() - e.length() - 1);
                break;
            }
        }
        base = base.replace('.', '_').replaceAll("[^A-Za-z0-9_-]", "-");
        return base.isEmpty() || !Character.isLetter(base.charAt(0)) ? prefix + "-" + base : base;
    }

    /** Up to {@code n} first bytes of the (decompressed) content, for an importer's {@link WorkloadImporter#recognizes}. */
    public byte[] head(int n) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        }
    }
}
