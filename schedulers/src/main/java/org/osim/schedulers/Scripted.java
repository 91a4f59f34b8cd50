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
 * A1"}; after the last step, first come first served. On several CPUs a list per CPU,
 * {@code "cpu0 A:4 | cpu1 -:1 B:4"}, where {@code -:N} is N instruction times idle.
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
        return "An explicit interleaving: 'schedule' lists steps THREAD:COUNT (A:3 B:2 A:1: A runs 3 "
                + "instruction times, then B 2, then A 1), as a violation's schedule prints them, so a race found "
                + "by osim explore or drawn in a book replays exactly (osim run W --schedule 'A:3 B:2 A:1'). After "
                + "the last step, first come first served. On several CPUs, one list per CPU: 'cpu0 A:4 | cpu1 -:1 B:4' "
                + "(-:N: the CPU idles N instruction times). A step naming a thread that cannot run is an error.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SCHEDULE, UNIT);
    }

    /** How an idle stretch is written: {@code -:3}, the CPU runs nothing for 3 instruction times. */
    static final String IDLE = "-";

    /** The steps of each CPU: one list for {@code "A:3 B:2"}, one per CPU for {@code "cpu0 A:3 | cpu1 B:2"}. */
    static List<List<Step>> parse(String text) {
        List<List<Step>> cpus = new ArrayList<>();
        for (String part : text.split("\\|", -1)) {
            List<Step> steps = new ArrayList<>();
            String[] words = part.strip().split("\\s+");
            for (int w = 0; w < words.length; w++) {
                String word = words[w];
                if (word.isEmpty() || (w == 0 && word.equals("cpu" + cpus.size()))) {
                    continue;
                }
                int colon = word.lastIndexOf(':');
                if (colon <= 0 || colon == word.length() - 1 || !word.substring(colon + 1).matches("[0-9]+")) {
                    throw new IllegalArgumentException("expected steps such as A:3 or P0.worker:12 (a thread, a colon, and how "
                            + "many instruction times; -:3 for an idle CPU), got '" + word + "'");
                }
                steps.add(new Step(word.substring(0, colon), Long.parseLong(word.substring(colon + 1))));
            }
            cpus.add(steps);
        }
        return cpus;
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        List<List<Step>> scripts = parse(params.get(SCHEDULE));
        long unit = params.get(UNIT);
        boolean scripted = scripts.stream().anyMatch(l -> !l.isEmpty());
        if (scripted && scripts.size() != context.cpuCount()) {
            throw new IllegalArgumentException("the schedule has steps for " + scripts.size() + " CPU(s); this run has "
                    + context.cpuCount());
        }
        int n = context.cpuCount();
        return new Scheduler() {
            private final FifoRunQueue queue = new FifoRunQueue();
            private final int[] next = new int[n];
            private final long[] slice = new long[n];
            private final long[] idleUntil = new long[n];
            /** When each CPU's last turn ended: an idle step counts from there. */
            private final long[] lastStop = new long[n];

            {
                java.util.Arrays.fill(slice, Slice.INFINITE);
                java.util.Arrays.fill(idleUntil, -1);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                int c = cpu.id();
                List<Step> steps = scripted ? scripts.get(c) : List.of();
                while (next[c] < steps.size() && steps.get(next[c]).task().equals(IDLE)) {
                    long now = context.now();
                    if (idleUntil[c] < 0) {
                        idleUntil[c] = lastStop[c] + steps.get(next[c]).count() * unit;
                        if (idleUntil[c] > now) {
                            context.at(idleUntil[c], () -> { }); // an instant at which this CPU asks again
                        }
                    }
                    if (now < idleUntil[c]) {
                        return null;
                    }
                    idleUntil[c] = -1;
                    next[c]++;
                }
                if (next[c] >= steps.size()) {
                    slice[c] = Slice.INFINITE;
                    return queue.poll(cpu);
                }
                Step s = steps.get(next[c]);
                Task t = queue.pollFirst(x -> x.name().equals(s.task()));
                if (t == null) {
                    if (queue.isEmpty()) {
                        return null; // nobody ready: the step waits for its thread
                    }
                    throw new IllegalArgumentException("step " + (next[c] + 1) + (n > 1 ? " of cpu" + c : "") + " of the schedule ('"
                            + s.task() + ":" + s.count() + "') names " + s.task() + ", which is not ready at "
                            + org.osim.api.SimTime.formatMillis(context.now()) + " ms (ready: " + String.join(", ", names()) + ")");
                }
                next[c]++;
                slice[c] = Math.max(1, s.count()) * unit;
                return t;
            }

            private List<String> names() {
                List<String> names = new ArrayList<>();
                queue.forEach(t -> names.add(t.name()));
                return names;
            }

            @Override
            public void dequeue(Task task) {
                queue.remove(task);
            }

            @Override
            public void stopping(Task task, CpuView cpu, org.osim.api.sched.StopReason why, long ranNanos) {
                lastStop[cpu.id()] = context.now();
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return slice[cpu.id()];
            }
        };
    }
}
