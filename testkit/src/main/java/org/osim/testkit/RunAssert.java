package org.osim.testkit;

import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Termination;
import org.osim.api.result.Violation;

/**
 * Assertions on a run, AssertJ style: the schedule, each task's times, an object's counts, the words in memory,
 * violations and deadlock cycles, each failure saying what the run did instead. Times are nanoseconds ({@link
 * Textbook#ms}).
 *
 * <pre>{@code
 * assertThatRun(SchedulerHarness.of(new Lifo()).workload(Textbook.fig241()).run())
 *         .hasSchedule("D 0-4 | C 4-8 | B 8-12 | A 12-20")
 *         .hasMeanTurnaround(ms(11))
 *         .task("A").hasTurnaround(ms(20)).hasWaiting(ms(12));
 * }</pre>
 */
public final class RunAssert extends AbstractAssert<RunAssert, RunResult> {
    private RunAssert(RunResult actual) {
        super(actual, RunAssert.class);
    }

    /** Assertions on {@code run}. */
    public static RunAssert assertThatRun(RunResult run) {
        return new RunAssert(run);
    }

    /** Assertions on the run of {@code harness}. */
    public static RunAssert assertThatRun(HarnessResult harness) {
        return new RunAssert(harness.result());
    }

    /** The schedule as {@link HarnessResult#schedule()} writes it: {@code "A 0-8 | B 8-12"}, milliseconds. */
    public RunAssert hasSchedule(String schedule) {
        isNotNull();
        String was = new HarnessResult(actual).schedule();
        if (!was.equals(schedule)) {
            failWithMessage("expected the schedule%n  %s%nbut it was%n  %s", schedule, was);
        }
        return this;
    }

    /** The tasks in the order they got a CPU, one entry per slice. */
    public RunAssert hasOrder(String... tasks) {
        Assertions.assertThat(new HarnessResult(actual).order()).as("the order tasks ran in").containsExactly(tasks);
        return this;
    }

    public RunAssert hasMeanTurnaround(long nanos) {
        Assertions.assertThat(actual.summary().meanTurnaround()).as("mean turnaround (ns)").isEqualTo((double) nanos);
        return this;
    }

    public RunAssert hasMeanWaiting(long nanos) {
        Assertions.assertThat(actual.summary().meanWaiting()).as("mean waiting (ns)").isEqualTo((double) nanos);
        return this;
    }

    public RunAssert hasMeanResponse(long nanos) {
        Assertions.assertThat(actual.summary().meanResponse()).as("mean response (ns)").isEqualTo((double) nanos);
        return this;
    }

    /** Every process ran to its end. */
    public RunAssert allCompleted() {
        Assertions.assertThat(actual.processes().stream().filter(p -> p.completion().isEmpty()).map(TaskResult::name))
                .as("processes that did not complete").isEmpty();
        return this;
    }

    public RunAssert hasNoViolations() {
        Assertions.assertThat(actual.violations()).as("violations").isEmpty();
        return this;
    }

    /** A violation of {@code kind} ({@code mutual-exclusion}, {@code deadlock}, …) happened. */
    public RunAssert hasViolation(String kind) {
        Assertions.assertThat(actual.violations()).extracting(Violation::kind).as("kinds of violation").contains(kind);
        return this;
    }

    /** The run found a deadlock among exactly these threads, in the order its cycle names them. */
    public RunAssert hasDeadlockCycle(String... threads) {
        Optional<Violation> d = actual.violations().stream().filter(v -> v.kind().equals("deadlock")).findFirst();
        if (d.isEmpty()) {
            failWithMessage("expected a deadlock of %s, but the run found none (violations: %s)", List.of(threads), actual.violations());
        }
        Assertions.assertThat(d.get().threads()).as("the threads of the deadlock cycle").containsExactly(threads);
        return this;
    }

    /** The values of memory word {@code word} at the end (one for a plain word, the elements of an array). */
    public ListAssert<Long> memory(String word) {
        List<Long> values = actual.memory().get(word);
        if (values == null) {
            failWithMessage("no memory word '%s'; the run has %s", word, actual.memory().keySet());
        }
        return Assertions.assertThat(values).as("memory word %s", word);
    }

    /** Assertions on process or thread {@code name}. */
    public TaskAssert task(String name) {
        TaskResult t = find(actual.processes(), name);
        if (t == null) {
            failWithMessage("no task '%s' in the run; it has %s", name, actual.processes().stream().map(TaskResult::name).toList());
        }
        return new TaskAssert(t, this);
    }

    /** Assertions on kernel object {@code name}. */
    public ObjectAssert object(String name) {
        ObjectResult o = actual.objects().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (o == null) {
            failWithMessage("no kernel object '%s'; the run has %s", name, actual.objects().stream().map(ObjectResult::name).toList());
        }
        return new ObjectAssert(o, this);
    }

    private static TaskResult find(List<TaskResult> tasks, String name) {
        for (TaskResult t : tasks) {
            if (t.name().equals(name)) {
                return t;
            }
            TaskResult inner = find(t.threads(), name);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** Assertions on one task; {@link #run()} goes back to the run's. */
    public static final class TaskAssert extends AbstractAssert<TaskAssert, TaskResult> {
        private final RunAssert run;

        TaskAssert(TaskResult actual, RunAssert run) {
            super(actual, TaskAssert.class);
            this.run = run;
        }

        public TaskAssert hasTurnaround(long nanos) {
            Assertions.assertThat(actual.turnaround()).as("turnaround of %s (ns)", actual.name()).hasValue(nanos);
            return this;
        }

        public TaskAssert hasWaiting(long nanos) {
            Assertions.assertThat(actual.waiting()).as("waiting of %s (ns)", actual.name()).isEqualTo(nanos);
            return this;
        }

        public TaskAssert hasResponse(long nanos) {
            Assertions.assertThat(actual.response()).as("response of %s (ns)", actual.name()).hasValue(nanos);
            return this;
        }

        public TaskAssert hasCpu(long nanos) {
            Assertions.assertThat(actual.cpu()).as("CPU time of %s (ns)", actual.name()).isEqualTo(nanos);
            return this;
        }

        /** It ended in this way (normal, error, fatal, killed). */
        public TaskAssert endedBy(Termination.Kind kind) {
            Assertions.assertThat(actual.termination().map(Termination::kind)).as("how %s ended", actual.name()).hasValue(kind);
            return this;
        }

        public RunAssert run() {
            return run;
        }
    }

    /** Assertions on one kernel object; {@link #run()} goes back to the run's. */
    public static final class ObjectAssert extends AbstractAssert<ObjectAssert, ObjectResult> {
        private final RunAssert run;

        ObjectAssert(ObjectResult actual, RunAssert run) {
            super(actual, ObjectAssert.class);
            this.run = run;
        }

        public ObjectAssert hasOperations(long n) {
            Assertions.assertThat(actual.operations()).as("operations on %s", actual.name()).isEqualTo(n);
            return this;
        }

        public ObjectAssert hasBlocks(long n) {
            Assertions.assertThat(actual.blocks()).as("calls that blocked on %s", actual.name()).isEqualTo(n);
            return this;
        }

        public ObjectAssert hasTimeouts(long n) {
            Assertions.assertThat(actual.timeouts()).as("time-outs on %s", actual.name()).isEqualTo(n);
            return this;
        }

        /** One of the object's own counters ({@code sent}, {@code most buffered}). */
        public ObjectAssert hasCounter(String counter, long value) {
            Assertions.assertThat(actual.counters()).as("counters of %s", actual.name()).containsEntry(counter, value);
            return this;
        }

        public RunAssert run() {
            return run;
        }
    }
}
