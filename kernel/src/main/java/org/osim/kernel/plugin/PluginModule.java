package org.osim.kernel.plugin;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import java.util.Map;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.sched.SchedulerFactory;

/**
 * Binds the plugins {@link java.util.ServiceLoader} found, each by its name, in map multibindings: the
 * schedulers, the synchronization primitives ({@code @Named("sync")}) and the IPC mechanisms
 * ({@code @Named("ipc")}); the {@link PluginRegistry} the rest of osim uses is built from those maps.
 */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry found;

    /** {@code found}: plugins already checked for names and duplicates, e.g. {@link PluginRegistry#discover}. */
    public PluginModule(PluginRegistry found) {
        this.found = requireNonNull(found, "found is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, SchedulerFactory> schedulers = MapBinder.newMapBinder(binder(), String.class, SchedulerFactory.class);
        for (SchedulerFactory f : found.schedulers()) {
            schedulers.addBinding(f.name()).toInstance(f);
        }
        bindObjects(PluginRegistry.SYNC, found.syncPrimitives());
        bindObjects(PluginRegistry.IPC, found.ipcMechanisms());
        bind(PluginRegistry.class).in(Singleton.class);
    }

    private void bindObjects(String kind, Map<String, KernelObjectFactory> byType) {
        // Bound even when empty, so that a registry without, say, IPC mechanisms still injects.
        MapBinder<String, KernelObjectFactory> objects = MapBinder.newMapBinder(binder(), String.class,
                KernelObjectFactory.class, Names.named(kind));
        byType.forEach((type, f) -> objects.addBinding(type).toInstance(f));
    }
}
