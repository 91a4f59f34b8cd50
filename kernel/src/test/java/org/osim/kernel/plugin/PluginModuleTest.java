package org.osim.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectKind;
import org.osim.api.sched.SchedulerFactory;

class PluginModuleTest {
    private static final TypeLiteral<Map<String, KernelObjectFactory>> OBJECTS = new TypeLiteral<>() {};

    private static KernelObjectFactory object(String type, ObjectKind kind) {
        KernelObjectFactory f = mock(KernelObjectFactory.class);
        when(f.type()).thenReturn(type);
        when(f.kind()).thenReturn(kind);
        return f;
    }

    private static SchedulerFactory scheduler(String name) {
        SchedulerFactory f = mock(SchedulerFactory.class);
        when(f.name()).thenReturn(name);
        return f;
    }

    @Test
    void schedulersSyncPrimitivesAndIpcMechanismsAreMapMultibindings() {
        SchedulerFactory rr = scheduler("rr");
        KernelObjectFactory semaphore = object("semaphore", ObjectKind.SYNC);
        KernelObjectFactory mailbox = object("mailbox", ObjectKind.IPC);
        KernelObjectFactory mutex = object("mutex", ObjectKind.SYNC);
        Injector injector = Guice.createInjector(new PluginModule(PluginRegistry.of(List.of(rr), List.of(semaphore, mailbox, mutex))));

        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, SchedulerFactory>>() {}))).containsExactly(Map.entry("rr", rr));
        assertThat(injector.getInstance(Key.get(OBJECTS, Names.named(PluginRegistry.SYNC))))
                .containsOnly(Map.entry("semaphore", semaphore), Map.entry("mutex", mutex));
        assertThat(injector.getInstance(Key.get(OBJECTS, Names.named(PluginRegistry.IPC)))).containsOnly(Map.entry("mailbox", mailbox));

        PluginRegistry injected = injector.getInstance(PluginRegistry.class);
        assertThat(injected).isSameAs(injector.getInstance(PluginRegistry.class));
        assertThat(injected.objectTypes()).containsExactly(mailbox, mutex, semaphore); // by type, alphabetically
        assertThat(injected.ipcMechanisms().keySet()).containsExactly("mailbox");
        assertThat(injected.requireScheduler("rr")).isSameAs(rr);
    }

    @Test
    void anEmptyKindStillInjects() {
        Injector injector = Guice.createInjector(new PluginModule(PluginRegistry.of(List.of(scheduler("fcfs")))));
        assertThat(injector.getInstance(PluginRegistry.class).objectTypes()).isEmpty();
    }

    @Test
    void aPluginWithoutAKindIsNamed() {
        KernelObjectFactory broken = object("gate", null);
        assertThatThrownBy(() -> PluginRegistry.of(List.of(), List.of(broken)))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessageContaining("kernel-object plugin").hasMessageContaining("returned no kind()");
    }
}
