package org.osim.testkit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.osim.api.object.KernelObjectFactory;

/**
 * The message-passing contract as a test class to extend: name your factory and say how its operations are called,
 * and JUnit runs every rule of {@link IpcContract} on it.
 *
 * <pre>{@code
 * class QueueContractTest extends IpcContractTest {
 *     protected KernelObjectFactory factory() {
 *         return new PriorityMessageQueue();
 *     }
 *
 *     protected IpcContract.Mechanism mechanism() {
 *         return new IpcContract.Mechanism("pmq", ", capacity: 4", "call box.send {value}", "call box.receive", false);
 *     }
 * }
 * }</pre>
 */
public abstract class IpcContractTest {
    /** The mechanism under test. */
    protected abstract KernelObjectFactory factory();

    /** How its sends and receives are called, and whether it is first in, first out. */
    protected abstract IpcContract.Mechanism mechanism();

    @TestFactory
    Stream<DynamicTest> contract() {
        return IpcContract.tests(factory(), mechanism());
    }
}
