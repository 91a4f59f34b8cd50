package org.osim.testkit;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.osim.api.object.KernelObjectFactory;

/**
 * The kernel-object contract as a test class to extend: name your factory and the scenarios that use it, and JUnit
 * runs every rule of {@link KernelObjectContract} on each.
 *
 * <pre>{@code
 * class LatchContractTest extends KernelObjectContractTest {
 *     protected KernelObjectFactory factory() {
 *         return new Latch();
 *     }
 *
 *     protected List<KernelObjectContract.Scenario> scenarios() {
 *         return List.of(new KernelObjectContract.Scenario("three wait for one", """
 *                 objects: [ { name: go, type: latch, count: 1 } ]
 *                 processes:
 *                   - { name: w, threads: [ ... ] }
 *                 """));
 *     }
 * }
 * }</pre>
 */
public abstract class KernelObjectContractTest {
    /** The kernel-object type under test. */
    protected abstract KernelObjectFactory factory();

    /** Workloads that use it: critical regions where it should exclude, the same calls whatever the interleaving. */
    protected abstract List<KernelObjectContract.Scenario> scenarios();

    @TestFactory
    Stream<DynamicTest> contract() {
        return KernelObjectContract.tests(factory(), scenarios());
    }
}
