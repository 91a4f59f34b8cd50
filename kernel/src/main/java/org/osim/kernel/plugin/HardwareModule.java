package org.osim.kernel.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.osim.hardware.CostProfile;

/** Binds the machine cost profiles by name ({@code textbook}, {@code modern}). */
public final class HardwareModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, CostProfile> profiles = MapBinder.newMapBinder(binder(), String.class, CostProfile.class);
        for (CostProfile p : CostProfile.BUILT_IN) {
            profiles.addBinding(p.name()).toInstance(p);
        }
    }
}
