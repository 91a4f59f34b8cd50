package org.osim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osim.kernel.Osim;
import picocli.CommandLine.Option;

/** Where plugins come from: the class path, plus folders of jars. */
final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars, one jar, or one Java source file (compiled in memory) to load; may be "
                    + "repeated. ./osim always reads the 'plugins' folder at the repository root.")
    List<Path> plugins = new ArrayList<>();

    /**
     * The plugins of the class path and of the launcher's folder, wired from the moment the command line starts, on
     * a thread of their own, while picocli reads the options and the workload is read: on two cores a start-up's
     * longest steps then take the time of one. Taken by the first command that needs plugins and names no others.
     */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.FutureTask<Osim>> EARLY =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static final java.util.Set<String> WIRING_COMMANDS = java.util.Set.of("run", "compare", "explore", "list", "describe",
            "ostep");

    /**
     * Starts wiring the default plugins for the command line {@code args}, unless it logs at debug level (the log's
     * lines then keep their order) or names plugin folders of its own.
     */
    static void startEarly(String[] args) {
        EARLY.set(wiresEarly(args) ? start(new PluginOptions()) : null);
    }

    /**
     * Whether {@code args} is a command that wires the default plugins (bench times its own, and must not share the
     * CPU with this) and neither names plugin folders nor logs at debug level.
     */
    private static boolean wiresEarly(String[] args) {
        if (args.length == 0 || !WIRING_COMMANDS.contains(args[0]) || debugLogging()) {
            return false;
        }
        for (String a : args) {
            if (SourcePlugin.isSource(a)) {
                return false; // a plugin in a source file: wired with it, once compiled
            }
            if (a.startsWith("--plugins") || a.startsWith("--log-level") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('v') > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Whether wiring was started with the command line and not yet taken. */
    static boolean wiringEarly() {
        return EARLY.get() != null;
    }

    /** Whether osim logs at debug level: wiring then happens in line, so that the log keeps its order. */
    private static boolean debugLogging() {
        return org.slf4j.LoggerFactory.getLogger("org.osim").isDebugEnabled();
    }

    private static java.util.concurrent.FutureTask<Osim> start(PluginOptions options) {
        java.util.concurrent.FutureTask<Osim> task = new java.util.concurrent.FutureTask<>(options::osim);
        Thread t = new Thread(task, "osim-wiring");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /**
     * The plugins, wired on a thread of their own (started with the command line, or now), so that reading the
     * workload overlaps with it; {@code get()} waits for it and throws what it threw. With debug logging on, it
     * wires here and now, so that the log's lines keep their order.
     */
    java.util.function.Supplier<Osim> osimInBackground() {
        java.util.concurrent.FutureTask<Osim> early = EARLY.getAndSet(null);
        if (early != null && plugins.isEmpty()) {
            return wait(early);
        }
        if (debugLogging()) {
            Osim now = osim();
            return () -> now;
        }
        return wait(start(this));
    }

    /**
     * What {@code read} makes (the workload) while {@code wiring} goes on; if both fail, the plugins' fault is the
     * one reported, as when the plugins were wired before the workload was read.
     */
    static <T> T whileWiring(java.util.function.Supplier<Osim> wiring, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            wiring.get();
            throw e;
        }
    }

    private static java.util.function.Supplier<Osim> wait(java.util.concurrent.FutureTask<Osim> task) {
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
        List<Path> all = folders(plugins);
        List<Path> sources = all.stream().filter(p -> SourcePlugin.isSource(p.toString())).toList();
        if (sources.isEmpty()) {
            return Osim.create(all);
        }
        ClassLoader loader = org.osim.kernel.plugin.PluginClassLoaders.over(all.stream().filter(p -> !sources.contains(p)).toList(),
                Osim.class.getClassLoader());
        for (Path source : sources) {
            loader = SourcePlugin.load(source, loader);
        }
        return Osim.create(org.osim.kernel.plugin.PluginRegistry.discover(loader));
    }

    /**
     * A scheduler option that names a source file ({@code Lifo.java}, {@code Lifo.java:quantum=5ms}) becomes the
     * scheduler it defines, with the file among the plugins; any other is returned as it is.
     */
    String scheduler(String option) {
        if (!SourcePlugin.isSource(option)) {
            return option;
        }
        int at = option.indexOf(".java:");
        Path source = Path.of(at < 0 ? option : option.substring(0, at + ".java".length()));
        String params = at < 0 ? "" : option.substring(at + ".java:".length());
        List<String> names = SourcePlugin.schedulers(source);
        if (names.size() != 1) {
            throw org.osim.api.OsimException.badInput(source + " defines " + (names.isEmpty() ? "no scheduler" : names.size()
                    + " schedulers (" + String.join(", ", names) + "): give it with --plugins " + source + " and name one with -s"));
        }
        if (!plugins.contains(source)) {
            plugins.add(source);
        }
        return names.get(0) + (params.isEmpty() ? "" : ":" + params);
    }

    /** The launcher's plugin folders (./osim names the repository's), then {@code given}. */
    static List<Path> folders(List<Path> given) {
        List<Path> all = new ArrayList<>();
        String fromScript = System.getProperty("osim.plugins");
        if (fromScript != null && !fromScript.isBlank()) {
            for (String p : fromScript.split(java.io.File.pathSeparator)) {
                all.add(Path.of(p));
            }
        }
        all.addAll(given);
        return all;
    }

    /**
     * The plugin folders {@code args} names ({@code --plugins DIR}, {@code --plugins=DIR}) with the launcher's: read
     * before the command line is parsed, because the importers found there make options of their own.
     */
    static List<Path> folders(String[] args) {
        List<Path> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins") && i + 1 < args.length) {
                given.add(Path.of(args[++i]));
            } else if (args[i].startsWith("--plugins=")) {
                given.add(Path.of(args[i].substring("--plugins=".length())));
            }
        }
        given.removeIf(p -> SourcePlugin.isSource(p.toString())); // a source file holds no importers: compiled later, if asked
        return folders(given);
    }
}
