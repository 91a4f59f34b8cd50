package org.osim.api.sched;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Iterator;

/** A first-come first-served run queue: the building block of FCFS, round robin and multi-level queues. Experimental. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public final class FifoRunQueue implements Iterable<Task> {
    private final ArrayDeque<Task> queue = new ArrayDeque<>();

    /** Appends at the tail. */
    public void add(Task task) {
        queue.addLast(requireNonNull(task, "task is null"));
    }

    /** Puts at the head, to run next. */
    public void addFirst(Task task) {
        queue.addFirst(requireNonNull(task, "task is null"));
    }

    /** Takes the head, or returns {@code null} if empty (so {@code pickNext} can return it directly). */
    public Task poll() {
        return queue.pollFirst();
    }

    /** Takes the first task allowed on {@code cpu} (its affinity), or returns {@code null} if none is. */
    public Task poll(CpuView cpu) {
        Task head = queue.peekFirst();
        if (head == null || head.allowedOn(cpu.id())) {
            return queue.pollFirst();
        }
        return takeFirstAllowed(queue, cpu.id());
    }

    /** Takes from {@code tasks}, in their iteration order, the first its affinity allows on {@code cpu}; null if none. */
    static Task takeFirstAllowed(Iterable<Task> tasks, int cpu) {
        for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.allowedOn(cpu)) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    /**
     * Takes a task allowed on {@code cpu}, each of them as likely, drawn from {@code random} (one {@code nextInt} over
     * their number); {@code null} if none is: random interleavings.
     */
    public Task pollRandom(CpuView cpu, java.util.SplittableRandom random) {
        int allowed = 0;
        for (Task t : queue) {
            if (t.allowedOn(cpu.id())) {
                allowed++;
            }
        }
        if (allowed == 0) {
            return null;
        }
        int k = random.nextInt(allowed);
        for (Iterator<Task> it = queue.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.allowedOn(cpu.id()) && k-- == 0) {
                it.remove();
                return t;
            }
        }
        throw new IllegalStateException("unreachable: " + allowed + " tasks were allowed");
    }

    /** Takes the first task that {@code wanted} accepts, or returns {@code null}; linear in the queue length. */
    public Task pollFirst(java.util.function.Predicate<Task> wanted) {
        for (Iterator<Task> it = queue.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (wanted.test(t)) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    /** The head without taking it, or {@code null} if empty. */
    public Task peek() {
        return queue.peekFirst();
    }

    /** Removes {@code task} wherever it is; linear in the queue length. */
    public boolean remove(Task task) {
        return queue.removeFirstOccurrence(task);
    }

    public int size() {
        return queue.size();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Head first. */
    @Override
    public Iterator<Task> iterator() {
        return queue.iterator();
    }
}
