package org.osim.api.sched;

import static java.util.Objects.requireNonNull;

import java.util.Queue;

/**
 * A queue-shaped policy: ready tasks wait in {@code queue}, the one at its head runs next, for at most a slice. The
 * queue's own order is the policy — an {@code ArrayDeque} is first come first served (round robin with a slice),
 * {@code Collections.asLifoQueue(new ArrayDeque<>())} last in first out, a {@code PriorityQueue} ordered by a key
 * that does not change while the task waits (its priority, its declared run time) that key's order. Override a hook
 * of {@link Scheduler} (say {@link #preemptOnWakeup}) to go further. Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public class QueueScheduler implements Scheduler {
    private final Queue<Task> queue;
    private final long sliceNanos;

    /** Tasks run from {@code queue} until they block, yield or end. */
    public QueueScheduler(Queue<Task> queue) {
        this(queue, Slice.INFINITE);
    }

    /** Tasks run from {@code queue} for at most {@code sliceNanos} at a time, then go back to it. */
    public QueueScheduler(Queue<Task> queue, long sliceNanos) {
        this.queue = requireNonNull(queue, "queue is null");
        if (sliceNanos <= 0) {
            throw new IllegalArgumentException("a slice must be positive, got " + sliceNanos + " ns");
        }
        this.sliceNanos = sliceNanos;
    }

    /** The ready tasks, in the queue's order. */
    protected final Queue<Task> queue() {
        return queue;
    }

    @Override
    public void enqueue(Task task, EnqueueReason why) {
        queue.add(task);
    }

    /**
     * The first task in the queue's order that may run on {@code cpu} (its affinity); null when none may, and the CPU
     * idles. Beyond the head, a {@code PriorityQueue} is searched by taking tasks off and putting them back (its
     * iterator follows no order); any other queue by its iterator, which must follow its order (as those of
     * {@code ArrayDeque}, {@code LinkedList} and {@code Collections.asLifoQueue} do).
     */
    @Override
    public Task pickNext(CpuView cpu) {
        Task head = queue.peek();
        if (head == null || head.allowedOn(cpu.id())) {
            return queue.poll();
        }
        if (queue instanceof java.util.PriorityQueue || queue instanceof java.util.concurrent.PriorityBlockingQueue) {
            java.util.List<Task> passed = new java.util.ArrayList<>();
            Task t;
            while ((t = queue.poll()) != null && !t.allowedOn(cpu.id())) {
                passed.add(t);
            }
            queue.addAll(passed);
            return t;
        }
        return FifoRunQueue.takeFirstAllowed(queue, cpu.id());
    }

    @Override
    public void dequeue(Task task) {
        queue.remove(task);
    }

    @Override
    public long sliceNanos(Task task, CpuView cpu) {
        return sliceNanos;
    }
}
