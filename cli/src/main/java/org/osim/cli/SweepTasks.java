package org.osim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osim.kernel.Osim;
import org.osim.stats.Replication;
import org.osim.workloads.Workloads;

/**
 * Runs one {@link SweepTask} wherever it lands: wires the plugins once per JVM and plugin folders, loads the workload
 * with the task's parameters and seed, runs it, and keeps what the study needs. A run that fails (a plugin fault, the
 * watchdog) comes back with its error instead, so that one failed run does not stop the others.
 */
public final class SweepTasks {
    private static final Map<List<String>, Osim> WIRED = new ConcurrentHashMap<>();
    /**
     * The workloads loaded last, by workload, parameters and seed: the schedulers of one replication run the same one
     * (workloads are immutable), and a grid's tasks come replication by replication, so a few suffice.
     */
    private static final Map<List<Object>, org.osim.api.workload.Workload> LOADED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, org.osim.api.workload.Workload> eldest) {
                    return size() > 16;
                }
            });

    private SweepTasks() {}

    public static SweepOutcome run(SweepTask t) {
        String name = t.workload();
        try {
            List<Object> key = List.of(t.workload(), t.cell(), t.seed());
            var w = LOADED.get(key);
            if (w == null) {
                w = Workloads.load(t.workload(), t.seed(), t.cell());
                LOADED.put(key, w);
            }
            name = w.name();
            String policy = t.scheduler().contains(":") ? t.scheduler().substring(0, t.scheduler().indexOf(':')) : t.scheduler();
            Replication r = Replication.of(osim(t.pluginFolders()).simulation(w).seed(t.seed()).scheduler(policy, t.params()).run());
            return new SweepOutcome(t, name, java.util.Optional.of(r), java.util.Optional.empty());
        } catch (RuntimeException e) {
            return new SweepOutcome(t, name, java.util.Optional.empty(), java.util.Optional.of(String.valueOf(e.getMessage())));
        }
    }

    /** The plugins of this JVM's class path and of those of {@code folders} that exist here (a cluster's workers may lack them). */
    static Osim osim(List<String> folders) {
        return WIRED.computeIfAbsent(folders, f -> Osim.create(f.stream().map(Path::of).filter(Files::exists).toList()));
    }
}
