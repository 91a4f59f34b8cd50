package org.osim.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.ParameterType;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Slice;
import org.osim.api.sched.Task;

/**
 * An explicit interleaving, to replay a textbook figure or a race {@code osim explore} found: a list of
 * steps {@code THREAD:COUNT} — run that thread for that many instruction times — such as {@code "A3 B2
 * A1"}; after the last step, first come first served. One CPU.
 */
public final class Scripted implements SchedulerFactory {
    static final ParameterSpec<String> SCHEDULE = new ParameterSpec<>("schedule", ParameterType.text(), "",
            "the steps, e.g. 'A:3 B:2 A:1': thread A runs 3 instruction times, then B 2, then A 1");
    static final ParameterSpec<Long> UNIT = RandomInterleaving.UNIT;

    /** One step: who runs, and for how many instruction times. */
    record Step(String task, long count) {}

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String description() {
        return "An explicit interleaving on one CPU: 'schedule' lists steps THREAD:COUNT (A:3 B:2 A:1: A runs 3 "
                + "instruction times, then B 2, then A 1), as a violation's schedule prints them, so a race found "
                + "by osim explore or drawn in a book replays exactly (osim run W --schedule 'A:3 B:2 A:1'). After "
                + "the last step, first come first served. A step naming a thread that cannot run is an error.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SCHEDULE, UNIT);
    }

    static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int colon = word.lastIndexOf(':');
            if (colon <= 0 || colon == word.length() - 1 || !word.substring(colon + 1).matches("[0-9]+")) {
                throw new IllegalArgumentException("expected steps such as A:3 or P0.worker:12 (a thread, a colon, and how "
                        + "many instruction times), got '" + word + "'");
            }
            steps.add(new Step(word.substring(0, colon), Long.parseLong(word.substring(colon + 1))));
        }
        return steps;
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        List<Step> steps = parse(params.get(SCHEDULE));
        long unit = params.get(UNIT);
        if (context.cpuCount() != 1 && !steps.isEmpty()) {
            throw new IllegalArgumentException("a scripted schedule runs on one CPU; this run has " + context.cpuCount());
        }
        return new Scheduler() {
            private final FifoRunQueue queue = new FifoRunQueue();
            private int next;
            private long slice = Slice.INFINITE;

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                if (next >= steps.size()) {
                    slice = Slice.INFINITE;
                    return queue.poll(cpu);
                }
                Step s = steps.get(next);
                Task t = queue.pollFirst(x -> x.name().equals(s.task()));
                if (t == null) {
                    if (queue.isEmpty()) {
                        return null; // nobody ready: the step waits for its thread
                    }
                    throw new IllegalArgumentException("step " + (next + 1) + " of the schedule ('" + s.task() + ":" + s.count()
                            + "') names " + s.task() + ", which is not ready at " + org.osim.api.SimTime.formatMillis(context.now())
                            + " ms (ready: " + String.join(", ", names()) + ")");
                }
                next++;
                slice = Math.max(1, s.count()) * unit;
                return t;
            }

            private List<String> names() {
                List<String> n = new ArrayList<>();
                queue.forEach(t -> n.add(t.name()));
                return n;
            }

            @Override
            public void dequeue(Task task) {
                queue.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return slice;
            }
        };
    }
}
