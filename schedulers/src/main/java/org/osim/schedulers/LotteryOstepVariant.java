package org.osim.schedulers;

import java.util.Comparator;
import java.util.TreeSet;
import org.osim.api.PythonRandom;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.Task;

/**
 * Lottery scheduling exactly as OSTEP's {@code lottery.py} runs it ({@code lottery variant=ostep}): each decision
 * draws {@code int(random() * 1000001)} from the script's own stream (CPython's generator, seeded with the script's
 * seed, past the draws that made its jobs), takes it modulo the unfinished jobs' tickets and scans the jobs in id
 * order for the winner; the winner runs one quantum, and the clock moves a whole quantum even when it needed less, so
 * the CPU idles to the end of the quantum.
 */
final class LotteryOstepVariant implements Scheduler {
    private final SchedulerContext ctx;
    private final long quantum;
    private final PythonRandom random;
    private final TreeSet<Task> ready = new TreeSet<>(Comparator.comparingInt(Task::pid).thenComparingInt(Task::id));
    /** When the quantum under way ends: no decision before (the script's clock moves by whole quanta). */
    private long quantumEnd = Long.MIN_VALUE;
    private boolean wakeUpSet;

    LotteryOstepVariant(SchedulerContext ctx, long quantum, long seed, long draws) {
        this.ctx = ctx;
        this.quantum = quantum;
        this.random = new PythonRandom(seed);
        for (long i = 0; i < draws; i++) {
            random.random();
        }
    }

    @Override
    public void enqueue(Task task, EnqueueReason why) {
        ready.add(task);
    }

    @Override
    public Task pickNext(CpuView cpu) {
        long now = ctx.now();
        if (ready.isEmpty()) {
            return null;
        }
        if (now < quantumEnd) {
            if (!wakeUpSet) {
                wakeUpSet = true;
                ctx.at(quantumEnd, () -> {
                    wakeUpSet = false;
                    ctx.reschedule(cpu.id());
                });
            }
            return null;
        }
        long total = 0;
        for (Task t : ready) {
            total += t.tickets();
        }
        long r = (long) (random.random() * 1000001);
        long winner = r % total;
        long sum = 0;
        Task pick = ready.first();
        for (Task t : ready) {
            sum += t.tickets();
            if (sum > winner) {
                pick = t;
                break;
            }
        }
        ready.remove(pick);
        quantumEnd = now + quantum;
        ctx.report(pick, "ticket", winner);
        return pick;
    }

    @Override
    public long sliceNanos(Task task, CpuView cpu) {
        return quantum;
    }

    @Override
    public void dequeue(Task task) {
        ready.remove(task);
    }
}
