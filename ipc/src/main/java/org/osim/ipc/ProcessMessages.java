package org.osim.ipc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Message passing addressed to processes (Tanenbaum §2.3.8, the first of the two ways of addressing):
 * {@code send(destination, message)} and {@code receive(source, message)}. Each process has its own
 * buffer of {@code capacity} messages; with capacity 0 every send is a rendezvous with the receiver.
 */
public final class ProcessMessages implements KernelObjectFactory {
    static final ParameterSpec<Long> CAPACITY = ParameterSpec.integer("capacity", 10, 0, 1_000_000,
            "how many messages each process's buffer holds; 0: none, every send waits for the receive (rendezvous)");

    @Override
    public String type() {
        return "messages";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.IPC;
    }

    @Override
    public String description() {
        return "Message passing addressed to processes (Tanenbaum §2.3.8): send DEST V puts message V in process "
                + "DEST's buffer (capacity messages), waiting while it is full; receive [SOURCE] takes the oldest "
                + "message for the caller's process (from SOURCE only, if named), waiting while there is none, its "
                + "value in r0. trysend and tryreceive return -11 (EAGAIN) instead of waiting. With capacity 0 nothing "
                + "is buffered: sender and receiver meet (the rendezvous). request DEST V waits for DEST's reply V.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(CAPACITY);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("send", 2, 2, true, "send DEST V: send message V to process DEST, waiting while its buffer is full"),
                new OperationSpec("trysend", 2, 2, false, "trysend DEST V: send, or return -11 at once if DEST's buffer is full"),
                new OperationSpec("receive", 0, 1, true, "receive [SOURCE]: take the oldest message for this process (from SOURCE), waiting while there is none"),
                new OperationSpec("tryreceive", 0, 1, false, "tryreceive [SOURCE]: take the oldest message, or return -11 at once"),
                new OperationSpec("request", 2, 2, true, "request DEST V: send V to DEST and wait for its reply, which r0 gets"),
                new OperationSpec("reply", 1, 1, false, "reply V: answer the oldest request this thread received"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long capacity = params.get(CAPACITY);
        Map<String, MessageBuffer> buffers = new LinkedHashMap<>();
        return new KernelObject() {
            private MessageBuffer of(String process) {
                return buffers.computeIfAbsent(process, p -> new MessageBuffer(name + "." + p, capacity, context));
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef caller = call.caller();
                List<String> args = call.arguments();
                String source = args.isEmpty() || args.get(0).equals("any") ? null : args.get(0);
                return switch (call.operation()) {
                    case "send" -> of(args.get(0)).send(caller, call.longArgument(1), true);
                    case "trysend" -> of(args.get(0)).send(caller, call.longArgument(1), false);
                    case "receive" -> of(caller.processName()).receive(caller, source, true);
                    case "tryreceive" -> of(caller.processName()).receive(caller, source, false);
                    case "request" -> of(args.get(0)).request(caller, call.longArgument(1));
                    case "reply" -> of(caller.processName()).reply(caller, call.longArgument(0));
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                };
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue queue) {
                buffers.values().stream().filter(b -> b.owns(queue)).forEach(b -> b.timedOut(thread, queue));
            }

            @Override
            public void threadExited(ThreadRef thread) {
                buffers.values().forEach(b -> b.threadExited(thread));
            }
        };
    }
}
