package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.result.Violation;
import org.osim.api.sched.ThreadState;
import org.osim.hardware.Engine;

/**
 * Deadlock detection (Tanenbaum §6.4.1, one resource of each type): the wait-for graph through the holders of
 * kernel objects, searched for a cycle when a thread blocks; and the state in which every live thread is
 * blocked with nothing left to wake them.
 */
final class DeadlockDetector {
    private final Engine engine;
    private final ProcessTable table;
    private final List<Violation> violations;
    private final InterleavingLog interleavings;

    DeadlockDetector(Engine engine, ProcessTable table, List<Violation> violations, InterleavingLog interleavings) {
        this.engine = engine;
        this.table = table;
        this.violations = violations;
        this.interleavings = interleavings;
    }

    void reportDeadlock(long now) {
        List<String> stuck = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (ThreadControlBlock t : table.threads()) {
            if (t.state == ThreadState.BLOCKED) {
                stuck.add(t.name);
                if (detail.length() > 0) {
                    detail.append("; ");
                }
                ThreadControlBlock who = t.currentUser != null ? t.currentUser : t;
                String on = t.waitingOn != null ? t.waitingOn.name()
                        : who.dispatcherWait != null ? who.dispatcherWait.label
                        : t.objectWait != null ? t.objectWait.name() : t.currentUser != null && t.currentUser.objectWait != null
                        ? t.currentUser.objectWait.name() : "an event";
                detail.append(t.name).append(" waits for ").append(on);
            }
        }
        violations.add(new Violation("deadlock", now, stuck,
                "every live thread is blocked and nothing can wake them: " + detail, interleavings.scheduleSoFar()));
    }

    /**
     * The wait-for graph: {@code t} now waits for {@code o}, which its holders hold. If following holders
     * to what they wait for leads back to {@code t}, that is a deadlock: it is reported with its cycle.
     */
    boolean checkWaitForCycle(ThreadControlBlock t, ObjectWaitQueue q) {
        List<String> path = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        if (violations.size() < 100 && cycle(t, q, path, threads, new java.util.HashSet<>())) {
            threads.add(0, t.name);
            StringBuilder d = new StringBuilder(t.name);
            for (String step : path) {
                d.append(step);
            }
            violations.add(new Violation("deadlock", engine.now(), threads, "a cycle of waits: " + d
                    + " (each waits for an object the next one holds)", interleavings.scheduleSoFar()));
            return true;
        }
        return false;
    }

    /** Depth-first along "waits in q, whose part of the object is held by": back to {@code start} is a cycle. */
    boolean cycle(ThreadControlBlock start, ObjectWaitQueue q, List<String> path, List<String> threads,
                          java.util.Set<ObjectWaitQueue> seen) {
        if (!seen.add(q)) {
            return false;
        }
        java.util.Set<ThreadControlBlock> holders = new java.util.LinkedHashSet<>(q.object.holders.keySet());
        holders.addAll(q.holders.keySet());
        String what = q.holders.isEmpty() ? q.object.name : q.name();
        for (ThreadControlBlock holder : holders) {
            path.add(" → " + what + " held by " + holder.name);
            if (holder == start) {
                return true;
            }
            threads.add(holder.name);
            ObjectWaitQueue next = holder.spinningOn != null ? holder.spinningOn : holder.objectWait;
            if (next != null && next.waitsForHolders && cycle(start, next, path, threads, seen)) {
                return true;
            }
            threads.remove(threads.size() - 1);
            path.remove(path.size() - 1);
        }
        return false;
    }
}
