package org.osim.kernel.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.osim.kernel.Osim;

/**
 * The mechanism's bindings. One {@link Osim} serves a whole process: it is built once, and each
 * simulation is then assembled from it by plain constructors, so sweeps of thousands of runs do not pay
 * for an injector each.
 */
public final class KernelModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Osim.class).in(Singleton.class);
    }
}
