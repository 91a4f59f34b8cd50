package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;
import org.osim.api.sched.ThreadState;
import org.osim.api.sched.TimerHandle;
import org.osim.api.trace.TraceEvent;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * What the kernel offers one kernel object (DESIGN §6): wait queues it owns, wake-ups with a value,
 * holders for the deadlock detector and for priority inheritance, timers, counters and trace notes. The
 * object decides; through this context the kernel carries out what it decided.
 */
final class KernelObjectContext implements org.osim.api.object.ObjectContext {
    private final KernelObjectEntry o;
    private final SplittableRandom random;
    private final Engine engine;
    private final Workload workload;
    private final Tracer tracer;
    private final KernelObjects objects;

    KernelObjectContext(KernelObjectEntry o, SplittableRandom random, Engine engine, Workload workload, Tracer tracer,
                        KernelObjects objects) {
        this.o = o;
        this.random = random;
        this.engine = engine;
        this.workload = workload;
        this.tracer = tracer;
        this.objects = objects;
    }

    @Override
    public long now() {
        return engine.now();
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public org.osim.api.object.WaitQueue waitQueue(String name, org.osim.api.object.QueueOrder order) {
        ObjectWaitQueue q = new ObjectWaitQueue(o, name, order, true);
        o.queues.add(q);
        return q;
    }

    @Override
    public org.osim.api.object.WaitQueue conditionQueue(String name) {
        ObjectWaitQueue q = new ObjectWaitQueue(o, name, org.osim.api.object.QueueOrder.FIFO, false);
        o.queues.add(q);
        return q;
    }

    @Override
    public void requeue(org.osim.api.object.WaitQueue from, org.osim.api.object.ThreadRef thread,
                        org.osim.api.object.WaitQueue to) {
        ObjectWaitQueue src = (ObjectWaitQueue) from;
        ObjectWaitQueue.Entry e = src.entryOf((ThreadControlBlock) thread);
        if (e == null) {
            throw new IllegalArgumentException(thread.name() + " is not waiting in " + from.name());
        }
        src.remove(e);
        ObjectWaitQueue.Entry moved = ((ObjectWaitQueue) to).adopt(e);
        moved.timeout = e.timeout;
        if (o.inheriting) {
            objects.inheritance.lendPriority(o, new java.util.HashSet<>());
        }
    }

    @Override
    public void inheritPriority() {
        o.inheriting = true;
    }

    @Override
    public java.util.Optional<org.osim.api.object.ThreadRef> wakeOne(org.osim.api.object.WaitQueue queue, long value) {
        ObjectWaitQueue.Entry e = ((ObjectWaitQueue) queue).next();
        if (e == null) {
            return java.util.Optional.empty();
        }
        objects.objectWake((ObjectWaitQueue) queue, e, value);
        return java.util.Optional.of(e.caller);
    }

    @Override
    public int wakeAll(org.osim.api.object.WaitQueue queue, long value) {
        int n = 0;
        for (ObjectWaitQueue.Entry e; (e = ((ObjectWaitQueue) queue).next()) != null; n++) {
            objects.objectWake((ObjectWaitQueue) queue, e, value);
        }
        return n;
    }

    @Override
    public void wake(org.osim.api.object.WaitQueue queue, org.osim.api.object.ThreadRef thread, long value) {
        ObjectWaitQueue q = (ObjectWaitQueue) queue;
        ObjectWaitQueue.Entry e = q.entryOf((ThreadControlBlock) thread);
        if (e == null) {
            throw new IllegalArgumentException(thread.name() + " is not waiting in " + queue.name());
        }
        objects.objectWake(q, e, value);
    }

    @Override
    public void acquired(org.osim.api.object.ThreadRef thread) {
        o.holders.putIfAbsent((ThreadControlBlock) thread, engine.now());
        o.acquisitions++;
        o.queues.forEach(objects.tickets::lendFromWaiters);
        if (o.inheriting) {
            objects.inheritance.lendPriority(o, new java.util.HashSet<>());
        }
    }

    @Override
    public void released(org.osim.api.object.ThreadRef thread) {
        Long since = o.holders.remove((ThreadControlBlock) thread);
        if (since != null) {
            o.holdTime += engine.now() - since;
        }
        if (o.inheriting) {
            objects.inheritance.inheritedPriority((ThreadControlBlock) thread, new java.util.HashSet<>());
        }
    }

    @Override
    public void acquired(org.osim.api.object.ThreadRef thread, org.osim.api.object.WaitQueue queue) {
        ((ObjectWaitQueue) queue).holders.putIfAbsent((ThreadControlBlock) thread, engine.now());
        o.acquisitions++;
        objects.tickets.lendFromWaiters((ObjectWaitQueue) queue);
    }

    @Override
    public void released(org.osim.api.object.ThreadRef thread, org.osim.api.object.WaitQueue queue) {
        Long since = ((ObjectWaitQueue) queue).holders.remove((ThreadControlBlock) thread);
        if (since != null) {
            o.holdTime += engine.now() - since;
        }
    }

    @Override
    public void setPriority(org.osim.api.object.ThreadRef thread, int priority) {
        objects.inheritance.changeThreadPriority((ThreadControlBlock) thread, priority);
    }

    @Override
    public void signalled() {
        objects.dispatcherSignalled(o);
    }

    @Override
    public long load(org.osim.api.object.ThreadRef thread, String word) {
        return objects.memory.userWord((ThreadControlBlock) thread, word);
    }

    @Override
    public void onProcessExit(String process, Runnable action) {
        requireNonNull(action, "action is null");
        if (workload.processes().stream().noneMatch(p -> p.name().equals(process))) {
            throw new IllegalArgumentException("no process '" + process + "' in the workload");
        }
        objects.onExit("process " + process, () -> objects.guardObject(o, "a process exit", () -> {
            action.run();
            return null;
        }));
    }

    @Override
    public void onThreadExit(String thread, Runnable action) {
        requireNonNull(action, "action is null");
        int dot = thread.lastIndexOf('.');
        String process = dot < 0 ? thread : thread.substring(0, dot);
        if (workload.processes().stream().noneMatch(p -> p.name().equals(process))) {
            throw new IllegalArgumentException("no thread '" + thread + "' in the workload (name it PROCESS.THREAD)");
        }
        objects.onExit("thread " + thread, () -> objects.guardObject(o, "a thread exit", () -> {
            action.run();
            return null;
        }));
    }

    @Override
    public boolean isRunning(org.osim.api.object.ThreadRef thread) {
        ThreadControlBlock t = (ThreadControlBlock) thread;
        return t.cpu != null && t.state != ThreadState.TERMINATED;
    }

    @Override
    public void count(String counter, long delta) {
        o.counters.merge(requireNonNull(counter, "counter is null"), delta, Long::sum);
    }

    @Override
    public void countMax(String counter, long value) {
        o.counters.merge(requireNonNull(counter, "counter is null"), value, Math::max);
    }

    @Override
    public void countTime(String counter, long nanos) {
        o.times.merge(requireNonNull(counter, "counter is null"), nanos, Long::sum);
    }

    @Override
    public void countMaxTime(String counter, long nanos) {
        o.times.merge(requireNonNull(counter, "counter is null"), nanos, Math::max);
    }

    @Override
    public void note(String what) {
        if (tracer.on()) {
            tracer.emit(new TraceEvent.ObjectNote(engine.now(), o.name, what));
        }
    }

    @Override
    public TimerHandle at(long time, Runnable action) {
        Event e = Event.of(EventRank.POLICY_TIMER, () -> {
            o.timers--;
            objects.touch(o);
            objects.guardObject(o, "a timer", () -> {
                action.run();
                return null;
            });
        });
        o.timers++;
        engine.schedule(e, Math.max(time, engine.now()));
        return () -> {
            if (engine.cancel(e)) {
                o.timers--;
            }
        };
    }
}
