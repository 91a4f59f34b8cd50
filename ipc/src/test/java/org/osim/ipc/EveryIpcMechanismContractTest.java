package org.osim.ipc;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.osim.testkit.IpcContract;
import org.osim.testkit.IpcContract.Mechanism;

/**
 * The shipped message-passing mechanisms keep the contract a plugin author's is held to (the testkit's
 * {@link IpcContract}): every message once, in order where they are first in, first out, blocked sends and receives
 * woken. A buffered and a rendezvous mailbox, and the channel between machines, lossless and with a loss of 30% that
 * its retransmissions make good.
 */
class EveryIpcMechanismContractTest {
    @TestFactory
    Stream<DynamicContainer> everyShippedMechanism() {
        return Stream.of(
                DynamicContainer.dynamicContainer("mailbox, capacity 2", IpcContract.tests(new Mailbox(),
                        new Mechanism("mailbox", ", capacity: 2", "call box.send {value}", "call box.receive", true))),
                DynamicContainer.dynamicContainer("mailbox, rendezvous", IpcContract.tests(new Mailbox(),
                        new Mechanism("mailbox", ", capacity: 0", "call box.send {value}", "call box.receive", true))),
                DynamicContainer.dynamicContainer("channel", IpcContract.tests(new UnreliableChannel(),
                        new Mechanism("channel", "", "call box.send {value}", "call box.receive", true))),
                DynamicContainer.dynamicContainer("channel, 30% loss, retransmitting", IpcContract.tests(new UnreliableChannel(),
                        new Mechanism("channel", ", loss: 0.3, retransmit: true", "call box.send {value}", "call box.receive", true))));
    }
}
