package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.osim.api.param.Parameters;
import org.osim.api.sched.SchedulerFactory;

class PluginDiscoveryTest {
    @Test
    void serviceLoaderFindsEveryBuiltInPolicy() {
        assertThat(ServiceLoader.load(SchedulerFactory.class).stream().map(p -> p.get().name()))
                .containsExactlyInAnyOrder("fcfs", "sjf", "srtn", "rr", "priority", "priority-classes", "dynamic-priority",
                        "ctss", "mlfq", "spn", "guaranteed", "lottery", "stride", "fair-share", "cfs", "eevdf",
                        "edf", "gedf", "edzl", "pedf", "rm", "dm", "llf", "random", "scripted", "easy", "conservative", "moss", "process-run", "x86");
    }

    @Test
    void everyPolicyDescribesItselfAndHasDefaultsForEveryParameter() {
        for (SchedulerFactory f : ServiceLoader.load(SchedulerFactory.class)) {
            assertThat(f.description()).as(f.name()).hasSizeGreaterThan(60);
            Parameters p = Parameters.resolve(f.name(), f.parameters(), java.util.Map.of());
            assertThat(p.asText().keySet()).as(f.name()).hasSize(f.parameters().size());
        }
        assertThat(new RoundRobin().parameters().get(0).defaultText()).isEqualTo("20ms");
        assertThat(new PriorityScheduling().parameters()).extracting(s -> s.name()).containsExactly("preemptive", "quantum", "decay");
    }
}
