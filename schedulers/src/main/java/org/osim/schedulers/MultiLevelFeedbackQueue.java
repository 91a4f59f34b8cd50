package org.osim.schedulers;

import java.util.List;
import org.osim.api.OsimException;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.ParameterType;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.MultiLevelQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/**
 * The multi-level feedback queue, with the rules of Arpaci-Dusseau's OSTEP ch. 8 and the options the
 * common variants need. Level 0 is the highest.
 *
 * <ol>
 *   <li>A job at a higher level runs before one at a lower level; a job becoming ready at a higher level
 *       than a running one preempts it.</li>
 *   <li>Jobs at the same level run round robin, each for at most its level's quantum (and never beyond
 *       what is left of its allotment).</li>
 *   <li>A new job enters at the top.</li>
 *   <li>Once a job has used its level's allotment (allotment × quantum of CPU time, however many times it
 *       gave up the CPU on the way), it moves down one level. With {@code keepOnIo}, giving up the CPU
 *       before the allotment is used keeps the level and restarts the allotment (the gameable old rule).</li>
 *   <li>Every {@code boost} period all jobs move to the top level with a fresh allotment.</li>
 * </ol>
 * With {@code ioToFront} a job returning from I/O goes to the front of its queue, else to the back.
 * {@code variant=ostep} follows OSTEP's {@code mlfq.py} to the tick instead ({@link MlfqOstepVariant}).
 */
public final class MultiLevelFeedbackQueue implements SchedulerFactory {
    static final ParameterSpec<Long> QUEUES = ParameterSpec.integer("queues", 3, 1, 64, "number of levels");
    static final ParameterSpec<List<Long>> QUANTUM = ParameterSpec.durations("quantum", "10ms",
            "quantum per level, highest first (one value for all, or one per level: 10ms/20ms/40ms)");
    static final ParameterSpec<List<Long>> ALLOTMENT = ParameterSpec.integers("allotment", "1", 1, 1_000_000,
            "quanta a job may use at a level before moving down (one value, or one per level: 1/2/4)");
    static final ParameterSpec<Long> BOOST = new ParameterSpec<>("boost", ParameterType.duration(0), 0L,
            "period of the priority boost that moves every job to the top (0 = never)");
    static final ParameterSpec<Boolean> IO_TO_FRONT = ParameterSpec.bool("ioToFront", false,
            "a job returning from I/O goes to the front of its queue");
    static final ParameterSpec<Boolean> KEEP_ON_IO = ParameterSpec.bool("keepOnIo", false,
            "giving up the CPU before the allotment is used keeps the level and restarts the allotment");
    static final ParameterSpec<String> VARIANT = ParameterSpec.choice("variant", "osim", List.of("osim", "ostep"),
            "osim: the rules above; ostep: exactly OSTEP's mlfq.py (a preempted job keeps its place and the rest of "
                    + "its slice, allotments count slices; keepOnIo is its -S, ioToFront its -I)");

    private static final class State {
        int level;
        long usedAtLevel;
    }

    @Override
    public String name() {
        return "mlfq";
    }

    @Override
    public String description() {
        return "Multi-level feedback queue (Corbató's CTSS idea as in OSTEP ch. 8): the highest non-empty level "
                + "runs, round robin within a level with its own quantum; new jobs start at the top; a job that "
                + "has used its level's allotment of CPU time (allotment x quantum, however often it blocked) "
                + "moves down one level; every 'boost' all jobs return to the top. ioToFront and keepOnIo give "
                + "the older variants. A job becoming ready above a running one preempts it. variant=ostep follows "
                + "OSTEP's mlfq.py to the tick. Results show levels.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUEUES, QUANTUM, ALLOTMENT, BOOST, IO_TO_FRONT, KEEP_ON_IO, VARIANT);
    }

