package org.osim.api.sched;

/**
 * Several FIFO queues, one per level; level 0 is served first. The base of priority classes, CTSS and
 * MLFQ. Experimental.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public final class MultiLevelQueue {
    private final FifoRunQueue[] levels;
    private int size;

    public MultiLevelQueue(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1");
        }
        this.levels = new FifoRunQueue[levels];
        for (int i = 0; i < levels; i++) {
            this.levels[i] = new FifoRunQueue();
        }
    }

    public int levels() {
        return levels.length;
    }

    /** Appends {@code task} at the tail of {@code level}. */
    public void add(int level, Task task) {
        levels[level].add(task);
        size++;
    }

    /** Puts {@code task} at the head of {@code level}. */
    public void addFirst(int level, Task task) {
        levels[level].addFirst(task);
        size++;
    }

    /** Takes the head of the first non-empty level, or returns {@code null} if all are empty. */
    public Task poll() {
        for (FifoRunQueue q : levels) {
            Task t = q.poll();
            if (t != null) {
                size--;
                return t;
            }
        }
        return null;
    }

    /** Takes the first task allowed on {@code cpu} from the highest level that has one, or returns {@code null}. */
    public Task poll(CpuView cpu) {
        for (FifoRunQueue q : levels) {
            Task t = q.poll(cpu);
            if (t != null) {
                size--;
                return t;
            }
        }
        return null;
    }

    /** The first non-empty level, or -1. */
    public int highestNonEmpty() {
        for (int i = 0; i < levels.length; i++) {
            if (!levels[i].isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    public boolean remove(Task task) {
        for (FifoRunQueue q : levels) {
            if (q.remove(task)) {
                size--;
                return true;
            }
        }
        return false;
    }

    public FifoRunQueue level(int level) {
        return levels[level];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
