package org.osim.cli;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.osim.stats.Replication;

/**
 * What one run of a sweep gave: the workload's name as loaded (with its parameters), and what the study keeps of the
 * run, or the error that ended it.
 */
public record SweepOutcome(SweepTask task, String workloadName, Optional<Replication> result, Optional<String> error) {
    public SweepOutcome {
        requireNonNull(task, "task is null");
        requireNonNull(workloadName, "workloadName is null");
        requireNonNull(result, "result is null");
        requireNonNull(error, "error is null");
    }

    /** The same, in a form Java serialization carries between JVMs (Optional is not serializable). */
    public Wire wire() {
        return new Wire(task, workloadName, result.orElse(null), error.orElse(null));
    }

    /** {@link SweepOutcome} on the wire: the absent parts are null only here. */
    public record Wire(SweepTask task, String workloadName, Replication result, String error) implements java.io.Serializable {
        public SweepOutcome outcome() {
            return new SweepOutcome(task, workloadName, Optional.ofNullable(result), Optional.ofNullable(error));
        }
    }
}