    /**
     * For wake-up preemption: of the CPUs {@code task} may run on, an idle one, else the one running the
     * lowest level (the highest number), else {@code previousCpu}.
     */
    static int cpuRunningTheLowestLevel(SchedulerContext context, Task task, int previousCpu,
                                        java.util.function.ToIntFunction<Task> level) {
        int best = previousCpu;
        int lowest = -1;
        for (int i = 0; i < context.cpuCount(); i++) {
            if (!task.allowedOn(i)) {
                continue; // a pinned task can only preempt where it may run
            }
            int l = context.cpu(i).current().map(level::applyAsInt).orElse(Integer.MAX_VALUE);
            if (l > lowest) {
                lowest = l;
                best = i;
            }
        }
        return best;
    }

    private static long[] perLevel(List<Long> values, int levels, String what) {
        if (values.size() != 1 && values.size() != levels) {
            throw OsimException.badInput("scheduler 'mlfq': " + what + " needs one value or one per level (" + levels
                    + "), got " + values.size());
        }
        long[] out = new long[levels];
        for (int i = 0; i < levels; i++) {
            out[i] = values.get(values.size() == 1 ? 0 : i);
        }
        return out;
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        int levels = params.get(QUEUES).intValue();
        long[] quantum = perLevel(params.get(QUANTUM), levels, "quantum");
        long[] allotment = perLevel(params.get(ALLOTMENT), levels, "allotment");
        long boost = params.get(BOOST);
        boolean ioToFront = params.get(IO_TO_FRONT);
        boolean keepOnIo = params.get(KEEP_ON_IO);
        if (params.get(VARIANT).equals("ostep")) {
            return new MlfqOstepVariant(context, quantum, allotment, boost, keepOnIo, ioToFront);
        }
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final MultiLevelQueue queues = new MultiLevelQueue(levels);
            /** Every live job, for the boost; in creation order, with constant-time removal. */
            private final java.util.Set<Task> live = new java.util.LinkedHashSet<>();

            {
                if (boost > 0) {
                    context.at(boost, this::boostAll);
                }
            }

            private void boostAll() {
                // Rule 5: everyone to the top with a fresh allotment; waiting jobs keep their order.
                java.util.List<Task> waiting = new java.util.ArrayList<>();
                for (Task t; (t = queues.poll()) != null; ) {
                    waiting.add(t);
                }
                for (Task t : live) {
                    State s = state(t);
                    s.level = 0;
                    s.usedAtLevel = 0;
                }
                waiting.forEach(t -> queues.add(0, t));
                for (int c = 0; c < context.cpuCount(); c++) {
                    context.cpu(c).current().ifPresent(t -> context.report(t, "level", 0));
                }
                context.at(context.now() + boost, this::boostAll);
            }

            private State state(Task t) {
                return t.attachment(State.class);
            }

            private long allotNanos(int level) {
                return allotment[level] * quantum[level];
            }

            @Override
            public void taskNew(Task task) {
                task.attach(new State());
                live.add(task);
            }

            @Override
            public void taskExit(Task task) {
                live.remove(task);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                int level = state(task).level;
                if (why == EnqueueReason.WAKEUP && ioToFront) {
                    queues.addFirst(level, task);
                } else {
                    queues.add(level, task);
                }
            }

            @Override
            public Task pickNext(CpuView cpu) {
                Task t = queues.poll(cpu);
                if (t != null) {
                    context.report(t, "level", state(t).level);
                }
                return t;
            }

            @Override
            public void dequeue(Task task) {
                queues.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                State s = state(task);
                return Math.max(1, Math.min(quantum[s.level], allotNanos(s.level) - s.usedAtLevel));
            }

            @Override
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                State s = state(task);
                s.usedAtLevel += ranNanos;
                if (s.usedAtLevel >= allotNanos(s.level)) {
                    s.level = Math.min(levels - 1, s.level + 1);
                    s.usedAtLevel = 0;
                } else if (keepOnIo && (why == StopReason.BLOCKED || why == StopReason.YIELDED)) {
                    s.usedAtLevel = 0;
                }
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return state(woken).level < state(current).level;
            }

            @Override
            public int selectCpu(Task task, int previousCpu) {
                return cpuRunningTheLowestLevel(context, task, previousCpu, t -> state(t).level);
            }
        };
    }
}
