package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.osim.api.program.Operand;
import org.osim.api.program.Program;

/**
 * A thread a process starts with.
 *
 * @param name the name results print: the process's name for a single-threaded process, {@code process.thread} otherwise
 * @param program what it runs
 * @param registers the machine registers it starts with, by number (r0 to r7); the others start at 0
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record ThreadSpec(String name, Program program, Map<Integer, Long> registers) {
    public ThreadSpec {
        requireNonNull(name, "name is null");
        requireNonNull(program, "program is null");
        registers = Map.copyOf(registers);
        for (int r : registers.keySet()) {
            new Operand.Register(r); // says which registers there are
        }
    }

    /** A thread whose registers all start at 0. */
    public ThreadSpec(String name, Program program) {
        this(name, program, Map.of());
    }
}
