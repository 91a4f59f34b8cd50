package org.osim.kernel.plugin;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.osim.api.sched.SchedulerFactory;

/** Binds every plugin {@link PluginRegistry} found, by name, in a {@link MapBinder}. */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry registry;

    public PluginModule(PluginRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        MapBinder<String, SchedulerFactory> schedulers = MapBinder.newMapBinder(binder(), String.class, SchedulerFactory.class);
        for (SchedulerFactory f : registry.schedulers()) {
            schedulers.addBinding(f.name()).toInstance(f);
        }
    }
}
