package org.osim.bench;

import java.util.ArrayDeque;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.MultiLevelQueue;
import org.osim.api.sched.PriorityRunQueue;
import org.osim.api.sched.Task;
import org.osim.api.sched.ThreadKind;
import org.osim.api.sched.ThreadState;

/**
 * The run queues policies are built from, in the loop a scheduler runs them in: take the next task, put it back
 * (round robin's slice end, a heap policy's re-keyed task), with {@code ready} tasks queued. Each beside the plain
 * Java structure it wraps, in the same run (the queues are filled once; each call makes its decisions on them): {@link FifoRunQueue} and {@link MultiLevelQueue} against an
 * {@link ArrayDeque}, {@link PriorityRunQueue} (primitive keys, first come first served on ties) against a
 * {@link PriorityQueue} of (key, sequence) entries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RunQueueBenchmark {
    /** Decisions per benchmark call. */
    static final int DECISIONS = 100_000;

    @Param({"100", "10000", "100000"})
    int ready;

    private FifoRunQueue fifo;
    private ArrayDeque<Task> deque;
    private MultiLevelQueue levels;
    private PriorityRunQueue heap;
    private PriorityQueue<Entry> entries;
    private long seq;

    /** A task with nothing behind it: the queues only hold and compare references. */
    record BareTask(int id) implements Task {
        public String name() { return "t" + id; }
        public int pid() { return id; }
        public String processName() { return name(); }
        public String user() { return ""; }
        public ThreadKind kind() { return ThreadKind.KERNEL; }
        public int basePriority() { return 0; }
        public int priority() { return 0; }
        public int tickets() { return 1; }
        public int nice() { return 0; }
        public boolean realTime() { return false; }
        public long periodNanos() { return Long.MAX_VALUE; }
        public long relativeDeadlineNanos() { return Long.MAX_VALUE; }
        public long deadlineNanos() { return Long.MAX_VALUE; }
        public long jobRemainingNanos() { return 0; }
        public long arrivalNanos() { return 0; }
        public long declaredRunNanos() { return 0; }
        public long cpuNanos() { return 0; }
        public ThreadState state() { return ThreadState.READY; }
        public OptionalInt lastCpu() { return OptionalInt.empty(); }
        public void attach(Object data) {}
        public <X> X attachment(Class<X> type) { throw new IllegalStateException("no attachment"); }
        public boolean hasAttachment() { return false; }
    }

    /** The queues, filled once: each call makes decisions on a queue that stays {@code ready} long. */
    @Setup
    public void setUp() {
        fifo = new FifoRunQueue();
        deque = new ArrayDeque<>();
        levels = new MultiLevelQueue(8);
        heap = new PriorityRunQueue();
        entries = new PriorityQueue<>((a, b) -> a.key != b.key ? Long.compare(a.key, b.key) : Long.compare(a.seq, b.seq));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ready; i++) {
            Task t = new BareTask(i);
            long key = random.nextLong(1_000_000);
            fifo.add(t);
            deque.addLast(t);
            levels.add(i & 7, t);
            heap.add(t, key);
            entries.add(new Entry(t, key, seq++));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public Task fifo() {
        Task t = null;
        for (int n = 0; n < DECISIONS; n++) {
            t = fifo.poll();
            fifo.add(t);
        }
        return t;
    }

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public Task fifoBaseline() {
        Task t = null;
        for (int n = 0; n < DECISIONS; n++) {
            t = deque.pollFirst();
            deque.addLast(t);
        }
        return t;
    }

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public Task multiLevel() {
        Task t = null;
        for (int n = 0; n < DECISIONS; n++) {
            t = levels.poll();
            levels.add(n & 7, t); // a task that used its slice moves to another level
        }
        return t;
    }

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public Task priority() {
        Task t = null;
        for (int n = 0; n < DECISIONS; n++) {
            long key = heap.peekKey();
            t = heap.poll();
            heap.add(t, key + 1 + (n & 1023)); // virtual time moves on by what it ran
        }
        return t;
    }

    /** A (key, sequence) entry of the baseline heap: ties first come first served, as {@link PriorityRunQueue}'s. */
    private record Entry(Task task, long key, long seq) {}

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public Task priorityBaseline() {
        Task t = null;
        for (int n = 0; n < DECISIONS; n++) {
            Entry e = entries.poll();
            t = e.task();
            entries.add(new Entry(t, e.key() + 1 + (n & 1023), seq++));
        }
        return t;
    }
}
