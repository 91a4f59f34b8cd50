package org.osim.ipc;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.osim.api.sched.TimerHandle;

/**
 * A channel between machines, where messages can be lost (Tanenbaum §2.3.8, "design issues for
 * message-passing systems"): each message takes {@code latency} to arrive and is lost with probability
 * {@code loss}. With {@code retransmit}, the sender numbers its messages and waits for an acknowledgement
 * (stop and wait); if none comes within {@code timeout} it sends the message again, and the receiving
 * side discards a message whose sequence number it has seen (its acknowledgement was lost) — so every
 * message is delivered exactly once, in order. Without it, lost messages are simply gone.
 */
public final class UnreliableChannel implements KernelObjectFactory {
    static final ParameterSpec<Long> LATENCY = ParameterSpec.durationOrZero("latency", "1ms", "how long a message (or an acknowledgement) takes to arrive");
    static final ParameterSpec<Double> LOSS = ParameterSpec.decimal("loss", 0, 0, 1, "the probability that a message (or an acknowledgement) is lost");
    static final ParameterSpec<Boolean> RETRANSMIT = ParameterSpec.bool("retransmit", false,
            "number messages, acknowledge them, resend after timeout and discard duplicates");
    static final ParameterSpec<Long> TIMEOUT = ParameterSpec.duration("timeout", "5ms", "how long a sender waits for an acknowledgement before it resends");

    @Override
    public String type() {
        return "channel";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.IPC;
    }

    @Override
    public String description() {
        return "An unreliable channel between machines (Tanenbaum §2.3.8): send V transmits message V, which arrives "
                + "after latency or is lost with probability loss; receive takes the oldest message that arrived, "
                + "waiting while there is none (its value in r0). With retransmit: true the sender numbers its "
                + "messages and waits for an acknowledgement (which can be lost too); after timeout it sends again, "
                + "and the receiving side discards duplicates by sequence number, so every message is delivered "
                + "exactly once, in order. Counters: sent, transmissions, lost, retransmitted, delivered, "
                + "duplicates discarded, acknowledgements lost.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(LATENCY, LOSS, RETRANSMIT, TIMEOUT);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("send", 1, 1, true, "send V: transmit V (with retransmit: and wait until it is acknowledged)"),
                new OperationSpec("receive", 0, 0, true, "receive: take the oldest message that arrived, waiting while there is none"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long latency = params.get(LATENCY);
        double loss = params.get(LOSS);
        boolean retransmit = params.get(RETRANSMIT);
        long timeout = params.get(TIMEOUT);
        if (retransmit && loss >= 1) {
            throw new IllegalArgumentException("with retransmit, loss must be below 1: a message must get through some time");
        }
        WaitQueue receivers = context.conditionQueue(name + ".receivers");
        WaitQueue senders = context.conditionQueue(name + ".senders");
        final class Impl implements KernelObject {
            record Packet(long seq, long value, ThreadRef from) {}

            private long nextSeq;
            private final ArrayDeque<Long> arrived = new ArrayDeque<>();
            private final Set<Long> seen = new HashSet<>();
            /** Each waiting sender's unacknowledged message, and its retransmission timer. */
            private final Map<ThreadRef, Packet> unacked = new LinkedHashMap<>();
            private final Map<ThreadRef, TimerHandle> timers = new LinkedHashMap<>();

            @Override
            public Outcome invoke(Invocation call) {
                if (call.operation().equals("send")) {
                    Packet p = new Packet(nextSeq++, call.longArgument(0), call.caller());
                    context.count("sent", 1);
                    transmit(p);
                    if (!retransmit) {
                        return Outcome.done();
                    }
                    unacked.put(p.from(), p);
                    arm(p);
                    return Outcome.block(senders);
                }
                if (!arrived.isEmpty()) {
                    return Outcome.done(arrived.poll());
                }
                return Outcome.block(receivers);
            }

            private boolean lost() {
                return loss > 0 && context.random().nextDouble() < loss;
            }

            private void transmit(Packet p) {
                context.count("transmissions", 1);
                if (lost()) {
                    context.count("lost", 1);
                    context.note("message " + p.seq() + " from " + p.from().name() + " lost");
                    return;
                }
                context.at(context.now() + latency, () -> arrive(p));
            }

            private void arrive(Packet p) {
                if (retransmit) {
                    boolean fresh = seen.add(p.seq());
                    acknowledge(p);
                    if (!fresh) {
                        context.count("duplicates discarded", 1);
                        return;
                    }
                }
                context.count("delivered", 1);
                if (context.wakeOne(receivers, p.value()).isEmpty()) {
                    arrived.add(p.value());
                }
            }

            private void acknowledge(Packet p) {
                if (lost()) {
                    context.count("acknowledgements lost", 1);
                    return;
                }
                context.at(context.now() + latency, () -> {
                    if (unacked.get(p.from()) == p) {
                        unacked.remove(p.from());
                        timers.remove(p.from()).cancel();
                        context.wake(senders, p.from(), 0);
                    }
                });
            }

            private void arm(Packet p) {
                timers.put(p.from(), context.at(context.now() + timeout, () -> {
                    if (unacked.get(p.from()) == p) {
                        context.count("retransmitted", 1);
                        transmit(p);
                        arm(p);
                    }
                }));
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue queue) {
                unacked.remove(thread);
                TimerHandle t = timers.remove(thread);
                if (t != null) {
                    t.cancel();
                }
            }

            @Override
            public void threadExited(ThreadRef thread) {
                timedOut(thread, null);
            }
        }
        return new Impl();
    }
}
