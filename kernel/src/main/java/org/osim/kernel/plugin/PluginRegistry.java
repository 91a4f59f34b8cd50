package org.osim.kernel.plugin;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import com.google.inject.Inject;
import com.google.inject.name.Named;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectKind;
import org.osim.api.sched.SchedulerFactory;

/**
 * The plugins {@link ServiceLoader} finds on a class loader, by name. Two plugins of one kind with the
 * same name are rejected, naming both classes and where each came from.
 */
public final class PluginRegistry {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** The binding name of the map of synchronization primitives ({@link ObjectKind#SYNC}) by type. */
    public static final String SYNC = "sync";
    /** The binding name of the map of IPC mechanisms ({@link ObjectKind#IPC}) by type. */
    public static final String IPC = "ipc";

    private final Map<String, SchedulerFactory> schedulers;
    private final Map<String, KernelObjectFactory> objectTypes;
    private final Map<String, KernelObjectFactory> sync;
    private final Map<String, KernelObjectFactory> ipc;

    /**
     * The registry of already checked plugins, as {@link PluginModule} binds them: schedulers by name, the
     * kernel objects by type in two maps, one per {@link ObjectKind}.
     */
    @Inject
    public PluginRegistry(Map<String, SchedulerFactory> schedulers, @Named(SYNC) Map<String, KernelObjectFactory> sync,
                          @Named(IPC) Map<String, KernelObjectFactory> ipc) {
        this.schedulers = Collections.unmodifiableMap(new TreeMap<>(schedulers));
        this.sync = Collections.unmodifiableMap(new TreeMap<>(sync));
        this.ipc = Collections.unmodifiableMap(new TreeMap<>(ipc));
        Map<String, KernelObjectFactory> all = new TreeMap<>(sync);
        ipc.forEach((type, f) -> {
            if (all.putIfAbsent(type, f) != null) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "two kernel-object plugins are of type '" + type + "': "
                        + describe(all.get(type)) + " and " + describe(f));
            }
        });
        this.objectTypes = Collections.unmodifiableMap(all);
    }

    /** Everything on {@code loader}'s class path. */
    public static PluginRegistry discover(ClassLoader loader) {
        requireNonNull(loader, "loader is null");
        return of(load(SchedulerFactory.class, loader), load(KernelObjectFactory.class, loader));
    }

    /** A registry of exactly these schedulers and no kernel objects (for tests and embedding). */
    public static PluginRegistry of(Iterable<SchedulerFactory> factories) {
        return of(factories, java.util.List.of());
    }

