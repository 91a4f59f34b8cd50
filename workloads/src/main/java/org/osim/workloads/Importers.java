package org.osim.workloads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.param.Parameters;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadImporter;
import org.osim.api.workload.WorkloadSource;

/**
 * The workload importers on the class path ({@link WorkloadImporter}, found with {@link ServiceLoader}), and the
 * choice of one for a file: {@code --input-format}, else the file's extension, else its content. osim's own
 * YAML/JSON format is {@code yaml}, read by {@link WorkloadReader} with its {@code --set} parameters.
 */
public final class Importers {
    /** The name of osim's own format. */
    public static final String YAML = "yaml";
    /** Endings that are osim's own format for certain; a .json file may be another tool's (rt-app), and is asked. */
    private static final List<String> YAML_EXTENSIONS = List.of("yaml", "yml");
    private static volatile List<WorkloadImporter> all;
    private static volatile ClassLoader loader = Importers.class.getClassLoader();

    private Importers() {}

    /** Finds importers on {@code classes} from now on: the class path and plugin folders (the CLI's {@code --plugins}). */
    public static void use(ClassLoader classes) {
        loader = java.util.Objects.requireNonNull(classes, "classes is null");
        all = null;
    }

    /** Every importer found, by name. */
    public static List<WorkloadImporter> all() {
        List<WorkloadImporter> found = all;
        if (found == null) {
            List<WorkloadImporter> list = new ArrayList<>();
            ServiceLoader.load(WorkloadImporter.class, loader).forEach(list::add);
            list.sort(Comparator.comparing(WorkloadImporter::name));
            all = found = List.copyOf(list);
        }
        return found;
    }

    /** The importer called {@code name}. */
    public static Optional<WorkloadImporter> named(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The formats that can be named with {@code --input-format}: yaml, then the importers'. */
    public static List<String> formatNames() {
        List<String> names = new ArrayList<>();
        names.add(YAML);
        all().forEach(i -> names.add(i.name()));
        return names;
    }

    /** The importer {@code --input-format NAME} names: empty for none or for {@code yaml}; an unknown name is an error. */
    static Optional<WorkloadImporter> forFormat(Optional<String> format) {
        if (format.isEmpty() || format.get().equals(YAML)) {
            return Optional.empty();
        }
        return Optional.of(named(format.get()).orElseThrow(() -> OsimException.badInput("--input-format: unknown format '"
                + format.get() + "' (known: " + String.join(", ", formatNames()) + ")")));
    }

    /**
     * The importer for {@code file}, no format being named: the one claiming the longest matching extension, else the
     * first that recognizes the content; empty for osim's own YAML/JSON.
     */
    static Optional<WorkloadImporter> choose(Path file) {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (YAML_EXTENSIONS.stream().anyMatch(e -> fileName.endsWith("." + e))) {
            return Optional.empty(); // osim's own, without loading any importer
        }
        WorkloadImporter best = null;
        int bestLength = 0;
        for (WorkloadImporter i : all()) {
            for (String ext : i.extensions()) {
                if ((fileName.equals(ext) || fileName.endsWith("." + ext)) && ext.length() > bestLength) {
                    best = i;
                    bestLength = ext.length();
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        byte[] head;
        try {
            head = new WorkloadSource(file.toString(), file, 0).head(4096);
        } catch (IOException e) {
            throw OsimException.badInput(file + ": cannot read: " + e.getMessage());
        }
        for (WorkloadImporter i : all()) {
            if (guarded(i, "recognizes", () -> i.recognizes(head))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Reads {@code source} with {@code importer}; a fault of the importer's own is named as the plugin's. */
    static Workload read(WorkloadImporter importer, WorkloadSource source, Map<String, String> options) {
        Parameters params = Parameters.resolve("importer '" + importer.name() + "'", importer.parameters(), options);
        return guarded(importer, "read", () -> {
            try {
                return java.util.Objects.requireNonNull(importer.read(source, params), "read returned null");
            } catch (IOException e) {
                throw OsimException.badInput(source.name() + ": cannot read: " + e.getMessage());
            }
        });
    }

    private static <T> T guarded(WorkloadImporter importer, String callback, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OsimException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "importer '" + importer.name() + "' failed in " + callback
                    + ": threw " + e, e);
        }
    }
}
