package ext;

import java.util.ArrayDeque;
import java.util.List;
import java.util.PriorityQueue;
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
 * A priority message queue, as POSIX mq_send and mq_receive have it: each message carries a priority,
 * and a receive takes the oldest message of the highest priority. A send to a full queue waits, a
 * receive from an empty one waits.
 */
public final class PriorityMessageQueue implements KernelObjectFactory {
    static final ParameterSpec<Long> CAPACITY = ParameterSpec.integer("capacity", 8, 1, 1_000_000, "messages it holds");

    @Override
    public String type() {
        return "pmq";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.IPC;
    }

    @Override
    public String description() {
        return "A priority message queue (POSIX mq_send/mq_receive): send V P queues message V with priority P, "
                + "waiting while the queue is full; receive takes the oldest message of the highest priority, "
                + "waiting while there is none.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(CAPACITY);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("send", 2, 2, true, "send V P: queue message V with priority P"),
                new OperationSpec("receive", 0, 0, true, "receive: take the most urgent message, its value in r0"));
    }

    /** A message, and its place in line: higher priority first, then first come. */
    private record Message(long value, long priority, long seq) {}

    /** A sender that waits for room, with its message. */
    private record Sender(ThreadRef thread, Message message) {}

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long capacity = params.get(CAPACITY);
        WaitQueue receivers = context.conditionQueue(name + ".receivers");
        WaitQueue senders = context.conditionQueue(name + ".senders");
        PriorityQueue<Message> queue = new PriorityQueue<>((a, b) -> a.priority() != b.priority()
                ? Long.compare(b.priority(), a.priority()) : Long.compare(a.seq(), b.seq()));
        ArrayDeque<Sender> waiting = new ArrayDeque<>();
        return new KernelObject() {
            private long seq;

            @Override
            public Outcome invoke(Invocation call) {
                if (call.operation().equals("send")) {
                    Message m = new Message(call.longArgument(0), call.longArgument(1), seq++);
                    context.count("sent", 1);
                    if (context.wakeOne(receivers, m.value()).isPresent()) {
                        return Outcome.done(); // a receiver was waiting: it takes the message at once
                    }
                    if (queue.size() < capacity) {
                        queue.add(m);
                        return Outcome.done();
                    }
                    waiting.add(new Sender(call.caller(), m));
                    return Outcome.block(senders);
                }
                Message m = queue.poll();
                if (m == null) {
                    return Outcome.block(receivers);
                }
                Sender s = waiting.poll(); // room for the first waiting sender's message
                if (s != null) {
                    queue.add(s.message());
                    context.wake(senders, s.thread(), 0);
                }
                return Outcome.done(m.value());
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue q) {
                waiting.removeIf(s -> s.thread().equals(thread));
            }

            @Override
            public void threadExited(ThreadRef thread) {
                waiting.removeIf(s -> s.thread().equals(thread));
            }
        };
    }
}
