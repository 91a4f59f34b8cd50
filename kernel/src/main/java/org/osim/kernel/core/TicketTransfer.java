package org.osim.kernel.core;

import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.ThreadState;

/**
 * Ticket transfer (Waldspurger and Weihl): a thread that blocks waiting for another lends it its tickets
 * until it wakes. Only when the run asks for it ({@code ticketTransfer}).
 */
final class TicketTransfer {
    private final KernelOptions options;
    private final ProcessTable table;
    private final SchedulerGuard policy;

    TicketTransfer(KernelOptions options, ProcessTable table, SchedulerGuard policy) {
        this.options = options;
        this.table = table;
        this.policy = policy;
    }

    /**
     * Ticket transfer (Waldspurger and Weihl): a thread that blocks waiting for another lends it its
     * tickets until it wakes. Only when the run asks for it ({@code ticketTransfer}).
     */
    void lendTickets(ThreadControlBlock t) {
        if (!options.ticketTransfer()) {
            return;
        }
        ThreadControlBlock to = ticketTarget(t);
        if (to != null && to != t) {
            int amount = t.tickets();
            t.lentTo = to;
            t.ticketsLent = amount;
            to.ticketsReceived += amount;
            ticketsChanged(to);
        }
    }

    /** Whom a blocked thread waits for: the thread it joins, its oldest live child thread, or its oldest live child process. */
    ThreadControlBlock ticketTarget(ThreadControlBlock t) {
        WaitQueue q = t.waitingOn;
        for (ThreadControlBlock k : t.children) {
            if (k.state != ThreadState.TERMINATED && (q == t.childrenDone || q == k.joiners)) {
                return k;
            }
        }
        ObjectWaitQueue in = t.objectWait;
        if (in != null && in.waitsForHolders) { // it waits for whoever holds what it waits for: a server, a lock's owner
            for (ThreadControlBlock h : (in.holders.isEmpty() ? in.object.holders : in.holders).keySet()) {
                if (h != t && h.state != ThreadState.TERMINATED) {
                    return h;
                }
            }
        }
        if (q != null && q == t.process.childWait) {
            for (ProcessControlBlock child : t.process.children) {
                if (child.alive()) {
                    for (ThreadControlBlock k : child.threads) {
                        if (k.state != ThreadState.TERMINATED) {
                            return k;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** {@code q} has a new holder: its waiters lend their tickets to its holders as they are now. */
    void lendFromWaiters(ObjectWaitQueue q) {
        if (!options.ticketTransfer() || !q.waitsForHolders) {
            return;
        }
        for (ObjectWaitQueue.Entry e : q.entries()) {
            reclaimTickets(e.blocked);
            lendTickets(e.blocked);
        }
    }

    /** A ready thread's tickets changed: the policy takes it back and gets it again, so that it draws with them. */
    void ticketsChanged(ThreadControlBlock t) {
        if (t.state == ThreadState.READY && t.held && !t.user) {
            policy.dequeue(t);
            policy.enqueue(t, EnqueueReason.PRIORITY_CHANGED);
        }
    }

    void reclaimTickets(ThreadControlBlock t) {
        if (t.lentTo != null) {
            ThreadControlBlock from = t.lentTo;
            t.lentTo.ticketsReceived -= t.ticketsLent;
            t.lentTo = null;
            t.ticketsLent = 0;
            ticketsChanged(from);
        }
    }

    /** A thread that ends gives back what it received; its lenders, still waiting, lend to their next target. */
    void returnBorrowedTickets(ThreadControlBlock ended) {
        if (ended.ticketsReceived == 0 && ended.lentTo == null) {
            return;
        }
        reclaimTickets(ended);
        for (ThreadControlBlock t : table.threads()) {
            if (t.lentTo == ended) {
                reclaimTickets(t);
                if (t.state == ThreadState.BLOCKED) {
                    lendTickets(t);
                }
            }
        }
    }
}
