package org.osim.testkit;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.osim.api.sched.SchedulerFactory;

/**
 * The scheduler contract as a test class to extend (as Trino's {@code BaseConnectorTest} is): name your factory, and
 * JUnit runs every rule of {@link SchedulerContract} against it.
 *
 * <pre>{@code
 * class LifoContractTest extends SchedulerContractTest {
 *     protected SchedulerFactory factory() {
 *         return new Lifo();
 *     }
 * }
 * }</pre>
 */
public abstract class SchedulerContractTest {
    /** The policy under test. */
    protected abstract SchedulerFactory factory();

    /** Its parameters for the contract's runs (none: its defaults). */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicTest> contract() {
        return SchedulerContract.tests(factory(), parameters());
    }
}
