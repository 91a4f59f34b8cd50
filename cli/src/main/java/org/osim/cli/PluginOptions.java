package org.osim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osim.kernel.Osim;
import picocli.CommandLine.Option;

/** Where plugins come from: the class path, plus folders of jars. */
final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars (or one jar) to load; may be repeated. "
                    + "./osim always reads the 'plugins' folder at the repository root.")
    List<Path> plugins = new ArrayList<>();

    /**
     * Starts wiring the plugins on a thread of its own, so that reading the workload overlaps with it (on two cores
     * a start-up's two longest steps take the time of one); {@code get()} waits for it and throws what it threw.
     * With debug logging on, it wires here and now, so that the log's lines keep their order.
     */
    java.util.function.Supplier<Osim> osimInBackground() {
        if (org.slf4j.LoggerFactory.getLogger("org.osim").isDebugEnabled()) {
            Osim now = osim();
            return () -> now;
        }
        java.util.concurrent.FutureTask<Osim> task = new java.util.concurrent.FutureTask<>(this::osim);
        Thread t = new Thread(task, "osim-wiring");
        t.setDaemon(true);
        t.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while wiring the plugins", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    Osim osim() {
        List<Path> all = new ArrayList<>();
        String fromScript = System.getProperty("osim.plugins");
        if (fromScript != null && !fromScript.isBlank()) {
            for (String p : fromScript.split(java.io.File.pathSeparator)) {
                all.add(Path.of(p));
            }
        }
        all.addAll(plugins);
        return Osim.create(all);
    }
}
