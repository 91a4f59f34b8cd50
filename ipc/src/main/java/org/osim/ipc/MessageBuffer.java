package org.osim.ipc;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.Outcome;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;

/**
 * One place messages wait to be received (Tanenbaum §2.3.8): up to {@code capacity} buffered messages,
 * senders blocked while it is full (their messages kept with them), receivers blocked while it is empty,
 * and requests whose senders wait for a reply. Capacity 0 buffers nothing: a send waits for a receive and
 * a receive for a send — the rendezvous. A receive may name the source it wants ("any" for any).
 */
final class MessageBuffer {
    /** What a non-blocking send or receive returns when it would have to wait (Linux's EAGAIN). */
    static final long WOULD_BLOCK = -11;
    /** What a requester wakes with when the thread serving its request ends without a reply. */
    static final long NO_REPLY = -1;

    /** A message: a value, who sent it, and whether its sender waits for a reply. */
    private record Message(long value, ThreadRef from, boolean request) {}

    private final String name;
    private final long capacity;
    private final ObjectContext context;
    private final ArrayDeque<Message> buffer = new ArrayDeque<>();
    /** Senders blocked because the buffer was full, with their messages, in the order they came. */
    private final Map<ThreadRef, Message> pending = new LinkedHashMap<>();
    /** Receivers asleep, and the source each wants ({@code null}: any). */
    private final Map<ThreadRef, String> wanted = new LinkedHashMap<>();
    /** For each thread that received requests, the requesters it owes a reply, oldest first. */
    private final Map<ThreadRef, ArrayDeque<ThreadRef>> serving = new LinkedHashMap<>();
    private final WaitQueue receivers;
    private final WaitQueue senders;
    private final WaitQueue replies;

    MessageBuffer(String name, long capacity, ObjectContext context) {
        this.name = name;
        this.capacity = capacity;
        this.context = context;
        this.receivers = context.conditionQueue(name + ".receivers");
        this.senders = context.conditionQueue(name + ".senders");
        // A requester waits for the thread serving it: an edge of the wait-for graph, and the holder it
        // lends its lottery tickets to while it waits.
        this.replies = context.waitQueue(name + ".replies", org.osim.api.object.QueueOrder.FIFO);
    }

    /** {@code send}: hands the message to a waiting receiver, buffers it, or blocks the sender (or fails at once if {@code blocking} is false). */
    Outcome send(ThreadRef from, long value, boolean blocking) {
        Message m = new Message(value, from, false);
        if (handToReceiver(m)) {
            context.count("sent", 1);
            return Outcome.done();
        }
        if (buffer.size() < capacity) {
            buffer.add(m);
            context.count("sent", 1);
            context.countMax("most buffered", buffer.size());
            return Outcome.done();
        }
        if (!blocking) {
            context.count("sends refused (full)", 1);
            return Outcome.done(WOULD_BLOCK);
        }
        context.count("sent", 1);
        context.count("senders blocked", 1);
        pending.put(from, m);
        return Outcome.block(senders);
    }

    /** {@code request}: sends the message and waits for the receiver's {@code reply}, whose value it wakes with. */
    Outcome request(ThreadRef from, long value) {
        Message m = new Message(value, from, true);
        context.count("sent", 1);
        context.count("requests", 1);
        if (!handToReceiver(m)) {
            if (buffer.size() < capacity) {
                buffer.add(m);
                context.countMax("most buffered", buffer.size());
            } else {
                pending.put(from, m);
            }
        }
        return Outcome.block(replies);
    }

    /** {@code receive}: the oldest message from {@code source} (null: anyone), or sleep until one comes (or fail at once). */
    Outcome receive(ThreadRef receiver, String source, boolean blocking) {
        Optional<Message> m = take(source);
        if (m.isPresent()) {
            received(m.get(), receiver);
            return Outcome.done(m.get().value());
        }
        if (!blocking) {
            return Outcome.done(WOULD_BLOCK);
        }
        wanted.put(receiver, source);
        return Outcome.block(receivers);
    }

    /** {@code reply}: answers the oldest request {@code server} received and has not answered. */
    Outcome reply(ThreadRef server, long value) {
        ArrayDeque<ThreadRef> owed = serving.get(server);
        if (owed == null || owed.isEmpty()) {
            return Outcome.fail(server.name() + " replies on " + name + " without a request to answer");
        }
        ThreadRef requester = owed.poll();
        if (owed.isEmpty()) {
            serving.remove(server);
            context.released(server, replies);
        }
        context.count("replies", 1);
        context.wake(replies, requester, value);
        return Outcome.done();
    }

    /** A waiter's time-out expired: its send or request is withdrawn. */
    void timedOut(ThreadRef thread, WaitQueue queue) {
        if (queue == receivers) {
            wanted.remove(thread);
            return;
        }
        if (pending.remove(thread) == null) {
            buffer.removeIf(m -> m.from() == thread && m.request()); // a request nobody took: withdrawn
        }
        serving.values().forEach(owed -> owed.remove(thread));
        context.count("timed out", 1);
    }

    /** A thread ended: its pending messages go, and those it served get no reply. */
    void threadExited(ThreadRef thread) {
        wanted.remove(thread);
        pending.remove(thread);
        serving.values().forEach(owed -> owed.remove(thread));
        ArrayDeque<ThreadRef> owed = serving.remove(thread);
        if (owed != null) {
            context.released(thread, replies);
            for (ThreadRef requester : owed) {
                context.wake(replies, requester, NO_REPLY);
            }
        }
    }

    /** Whether {@code queue} is one of this buffer's. */
    boolean owns(WaitQueue queue) {
        return queue == receivers || queue == senders || queue == replies;
    }

    /** Gives {@code m} to the first sleeping receiver that wants its source; false if none does. */
    /** How many messages the buffer holds. */
    int buffered() {
        return buffer.size();
    }

    private boolean handToReceiver(Message m) {
        for (ThreadRef r : receivers.waiters()) {
            String source = wanted.get(r);
            if (source == null || matches(source, m)) {
                wanted.remove(r);
                received(m, r);
                context.wake(receivers, r, m.value());
                return true;
            }
        }
        return false;
    }

    /** Takes the oldest message from {@code source} (null: any): from the buffer, then from blocked senders. */
    private Optional<Message> take(String source) {
        for (Iterator<Message> it = buffer.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (source == null || matches(source, m)) {
                it.remove();
                refill();
                return Optional.of(m);
            }
        }
        for (Iterator<Map.Entry<ThreadRef, Message>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Message m = it.next().getValue();
            if (source == null || matches(source, m)) { // the rendezvous: straight from the sender
                it.remove();
                if (!m.request()) {
                    context.wake(senders, m.from(), 0);
                }
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Room in the buffer: the first blocked sender's message moves in, and a plain sender wakes. */
    private void refill() {
        Iterator<Map.Entry<ThreadRef, Message>> it = pending.entrySet().iterator();
        if (buffer.size() < capacity && it.hasNext()) {
            Message m = it.next().getValue();
            it.remove();
            buffer.add(m);
            if (!m.request()) {
                context.wake(senders, m.from(), 0);
            }
        }
    }

    private void received(Message m, ThreadRef receiver) {
        context.count("received", 1);
        if (m.request()) {
            serving.computeIfAbsent(receiver, k -> new ArrayDeque<>()).add(m.from());
            context.acquired(receiver, replies);
        }
    }

    /** Whether {@code m} comes from {@code source}: a process ({@code producer}) or a thread ({@code server.worker}). */
    private static boolean matches(String source, Message m) {
        return source.equals(m.from().processName()) || source.equals(m.from().name());
    }
}
