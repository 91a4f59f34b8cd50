package org.osim.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.osim.api.SimTime;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.TaskResult;

/** A run's results with helpers for assertions, in milliseconds (the textbook's unit). */
public record HarnessResult(RunResult result) {
    public HarnessResult {
        requireNonNull(result, "result is null");
    }

    /** The schedule as text, e.g. {@code "A 0-8 | B 8-12"}; with several CPUs each slice is prefixed {@code cpu1:}. */
    public String schedule() {
        boolean multi = result.cpus() > 1;
        return result.slices().stream().map(s -> (multi ? "cpu" + s.cpu() + ":" : "") + s.task() + " "
                + SimTime.formatMillis(s.start()) + "-" + SimTime.formatMillis(s.end()))
                .collect(Collectors.joining(" | "));
    }

    /** The order in which tasks got a CPU, e.g. {@code [B, C, D, A]}. */
    public List<String> order() {
        return result.slices().stream().map(SliceRecord::task).collect(Collectors.toList());
    }

    /** Whether the invariant checker watched the run (and so found every rule kept). */
    public boolean invariantsChecked() {
        return result.invariantsChecked();
    }

    public TaskResult process(String name) {
        return result.process(name).orElseThrow(() -> new IllegalArgumentException("no process '" + name + "' in the results"));
    }

    public double turnaroundMillis(String process) {
        return millis(process(process).turnaround().orElseThrow());
    }

    public double waitingMillis(String process) {
        return millis(process(process).waiting());
    }

    public double meanTurnaroundMillis() {
        return millis(result.summary().meanTurnaround());
    }

    public double meanWaitingMillis() {
        return millis(result.summary().meanWaiting());
    }

    public double meanResponseMillis() {
        return millis(result.summary().meanResponse());
    }

    private static double millis(double nanos) {
        return SimTime.toMillis(nanos).doubleValue();
    }
}
