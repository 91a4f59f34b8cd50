package org.osim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a sweep's runs are executed ({@code osim sweep --engine NAME}): {@code local}, on this machine's cores, is
 * built in; others, such as Apache Spark's, are found by ServiceLoader when their module is on the class path.
 * Whatever the engine, each task is run by {@link SweepTasks#run} and the outcomes come back in the order of the
 * tasks, so that every engine gives the same rows.
 */
public interface SweepEngine {
    /** The name {@code --engine} takes. */
    String name();

    /**
     * Runs {@code tasks} and returns their outcomes in the same order.
     *
     * @param master where to run, in the engine's terms ({@code local[2]}, {@code spark://host:7077}); empty for its default
     * @param table if present, where the engine writes the tidy table of the outcomes in its own native format
     */
    List<SweepOutcome> run(String sweep, List<SweepTask> tasks, Optional<String> master, Optional<Path> table);
}
