package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import org.osim.api.program.Program;

/**
 * A thread a process starts with.
 *
 * @param name the name results print: the process's name for a single-threaded process, {@code process.thread} otherwise
 * @param program what it runs
 */
public record ThreadSpec(String name, Program program) {
    public ThreadSpec {
        requireNonNull(name, "name is null");
        requireNonNull(program, "program is null");
    }
}
