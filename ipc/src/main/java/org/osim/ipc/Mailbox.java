package org.osim.ipc;

import java.util.List;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * A mailbox (Tanenbaum §2.3.8): messages are addressed to it, not to a process, and it buffers up to
 * {@code capacity} of them. A send to a full mailbox blocks, a receive from an empty one blocks; with
 * capacity 0 there is no buffer and sender and receiver meet — the rendezvous. A message is a number; the
 * receiver gets it in r0 (a program sends a register's value with {@code call box.send r3}).
 */
public final class Mailbox implements KernelObjectFactory {
    static final ParameterSpec<Long> CAPACITY = ParameterSpec.integer("capacity", 10, 0, 1_000_000,
            "how many messages it buffers; 0: none, so every send waits for a receive (the rendezvous)");

    @Override
    public String type() {
        return "mailbox";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.IPC;
    }

    @Override
    public String description() {
        return "A mailbox (Tanenbaum §2.3.8): a place that buffers up to capacity messages, addressed by its name. "
                + "send puts a message in, waiting while the mailbox is full; receive takes the oldest out (its value in "
                + "r0), waiting while it is empty; trysend and tryreceive return -11 (EAGAIN) instead of waiting. "
                + "With capacity 0 nothing is buffered: a send waits for a receive and a receive for a send, the "
                + "rendezvous. request sends and waits for the receiver's reply (a remote procedure call); while it "
                + "waits, the requester waits for its server, who gets its lottery tickets with --ticket-transfer. "
                + "receive SOURCE takes only messages from that process (or thread).";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(CAPACITY);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("send", 1, 1, true, "send V: put message V in, waiting while the mailbox is full"),
                new OperationSpec("trysend", 1, 1, false, "trysend V: put message V in, or return -11 at once if it is full"),
                new OperationSpec("receive", 0, 1, true, "receive [SOURCE]: take the oldest message (from SOURCE), waiting while there is none"),
                new OperationSpec("tryreceive", 0, 1, false, "tryreceive [SOURCE]: take the oldest message, or return -11 at once"),
                new OperationSpec("request", 1, 1, true, "request V: send V and wait for the receiver's reply, which r0 gets"),
                new OperationSpec("reply", 1, 1, false, "reply V: answer the oldest request this thread received"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        MessageBuffer box = new MessageBuffer(name, params.get(CAPACITY), context);
        return new KernelObject() {
            @Override
            public java.util.Map<String, Long> levels() {
                return java.util.Map.of("messages", (long) box.buffered());
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef caller = call.caller();
                String source = call.arguments().isEmpty() || call.arguments().get(0).equals("any") ? null : call.arguments().get(0);
                return switch (call.operation()) {
                    case "send" -> box.send(caller, call.longArgument(0), true);
                    case "trysend" -> box.send(caller, call.longArgument(0), false);
                    case "receive" -> box.receive(caller, source, true);
                    case "tryreceive" -> box.receive(caller, source, false);
                    case "request" -> box.request(caller, call.longArgument(0));
                    case "reply" -> box.reply(caller, call.longArgument(0));
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                };
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue queue) {
                box.timedOut(thread, queue);
            }

            @Override
            public void threadExited(ThreadRef thread) {
                box.threadExited(thread);
            }
        };
    }
}
