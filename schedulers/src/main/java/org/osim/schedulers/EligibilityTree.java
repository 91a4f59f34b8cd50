package org.osim.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.sched.Task;

/**
 * The runnable tasks of EEVDF, ordered by virtual runtime and augmented with the earliest virtual
 * deadline in each subtree, so that the eligible task (virtual runtime ≤ V) with the earliest deadline
 * is found in one descent: O(log n) expected, like Linux's augmented red-black tree. A treap whose
 * priorities are a fixed hash of the insertion number, so shapes (and results) are deterministic.
 */
final class EligibilityTree {
    private static final class Node {
        final Task task;
        final double vruntime;
        final double deadline;
        final long seq;
        final long priority;
        Node left;
        Node right;
        /** The node with the earliest deadline in this subtree (ties: the smaller seq). */
        Node best;

        Node(Task task, double vruntime, double deadline, long seq) {
            this.task = task;
            this.vruntime = vruntime;
            this.deadline = deadline;
            this.seq = seq;
            this.priority = mix(seq);
            this.best = this;
        }
    }

    private Node root;
    private long seq;
    private int size;

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static boolean before(Node a, Node b) {
        return a.vruntime < b.vruntime || (a.vruntime == b.vruntime && a.seq < b.seq);
    }

    private static Node earlier(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq) ? a : b;
    }

    private static void update(Node n) {
        n.best = earlier(earlier(n, n.left == null ? null : n.left.best), n.right == null ? null : n.right.best);
    }

    int size() {
        return size;
    }

    void add(Task task, double vruntime, double deadline) {
        root = insert(root, new Node(task, vruntime, deadline, seq++));
        size++;
    }

    private Node insert(Node at, Node n) {
        if (at == null) {
            return n;
        }
        if (before(n, at)) {
            at.left = insert(at.left, n);
            if (at.left.priority > at.priority) {
                at = rotateRight(at);
            }
        } else {
            at.right = insert(at.right, n);
            if (at.right.priority > at.priority) {
                at = rotateLeft(at);
            }
        }
        update(at);
        return at;
    }

    private static Node rotateRight(Node n) {
        Node l = n.left;
        n.left = l.right;
        l.right = n;
        update(n);
        update(l);
        return l;
    }

    private static Node rotateLeft(Node n) {
        Node r = n.right;
        n.right = r.left;
        r.left = n;
        update(n);
        update(r);
        return r;
    }

    /** Removes {@code task}; returns whether it was there. A search by identity: linear, but rare (kills). */
    boolean remove(Task task) {
        Node n = find(root, task);
        if (n == null) {
            return false;
        }
        root = delete(root, n);
        size--;
        return true;
    }

    private Node find(Node at, Task task) {
        if (at == null) {
            return null;
        }
        if (at.task == task) {
            return at;
        }
        Node l = find(at.left, task);
        return l != null ? l : find(at.right, task);
    }

    private Node delete(Node at, Node n) {
        if (at == n) {
            return merge(at.left, at.right);
        }
        if (before(n, at)) {
            at.left = delete(at.left, n);
        } else {
            at.right = delete(at.right, n);
        }
        update(at);
        return at;
    }

    private Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            update(a);
            return a;
        }
        b.left = merge(a, b.left);
        update(b);
        return b;
    }

    /** Removes and returns the eligible task (virtual runtime ≤ v) with the earliest deadline, or null if none. */
    Task pollEligible(double v) {
        Node best = eligible(root, v);
        if (best == null) {
            return null;
        }
        root = delete(root, best);
        size--;
        return best.task;
    }

    private static Node eligible(Node at, double v) {
        Node best = null;
        while (at != null) {
            if (at.vruntime <= v) {
                // This node and its whole left subtree are eligible; the right subtree may hold more.
                best = earlier(best, earlier(at, at.left == null ? null : at.left.best));
                at = at.right;
            } else {
                at = at.left;
            }
        }
        return best;
    }

    /** Removes and returns the task with the least virtual runtime, or null if empty. */
    Task pollFirst() {
        if (root == null) {
            return null;
        }
        Node n = root;
        while (n.left != null) {
            n = n.left;
        }
        root = delete(root, n);
        size--;
        return n.task;
    }

    /** The tasks in virtual-runtime order, with their keys: for the rare pick that affinity constrains. */
    List<Task> tasks() {
        List<Task> out = new ArrayList<>(size);
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<Task> out) {
        if (n != null) {
            walk(n.left, out);
            out.add(n.task);
            walk(n.right, out);
        }
    }
}
