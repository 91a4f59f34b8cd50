package org.osim.schedulers;

import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.osim.api.sched.SchedulerFactory;
import org.osim.testkit.SchedulerContract;

/** Every shipped policy keeps the contract a plugin author's policy is held to (the testkit's {@link SchedulerContract}). */
class EveryPolicyContractTest {
    @TestFactory
    Stream<DynamicContainer> everyShippedPolicy() {
        return ServiceLoader.load(SchedulerFactory.class).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(SchedulerFactory::name))
                .map(f -> DynamicContainer.dynamicContainer(f.name(), SchedulerContract.tests(f, java.util.Map.of())));
    }
}
