package org.osim.schedulers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osim.api.PythonRandom;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.ParameterType;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/**
 * The interrupt rule of OSTEP's {@code x86.py} (threads-intro, threads-locks): a counter of machine instructions
 * set to {@code interrupt} (with {@code random}, to {@code int(random() * interrupt) + 1} from the script's own
 * stream, CPython's generator seeded with {@code scriptSeed}); when it runs out, or the thread yields, the next
 * thread after the current one in thread order that has not halted runs, with a new count. A thread that halts
 * hands the rest of its count to the next, and a halt that uses the count up switches twice. With {@code schedule}
 * (the script's {@code -P}, thread numbers such as {@code 11000}) the threads take one instruction each in that
 * cyclic order instead. Each switch is noted in the trace ({@code halt switch to T}, {@code interrupt: T}).
 */
public final class OstepX86 implements SchedulerFactory {
    static final ParameterSpec<Long> INTERRUPT = ParameterSpec.integer("interrupt", 50, 1, Integer.MAX_VALUE,
            "instructions between interrupts (the script's -i)");
    static final ParameterSpec<Boolean> RANDOM = ParameterSpec.bool("random", false,
            "draw each count as int(random() * interrupt) + 1 (the script's -r)");
    static final ParameterSpec<Long> SCRIPT_SEED = ParameterSpec.integer("scriptSeed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
            "the seed of the script's random stream (its -s)");
    static final ParameterSpec<String> SCHEDULE = new ParameterSpec<>("schedule", ParameterType.text(), "",
            "thread numbers, one digit each, taken cyclically one instruction at a time (the script's -P), e.g. 11000");

    @Override
    public String name() {
        return "x86";
    }

    @Override
    public String description() {
        return "The interrupt rule of OSTEP's x86.py: every 'interrupt' machine instructions (random: a count drawn as "
                + "the script does) the next thread in thread order runs; a halting thread hands on the rest of its count; "
                + "'schedule' (the script's -P) gives the order instruction by instruction instead.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(INTERRUPT, RANDOM, SCRIPT_SEED, SCHEDULE);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        if (context.instructionNanos() < 2) {
            throw new IllegalArgumentException("x86 counts machine instructions and needs one to take at least 2 ns "
                    + "(the textbook profile's take 1 us)");
        }
        String schedule = params.get(SCHEDULE);
        if (!schedule.matches("[0-9]*")) {
            throw new IllegalArgumentException("schedule takes thread numbers, one digit each, e.g. 11000; got '" + schedule + "'");
        }
        return new Rule(context, params.get(INTERRUPT), params.get(RANDOM) ? new PythonRandom(params.get(SCRIPT_SEED)) : null,
                schedule.chars().map(ch -> ch - '0').toArray());
    }

    /** The script's loop: the current thread, its count, and the threads in their order. */
    private static final class Rule implements Scheduler {
        private final SchedulerContext ctx;
        private final long interrupt;
        private final PythonRandom random;
        private final int[] schedule;
        /** Every thread, in thread order (the schedule's numbers), and those that have not halted. */
        private final List<Task> threads = new ArrayList<>();
        private final TreeSet<Task> live = new TreeSet<>(Comparator.comparingInt(Task::id));
        private final Set<Task> ready = new HashSet<>();
        private final Set<Task> running = new HashSet<>();
        private Task current;
        /** Instructions left before the next interrupt, as of the current thread's dispatch. */
        private long count;
        /** The slot of {@link #schedule} the current thread came from. */
        private int slot;

        Rule(SchedulerContext ctx, long interrupt, PythonRandom random, int[] schedule) {
            this.ctx = ctx;
            this.interrupt = interrupt;
            this.random = random;
            this.schedule = schedule;
        }

        @Override
        public void enqueue(Task task, EnqueueReason why) {
            if (why == EnqueueReason.NEW) {
                threads.add(task);
                if (threads.size() > 1 && threads.get(threads.size() - 2).id() > task.id()) {
                    threads.sort(Comparator.comparingInt(Task::id));
                }
                live.add(task);
            }
            ready.add(task);
        }

        @Override
        public void dequeue(Task task) {
            ready.remove(task);
        }

        @Override
        public void taskExit(Task task) {
            ready.remove(task);
            running.remove(task);
            live.remove(task);
        }

        @Override
        public Task pickNext(CpuView cpu) {
            if (current == null) { // the start: the first thread (or the schedule's first), and the first count
                if (threads.isEmpty()) {
                    return null;
                }
                current = schedule.length > 0 ? thread(schedule[0]) : threads.get(0);
                count = draw();
            }
            Task pick = null;
            if (ready.contains(current) && current.allowedOn(cpu.id())) {
                pick = current;
            } else {
                // What the script never meets — a thread that blocks, arrives later or may not run here, several CPUs: the
                // next ready thread after the current one that may run here; it becomes the current one if that is gone.
                for (Task t : concat(live.tailSet(current, false), live.headSet(current, true))) {
                    if (ready.contains(t) && t.allowedOn(cpu.id())) {
                        pick = t;
                        break;
                    }
                }
                if (pick != null && !running.contains(current) && !ready.contains(current)) {
                    current = pick;
                    count = draw();
                }
            }
            if (pick != null) {
                ready.remove(pick);
                running.add(pick);
            }
            return pick;
        }

        /**
         * Up to just before the end of the count's last instruction: an instruction takes effect when it starts, and the
         * next one would start at the very instant a slice of whole instructions ended.
         */
        @Override
        public long sliceNanos(Task task, CpuView cpu) {
            return Math.multiplyExact(task == current ? count : interrupt, ctx.instructionNanos()) - 1;
        }

        @Override
        public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
            running.remove(task);
            if (task != current) {
                if (why == StopReason.EXITED) {
                    live.remove(task);
                }
                return;
            }
            if (why != StopReason.EXITED) {
                interrupt(); // the count ran out, or the thread yielded: either way a new count
                return;
            }
            live.remove(task);
            if (live.isEmpty()) {
                return;
            }
            long instruction = ctx.instructionNanos();
            // whole instructions (the 1 ns left of the one a slice cut short is finished at the next dispatch)
            long left = count - (ranNanos + instruction / 2) / instruction - 1; // the halt is an instruction too
            advance();
            ctx.note("halt switch to " + current.name());
            if (left <= 0) {
                interrupt();
            } else {
                count = left;
            }
        }

        /** The script's interrupt: a new count and the next thread (which may be the same one). */
        private void interrupt() {
            Task before = current;
            count = draw();
            advance();
            if (schedule.length == 0 || current != before) {
                ctx.note("interrupt: " + current.name());
            }
        }

        private void advance() {
            if (schedule.length > 0) {
                do {
                    slot = (slot + 1) % schedule.length;
                } while (!live.contains(thread(schedule[slot])));
                current = thread(schedule[slot]);
                return;
            }
            Task next = live.higher(current);
            current = next != null ? next : live.first();
        }

        private static Iterable<Task> concat(java.util.SortedSet<Task> a, java.util.SortedSet<Task> b) {
            return () -> java.util.stream.Stream.concat(a.stream(), b.stream()).iterator();
        }

        private Task thread(int number) {
            if (number >= threads.size()) {
                throw new IllegalArgumentException("schedule names thread " + number + ", but there are " + threads.size()
                        + " threads (0 to " + (threads.size() - 1) + ")");
            }
            return threads.get(number);
        }

        private long draw() {
            if (schedule.length > 0) {
                return 1;
            }
            return random == null ? interrupt : (long) (random.random() * interrupt) + 1;
        }
    }
}
