package org.osim.schedulers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.osim.api.sched.Task;

/**
 * The ready tasks of a lottery and their tickets, in a Fenwick tree over slots, so that drawing the
 * holder of ticket k, adding and removing a task all take O(log n) (Waldspurger's tree-based lottery).
 * Tickets are read when a task is added. Each task carries its {@link Slot} in the policy's slot.
 */
final class TicketTree {
    /** Where a task sits in the tree; -1 while it is not in it. */
    static final class Slot {
        int index = -1;
    }

    /** 1-based Fenwick sums: tree[i] covers slots (i − lowbit(i), i − 1]. One longer than the slots. */
    private long[] tree = new long[65];
    private Task[] slots = new Task[64];
    private long[] tickets = new long[64];
    private int count;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private int used;
    private long total;

    void add(Task task) {
        int slot;
        if (!free.isEmpty()) {
            slot = free.pollFirst();
        } else {
            if (used == slots.length) {
                grow();
            }
            slot = used++;
        }
        long t = Math.max(0, task.tickets());
        slots[slot] = task;
        tickets[slot] = t;
        task.attachment(Slot.class).index = slot;
        count++;
        update(slot, t);
    }

    boolean remove(Task task) {
        Slot s = task.attachment(Slot.class);
        int slot = s.index;
        if (slot < 0) {
            return false;
        }
        s.index = -1;
        count--;
        update(slot, -tickets[slot]);
        slots[slot] = null;
        tickets[slot] = 0;
        free.addFirst(slot);
        return true;
    }

    long total() {
        return total;
    }

    int size() {
        return count;
    }

    /** The task holding ticket {@code k}, 0 ≤ k < total, counting slot by slot. */
    Task holder(long k) {
        int pos = 0;
        for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
            int next = pos + step;
            if (next < tree.length && tree[next] <= k) {
                pos = next;
                k -= tree[next];
            }
        }
        return slots[pos]; // slot pos (tree index pos + 1) is the first whose prefix sum exceeds k
    }

    /** Any task, when all hold zero tickets: the lowest occupied slot. */
    Task first() {
        for (int i = 0; i < used; i++) {
            if (slots[i] != null) {
                return slots[i];
            }
        }
        return null;
    }

    List<Task> tasks() {
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            if (slots[i] != null) {
                out.add(slots[i]);
            }
        }
        return out;
    }

    private void update(int slot, long delta) {
        total += delta;
        for (int i = slot + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    private void grow() {
        int n = slots.length * 2;
        Task[] oldSlots = slots;
        long[] oldTickets = tickets;
        slots = java.util.Arrays.copyOf(oldSlots, n);
        tickets = java.util.Arrays.copyOf(oldTickets, n);
        tree = new long[n + 1];
        for (int i = 0; i < used; i++) {
            for (int j = i + 1; j < tree.length; j += j & -j) {
                tree[j] += tickets[i];
            }
        }
    }
}
