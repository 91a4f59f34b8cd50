package org.osim.kernel.core;

import org.osim.api.sched.ThreadState;
import org.osim.hardware.Engine;
import org.osim.hardware.EventRank;

/**
 * Periodic real-time tasks (Tanenbaum §2.4.4): each job's release and deadline, the backlog of jobs released
 * while an earlier one runs, and what a missed deadline does ({@code abortOnMiss} abandons the job).
 */
final class PeriodicJobs {
    private final Engine engine;
    private final PendingEvents pending;
    private final Tracer tracer;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ThreadExecution execution;

    PeriodicJobs(Engine engine, PendingEvents pending, Tracer tracer) {
        this.engine = engine;
        this.pending = pending;
        this.tracer = tracer;
    }

    /** Job {@code job} of {@code t} is released now: its deadline is armed and the next release scheduled. */
    void release(ThreadControlBlock t, int job) {
        JobState js = t.jobs;
        js.released++;
        pending.wakeups++; // the deadline check
        long deadline = js.deadlineOf(job);
        engine.at(deadline, EventRank.TICK, () -> {
            pending.wakeups--;
            onDeadline(t, job);
        });
        int next = job + 1;
        if (js.spec.hasJob(next)) {
            pending.wakeups++;
            engine.at(js.releaseOf(next), EventRank.WAKEUP, () -> {
                pending.wakeups--;
                if (t.state == ThreadState.TERMINATED) {
                    return;
                }
                release(t, next);
                if (js.waitingForRelease) {
                    js.waitingForRelease = false;
                    startJob(t, next);
                    dispatcher.wake(t);
                } else {
                    js.backlog.addLast(next);
                }
            });
        }
    }

    void startJob(ThreadControlBlock t, int job) {
        JobState js = t.jobs;
        js.currentJob = job;
        js.currentRelease = js.releaseOf(job);
        js.currentDeadline = js.deadlineOf(job);
        js.currentMissed = false;
        t.context.pc = 0;
        t.timesLeft = t.times - 1;
        t.remaining = 0;
    }

    /** The current job's program has ended: account it, and start a waiting job if there is one. */
    boolean nextJob(CpuSlot c, ThreadControlBlock t) {
        JobState js = t.jobs;
        long now = engine.now();
        if (js.currentJob >= 0) {
            long response = now - js.currentRelease;
            js.completed++;
            js.sumResponse += response;
            js.worstResponse = Math.max(js.worstResponse, response);
            js.maxLateness = Math.max(js.maxLateness, now - js.currentDeadline);
            if (now > js.currentDeadline && !js.currentMissed) {
                js.missed++;
            }
            js.currentJob = -1;
            js.currentDeadline = Long.MAX_VALUE;
        }
        Integer waiting = js.backlog.pollFirst();
        if (waiting == null) {
            return false;
        }
        startJob(t, waiting);
        return true;
    }

    /** At a job's deadline: if it has not finished it has missed; with abortOnMiss it is abandoned. */
    void onDeadline(ThreadControlBlock t, int job) {
        JobState js = t.jobs;
        if (t.state == ThreadState.TERMINATED) {
            return;
        }
        boolean unfinished = js.currentJob == job || js.backlog.contains(job);
        if (!unfinished) {
            return;
        }
        js.missed++;
        if (js.currentJob == job) {
            js.currentMissed = true;
        }
        if (tracer.on()) {
            tracer.emit(new org.osim.api.trace.TraceEvent.DeadlineMissed(engine.now(), t.name, job, js.spec.abortOnMiss()));
        }
        if (!js.spec.abortOnMiss()) {
            return;
        }
        js.aborted++;
        if (js.backlog.remove(job)) {
            return;
        }
        // Abandon the current job: its remaining work is dropped.
        js.currentJob = -1;
        js.currentDeadline = Long.MAX_VALUE;
        if (t.state == ThreadState.RUNNING) {
            CpuSlot c = t.cpu;
            dispatcher.saveState(c, t);
            t.remaining = 0;
            t.context.pc = t.program.size();
            t.timesLeft = 0;
            execution.execute(c, t, engine.now());
        } else {
            t.remaining = 0;
            t.context.pc = t.program.size();
            t.timesLeft = 0;
        }
    }
}
