package org.osim.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osim.api.OsimException;
import org.osim.api.workload.Workload;

/**
 * Finds and reads workloads: a standard workload by name ({@code fig-2-41}), shipped inside this jar, or
 * a YAML/JSON file by path.
 */
public final class Workloads {
    private static final String ROOT = "/org/osim/workloads/standard/";

    private Workloads() {}

    /** The names of the standard workloads, in the order of the shipped index. */
    public static List<String> standardNames() {
        String index = resource("index.txt").orElseThrow(() -> new IllegalStateException("standard workload index is missing"));
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                names.add(l);
            }
        }
        return names;
    }

    /** The text of the standard workload called {@code name}, if there is one. */
    public static Optional<String> standardText(String name) {
        if (!name.matches("[a-z0-9][a-z0-9\\-]*")) {
            return Optional.empty();
        }
        return resource(name + ".yaml");
    }

    /**
     * Loads a standard workload by name or a file by path, drawing any {@code generate:} blocks with {@code seed}.
     *
     * @throws OsimException ({@code BAD_INPUT}) if there is no such workload or it is malformed
     */
    public static Workload load(String nameOrPath, long seed) {
        return load(nameOrPath, seed, Map.of());
    }

    /**
     * Loads a workload as {@link #load(String, long)} does, with some of its parameters set ({@code $name} in
     * its text takes the value set here instead of the default).
     */
    public static Workload load(String nameOrPath, long seed, Map<String, String> settings) {
        return load(nameOrPath, seed, settings, Optional.empty(), Map.of());
    }

    /**
     * Loads a workload in any format: osim's own YAML/JSON (a standard workload by name, or a file), or a file that
     * an {@link Importers importer} reads, chosen by {@code format} ({@code --input-format}), else by the file's
     * extension or content.
     *
     * @param importOptions each importer's options by importer name ({@code --swf-jobs 1-100}: swf, jobs); only
     *     the chosen importer's may be given
     */
    public static Workload load(String nameOrPath, long seed, Map<String, String> settings, Optional<String> format,
                                Map<String, Map<String, String>> importOptions) {
        Path path = Path.of(nameOrPath);
        boolean file = Files.isRegularFile(path);
        Optional<org.osim.api.workload.WorkloadImporter> importer = Importers.forFormat(format);
        if (importer.isPresent() && !file) {
            throw OsimException.badInput("--input-format " + format.get() + " reads a file: " + nameOrPath + " is not one");
        }
        if (format.isEmpty() && file) {
            importer = Importers.choose(path);
        }
        String chosen = importer.map(org.osim.api.workload.WorkloadImporter::name).orElse(Importers.YAML);
        for (Map.Entry<String, Map<String, String>> e : importOptions.entrySet()) {
            if (!e.getValue().isEmpty() && !e.getKey().equals(chosen)) {
                throw OsimException.badInput("--" + e.getKey() + "-" + e.getValue().keySet().iterator().next() + ": " + nameOrPath
                        + " is read as " + chosen + ", not " + e.getKey() + " (name the format with --input-format "
                        + e.getKey() + ")");
            }
        }
        if (importer.isPresent()) {
            if (!settings.isEmpty()) {
                throw OsimException.badInput("--set sets parameters of osim workloads (YAML/JSON); " + nameOrPath + " is read as "
                        + chosen + (importer.get().parameters().isEmpty() ? "" : ", whose options are --" + chosen + "-…"));
            }
            return Importers.read(importer.get(), new org.osim.api.workload.WorkloadSource(nameOrPath, path, seed),
                    importOptions.getOrDefault(chosen, Map.of()));
        }
        return WorkloadReader.read(fileName(nameOrPath), text(nameOrPath), seed, settings);
    }

    /** The text of a standard workload or a file. */
    public static String text(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw OsimException.badInput(nameOrPath + ": cannot read: " + e.getMessage());
            }
            return text;
        }
        Optional<String> shipped = standardText(nameOrPath);
        if (shipped.isPresent()) {
            return shipped.get();
        }
        if (Files.exists(path)) {
            throw OsimException.badInput(nameOrPath + ": not a regular file");
        }
        throw OsimException.badInput("no workload '" + nameOrPath + "': it is neither a file nor a standard workload (standard: "
                + String.join(", ", standardNames()) + ")");
    }

    /** The name errors give: a file's path, or a standard workload's name with .yaml. */
    private static String fileName(String nameOrPath) {
        return Files.isRegularFile(Path.of(nameOrPath)) ? nameOrPath : nameOrPath + ".yaml";
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = Workloads.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