    /** A registry of exactly these plugins. */
    public static PluginRegistry of(Iterable<SchedulerFactory> factories, Iterable<KernelObjectFactory> objects) {
        Map<String, KernelObjectFactory> types = new TreeMap<>();
        for (KernelObjectFactory f : objects) {
            checkApiVersion(f);
            String type;
            try {
                type = f.type();
            } catch (RuntimeException | LinkageError e) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel-object plugin " + describe(f) + " failed in type(): " + e, e);
            }
            if (type == null || !NAME.matcher(type).matches()) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel-object plugin " + describe(f)
                        + " has an invalid type '" + type + "': use lower-case letters, digits and '-'");
            }
            LOG.debug("kernel-object plugin '{}': {}", type, describe(f));
            KernelObjectFactory before = types.putIfAbsent(type, f);
            if (before != null) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "two kernel-object plugins are of type '" + type + "': "
                        + describe(before) + " and " + describe(f));
            }
        }
        return of(factories, types);
    }

    private static PluginRegistry of(Iterable<SchedulerFactory> factories, Map<String, KernelObjectFactory> types) {
        Map<String, SchedulerFactory> byName = new TreeMap<>();
        for (SchedulerFactory f : factories) {
            checkApiVersion(f);
            String name;
            try {
                name = f.name();
            } catch (RuntimeException | LinkageError e) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "scheduler plugin " + describe(f) + " failed in name(): " + e, e);
            }
            if (name == null || !NAME.matcher(name).matches()) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "scheduler plugin " + describe(f)
                        + " has an invalid name '" + name + "': use lower-case letters, digits and '-'");
            }
            LOG.debug("scheduler plugin '{}': {}", name, describe(f));
            SchedulerFactory before = byName.putIfAbsent(name, f);
            if (before != null) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "two scheduler plugins are named '" + name + "': "
                        + describe(before) + " and " + describe(f));
            }
        }
        Map<String, KernelObjectFactory> sync = new TreeMap<>();
        Map<String, KernelObjectFactory> ipc = new TreeMap<>();
        types.forEach((type, f) -> (kindOf(f) == ObjectKind.IPC ? ipc : sync).put(type, f));
        return new PluginRegistry(byName, sync, ipc);
    }

    private static ObjectKind kindOf(KernelObjectFactory f) {
        ObjectKind kind;
        try {
            kind = f.kind();
        } catch (RuntimeException e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel-object plugin " + describe(f) + " failed in kind(): " + e, e);
        }
        if (kind == null) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel-object plugin " + describe(f) + " returned no kind()");
        }
        return kind;
    }

    private static <T> Iterable<T> load(Class<T> type, ClassLoader loader) {
        java.util.List<T> found = new java.util.ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "cannot load a " + type.getSimpleName()
                        + " plugin: " + e.getMessage(), e);
            }
        }
        return found;
    }

    /**
     * Refuses a plugin whose jar says it was built against an osim-api this one cannot run ({@link
     * org.osim.api.ApiVersion}); a jar that says nothing is taken as it is.
     */
    static void checkApiVersion(Object plugin) {
        CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
        URL where = source == null ? null : source.getLocation();
        if (where == null || !where.getPath().endsWith(".jar") || plugin.getClass().getName().startsWith("org.osim.")) {
            return;
        }
        String declared;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new java.io.File(where.toURI()))) {
            java.util.jar.Manifest m = jar.getManifest();
            declared = m == null ? null : m.getMainAttributes().getValue(org.osim.api.ApiVersion.MANIFEST_ATTRIBUTE);
        } catch (java.io.IOException | java.net.URISyntaxException | IllegalArgumentException e) {
            return; // not a jar we can read: the class loader read it, so let the plugin speak for itself
        }
        if (declared != null && !org.osim.api.ApiVersion.compatible(declared)) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "plugin " + describe(plugin) + " was built against osim-api " + declared
                    + ", and this osim's is " + org.osim.api.ApiVersion.current() + ", which cannot run it: rebuild it against osim-api "
                    + org.osim.api.ApiVersion.current() + " (docs/writing-a-scheduler.md)");
        }
    }

    /**
     * Where a plugin comes from, for listings: {@code built in} for osim's own, the name its class loader gives
     * (a source file's, {@code source Lifo.java}), or the file name of its jar.
     */
    public static String origin(Object plugin) {
        Class<?> c = plugin.getClass();
        if (c.getName().startsWith("org.osim.")) {
            return "built in";
        }
        ClassLoader loader = c.getClassLoader();
        if (loader != null && loader.getName() != null && loader.getName().startsWith("source ")) {
            return loader.getName();
        }
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL where = source == null ? null : source.getLocation();
        if (where == null) {
            return "unknown";
        }
        String path = where.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The class of a plugin and the jar or folder it came from. */
    static String describe(Object plugin) {
        Class<?> c = plugin.getClass();
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL where = source == null ? null : source.getLocation();
        return c.getName() + " (" + (where == null ? "unknown source" : where.getPath()) + ")";
    }

    /** All scheduler factories, by name in alphabetical order. */
    public Collection<SchedulerFactory> schedulers() {
        return schedulers.values();
    }

    public Optional<SchedulerFactory> scheduler(String name) {
        return Optional.ofNullable(schedulers.get(name));
    }

    /** The factory called {@code name}, or a bad-input error listing the known names. */
    public SchedulerFactory requireScheduler(String name) {
        return scheduler(name).orElseThrow(() -> OsimException.badInput("unknown scheduler '" + name + "' (known: "
                + String.join(", ", schedulers.keySet()) + ")"));
    }

    /** All kernel-object factories, by type in alphabetical order. */
    public Collection<KernelObjectFactory> objectTypes() {
        return objectTypes.values();
    }

    /** The synchronization primitives ({@link ObjectKind#SYNC}), by type in alphabetical order. */
    public Map<String, KernelObjectFactory> syncPrimitives() {
        return sync;
    }

    /** The IPC mechanisms ({@link ObjectKind#IPC}), by type in alphabetical order. */
    public Map<String, KernelObjectFactory> ipcMechanisms() {
        return ipc;
    }

    public Optional<KernelObjectFactory> objectType(String type) {
        return Optional.ofNullable(objectTypes.get(type));
    }

    /** The factory of object type {@code type}, or a bad-input error listing the known types. */
    public KernelObjectFactory requireObjectType(String type) {
        return objectType(type).orElseThrow(() -> OsimException.badInput("unknown kernel object type '" + type + "' (known: "
                + (objectTypes.isEmpty() ? "none installed" : String.join(", ", objectTypes.keySet())) + ")"));
    }

    /** Where a plugin came from, for {@code describe}. */
    public static String source(Object plugin) {
        return describe(plugin);
    }
}
