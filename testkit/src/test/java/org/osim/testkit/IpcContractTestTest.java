package org.osim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectPlugin;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.param.Parameters;

/** The message-passing contract passes a correct mailbox and catches one that delivers a message twice. */
class IpcContractTestTest {
    /** An unbounded first-in, first-out mailbox; {@code broken}, every message sent is buffered twice. */
    static class Box extends KernelObjectPlugin {
        private final boolean broken;

        Box(String type, boolean broken) {
            super(type, ObjectKind.IPC, "an unbounded mailbox for the contract's own test",
                    List.of(new OperationSpec("send", 1, 1, false, "put a message in"), OperationSpec.of("receive", true, "take one, or wait")));
            this.broken = broken;
        }

        @Override
        public KernelObject create(String name, Parameters params, ObjectContext context) {
            var receivers = context.conditionQueue(name + ".receivers");
            ArrayDeque<Long> messages = new ArrayDeque<>();
            return call -> {
                if (call.operation().equals("receive")) {
                    return messages.isEmpty() ? Outcome.block(receivers) : Outcome.done(messages.poll());
                }
                long v = call.longArgument(0);
                if (context.wakeOne(receivers, v).isEmpty()) {
                    messages.add(v); // nobody waits: it is kept for the next receive
                }
                if (broken) {
                    messages.add(v); // and, wrongly, kept again
                }
                return Outcome.done();
            };
        }
    }

    private static final IpcContract.Mechanism BOX = new IpcContract.Mechanism("box", "", "call box.send {value}", "call box.receive", true);

    private static Throwable run(DynamicTest t) {
        return catchThrowable(() -> t.getExecutable().execute());
    }

    @Test
    void aCorrectMailboxKeepsEveryRule() {
        List<DynamicTest> tests = IpcContract.tests(new Box("box", false), BOX).toList();
        assertThat(tests).hasSize(9);
        assertThat(tests.get(0).getDisplayName()).isEqualTo("1 producer, 1 consumer: every message once, in order, round robin");
        for (DynamicTest t : tests) {
            assertThat(run(t)).as(t.getDisplayName()).isNull();
        }
    }

    @Test
    void aMailboxThatDuplicatesAMessageIsCaught() {
        Throwable failure = run(IpcContract.tests(new Box("box", true), BOX).findFirst().orElseThrow());
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("every message sent is received exactly once");
    }
}
