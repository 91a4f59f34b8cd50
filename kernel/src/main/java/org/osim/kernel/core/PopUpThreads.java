package org.osim.kernel.core;

import java.util.List;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;
import org.osim.hardware.Machine;

/**
 * Messages to servers (Tanenbaum §2.2.8, Fig. 2-10): arrivals of a process's message streams, {@code serve}
 * in a thread that waits for them, pop-up threads made fresh for each message, and asynchronous handlers
 * whose blocking calls come back as messages.
 */
final class PopUpThreads {
    private final Engine engine;
    private final Machine machine;
    private final PendingEvents pending;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ProcessLifecycle lifecycle;
    UserLevelThreads userThreads;

    PopUpThreads(Engine engine, Machine machine, PendingEvents pending) {
        this.engine = engine;
        this.machine = machine;
        this.pending = pending;
    }

    static boolean inAsyncHandler(ThreadControlBlock t) {
        return t.frames != null && !t.frames.isEmpty() && t.frames.peek().async();
    }

    /** Arms the arrivals of a process's message streams (each one event walking its arrival times). */
    void receiveMessages(ProcessControlBlock p, List<org.osim.api.workload.MessageStream> streams, boolean popup) {
        DeviceMessages mail = p.messages();
        mail.popup = popup;
        for (org.osim.api.workload.MessageStream stream : streams) {
            List<Long> times = stream.arrivals();
            List<Instruction> handler = p.programs.get(stream.handler()).instructions();
            mail.toCome += times.size();
            pending.arrivals += times.size(); // the run is not over while messages are still to come
            Event arrival = new Event(EventRank.ARRIVAL) {
                private int next;

                @Override
                protected void fire() {
                    long at = times.get(next++);
                    pending.arrivals--;
                    if (next < times.size()) {
                        engine.schedule(this, Math.max(engine.now(), times.get(next)));
                    }
                    onMessage(p, stream.handler(), new Message(Math.min(at, engine.now()), handler));
                }
            };
            engine.schedule(arrival, Math.max(engine.now(), times.get(0)));
        }
    }

    void onMessage(ProcessControlBlock p, String handler, Message m) {
        DeviceMessages mail = p.messages();
        mail.toCome--;
        if (!p.alive()) {
            return;
        }
        mail.arrived++;
        if (mail.popup) {
            // A pop-up thread (Tanenbaum §2.2.8): a fresh thread, with nothing to restore, handles the message.
            ThreadControlBlock t = lifecycle.createThread(p, p.nextThreadName(handler), handler, new Program(m.code),
                    new Program(m.code).cpuNanos(), null);
            t.message = m;
            return;
        }
        mail.inbox().addLast(m);
        if (mail.receivers != null) {
            dispatcher.wakeOne(mail.receivers);
        }
    }

    /**
     * {@code serve}: take the next message and run its handler in thread {@code t}; returns false if {@code t}
     * left the CPU to wait for one.
     */
    boolean serve(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, boolean async) {
        ProcessControlBlock p = t.process;
        Message m = p.receivesMessages() ? p.messages().inbox().pollFirst() : null;
        if (m == null) {
            if (p.messagesDone()) {
                return true; // nothing more will come: serve returns and the program goes on
            }
            t.context.pc--; // serve again once woken
            ThreadControlBlock waiter = userThreads.blockInKernel(c, k, t, "a message");
            p.messages().receivers().add(waiter);
            return false;
        }
        p.messages().started(m, engine.now());
        if (t.frames == null) {
            t.frames = new java.util.ArrayDeque<>(1);
        }
        t.frames.push(new ThreadControlBlock.Frame(t.program, t.context.pc - 1, m, async));
        t.program = m.code;
        t.context.pc = 0;
        return true;
    }

    /** The handler (or a continuation) a thread was serving has run to its end: back to {@code serve}. */
    void handlerDone(ThreadControlBlock t, boolean complete) {
        ThreadControlBlock.Frame f = t.frames.pop();
        if (complete) {
            t.process.messages().handled(f.message(), engine.now());
        }
        t.program = f.program();
        t.context.pc = f.pc();
    }

    /**
     * In an asynchronous handler, a blocking call does not block: the I/O starts, the handler stops here,
     * and what is left of it comes back as a message when the I/O is done.
     */
    void asyncCall(ThreadControlBlock t, long nanos, java.util.Optional<String> device) {
        ProcessControlBlock p = t.process;
        Message rest = t.frames.peek().message().continuation(t.program.subList(t.context.pc, t.program.size()));
        DeviceMessages mail = p.messages();
        mail.asyncInFlight++;
        pending.wakeups++;
        Runnable done = () -> {
            pending.wakeups--;
            mail.asyncInFlight--;
            if (p.alive()) {
                mail.inbox().addLast(rest);
                if (mail.receivers != null) {
                    dispatcher.wakeOne(mail.receivers);
                }
            }
        };
        if (device.isPresent()) {
            machine.device(device.get()).submit(nanos, done);
        } else {
            engine.at(engine.now() + nanos, EventRank.WAKEUP, done);
        }
        handlerDone(t, false);
    }
}
