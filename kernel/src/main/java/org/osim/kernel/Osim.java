package org.osim.kernel;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osim.api.OsimException;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.workload.Workload;
import org.osim.hardware.CostProfile;
import org.osim.kernel.plugin.HardwareModule;
import org.osim.kernel.plugin.KernelModule;
import org.osim.kernel.plugin.PluginClassLoaders;
import org.osim.kernel.plugin.PluginModule;
import org.osim.kernel.plugin.PluginRegistry;

/**
 * osim as a library: the plugins found on the class path (and in plugin folders) and the machine
 * profiles, from which simulations are built.
 *
 * <pre>{@code
 * Osim osim = Osim.create();
 * RunResult r = osim.simulation(workload).scheduler("rr", Map.of("quantum", "4ms")).run();
 * }</pre>
 */
public final class Osim {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Osim.class);

    private final PluginRegistry plugins;
    private final Map<String, CostProfile> profiles;

    @Inject
    Osim(PluginRegistry plugins, Map<String, CostProfile> profiles) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.profiles = new TreeMap<>(profiles);
    }

    /** The plugins on this class path. */
    public static Osim create() {
        return create(List.of());
    }

    /** The plugins on this class path and in the jars of {@code pluginPaths} (folders of jars, or jars). */
    public static Osim create(List<Path> pluginPaths) {
        ClassLoader base = Osim.class.getClassLoader();
        return create(PluginRegistry.discover(PluginClassLoaders.over(pluginPaths, base)));
    }

    /** Exactly these plugins. */
    public static Osim create(PluginRegistry plugins) {
        long t0 = System.nanoTime();
        Osim osim = Guice.createInjector(new HardwareModule(), new KernelModule(), new PluginModule(plugins))
                .getInstance(Osim.class);
        LOG.debug("wired {} schedulers, {} kernel-object types and {} machine profiles in {} ms", plugins.schedulers().size(),
                plugins.objectTypes().size(), osim.profiles.size(), (System.nanoTime() - t0) / 1_000_000);
        return osim;
    }

    public PluginRegistry plugins() {
        return plugins;
    }

    /** The machine profile called {@code name}, or a bad-input error listing the known ones. */
    public CostProfile profile(String name) {
        CostProfile p = profiles.get(name);
        if (p == null) {
            throw OsimException.badInput("unknown machine profile '" + name + "' (known: " + String.join(", ", profiles.keySet()) + ")");
        }
        return p;
    }

    /** A simulation of {@code workload} to configure and run. */
    public Simulation.Builder simulation(Workload workload) {
        return Simulation.builder(workload).profiles(this::profile).schedulers(plugins::requireScheduler)
                .objectTypes(plugins::requireObjectType);
    }

    /** The factory of the scheduler called {@code name}. */
    public SchedulerFactory scheduler(String name) {
        return plugins.requireScheduler(name);
    }
}
