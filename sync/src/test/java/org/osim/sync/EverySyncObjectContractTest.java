package org.osim.sync;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.osim.api.object.KernelObjectFactory;
import org.osim.testkit.KernelObjectContract;
import org.osim.testkit.KernelObjectContract.Scenario;

/**
 * The shipped locks keep the contract a plugin author's kernel object is held to (the testkit's
 * {@link KernelObjectContract}): each guards a critical region for three processes, under round robin and random
 * interleavings on one and two CPUs, with the invariant checker on.
 */
class EverySyncObjectContractTest {
    /** Three processes, five turns each in the region {@code acquire} and {@code release} guard. */
    private static Scenario guarded(String type, String params, String acquire, String release) {
        String worker = acquire + "; enter; cpu 20us; leave; " + release + "; cpu 10us";
        return new Scenario("a critical region for three", "objects: [ { name: x, type: " + type + params + " } ]\nprocesses:\n"
                + "  - { name: A, repeat: 5, program: \"" + worker + "\" }\n  - { name: B, repeat: 5, program: \"" + worker + "\" }\n"
                + "  - { name: C, repeat: 5, program: \"" + worker + "\" }\n");
    }

    private static List<Scenario> scenarios(String type) {
        return switch (type) {
            case "semaphore" -> List.of(guarded(type, ", initial: 1", "call x.down", "call x.up"));
            case "mutex", "adaptive-mutex" -> List.of(guarded(type, "", "call x.lock", "call x.unlock"));
            case "rwlock" -> List.of(guarded(type, "", "call x.write_lock", "call x.write_unlock"));
            default -> List.of();
        };
    }

    @TestFactory
    Stream<DynamicContainer> everyShippedLock() {
        return ServiceLoader.load(KernelObjectFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> !scenarios(f.type()).isEmpty())
                .sorted(java.util.Comparator.comparing(KernelObjectFactory::type))
                .map(f -> DynamicContainer.dynamicContainer(f.type(), KernelObjectContract.tests(f, scenarios(f.type()))));
    }
}
