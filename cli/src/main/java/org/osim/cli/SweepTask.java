package org.osim.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One run of a sweep's grid, as an engine hands it to a worker (a local thread, a Spark executor): which workload with
 * which parameter values, under which scheduler, as which replication with which seed, and the plugin folders the
 * worker wires besides its class path.
 */
public record SweepTask(String workload, Map<String, String> cell, String scheduler, Map<String, String> params, int replication,
                        long seed, List<String> pluginFolders) implements java.io.Serializable {
    public SweepTask {
        requireNonNull(workload, "workload is null");
        cell = Map.copyOf(cell);
        requireNonNull(scheduler, "scheduler is null");
        params = Map.copyOf(params);
        pluginFolders = List.copyOf(pluginFolders);
    }
}
